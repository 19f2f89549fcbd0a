"""safeguide's search settings, applied to an engine's finished search index.

Which pages search puts first, and which it leaves out, is decided here, on the index the
engine wrote, not in page front matter (an engine without Material's search plugin, such
as Zensical, drops ``search.boost`` and ``search.exclude``):

- the contact directory first (boost 3), then guidance and flowcharts (2), scenarios last
  (0.5);
- the flowcharts' route sign-off tables and "What's new" out of search: they repeat
  every term of the edition.

Two index formats are known. Material's (``search/search_index.json``, ``docs``) carries a
``boost`` per entry that its search worker weighs. Zensical's (``search.json``,
``items``) has no boost, and its search worker keeps the index order among results that
score the same; boosted pages' entries are moved ahead of the rest (a stable sort, so
each page's entries stay together and in order). Both formats are also published as a
script (``var __index = ...``) for search from file://.

Pure functions; :func:`with_search_settings` is idempotent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

INDEX_FILES = (
    "search/search_index.json",
    "search/search_index.js",
    "search.json",
    "search.js",
)
"""Where Material (the first two) and Zensical (the last two) write their search index,
relative to the site root."""


@dataclass(frozen=True)
class SearchSetting:
    """How search treats one page: its weight, or left out of the index."""

    boost: float | None = None
    exclude: bool = False


_RULES: tuple[tuple[re.Pattern[str], SearchSetting], ...] = tuple(
    (re.compile(pattern), setting)
    for pattern, setting in (
        (r"flowcharts/[^/]+-routes\.html", SearchSetting(exclude=True)),
        (r"whats-new\.html", SearchSetting(exclude=True)),
        (r"contacts\.html", SearchSetting(boost=3)),
        (r"guidance/[^/]+\.html", SearchSetting(boost=2)),
        (r"flowcharts/[^/]+\.html", SearchSetting(boost=2)),
        (r"scenarios/index\.html", SearchSetting()),
        (r"scenarios/[^/]+\.html", SearchSetting(boost=0.5)),
    )
)


def search_setting(location: str) -> SearchSetting:
    """The setting for a search entry's location (a page, with or without ``#anchor``,
    relative to the site root)."""
    page = location.split("#", 1)[0]
    for pattern, setting in _RULES:
        if pattern.fullmatch(page):
            return setting
    return SearchSetting()


def _kept(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if not search_setting(str(e.get("location", ""))).exclude]


def _material(index: dict[str, Any]) -> dict[str, Any]:
    docs = []
    for doc in _kept(index["docs"]):
        boost = search_setting(str(doc.get("location", ""))).boost
        docs.append(doc if boost is None else {**doc, "boost": boost})
    return {**index, "docs": docs}


def _zensical(index: dict[str, Any]) -> dict[str, Any]:
    def weight(item: dict[str, Any]) -> float:
        boost = search_setting(str(item.get("location", ""))).boost
        return 1.0 if boost is None else boost

    return {**index, "items": sorted(_kept(index["items"]), key=weight, reverse=True)}


def with_search_settings(index: dict[str, Any]) -> dict[str, Any]:
    """A parsed search index (Material's or Zensical's) with safeguide's settings applied.
    Anything else is returned as it is."""
    if isinstance(index.get("docs"), list):
        return _material(index)
    if isinstance(index.get("items"), list):
        return _zensical(index)
    return index


_SCRIPT = re.compile(r"(?s)\A(\s*var\s+__index\s*=\s*)(.*?)(;?\s*)\Z")


def index_file_with_search_settings(text: str) -> str:
    """A search index file's text (JSON, or the ``var __index = ...`` script) with the
    settings applied, written compactly as the engines write it. Unchanged text comes back
    as it is when the settings are already in place."""
    script = _SCRIPT.match(text)
    prefix, body, suffix = script.groups() if script else ("", text, "")
    index = json.loads(body)
    if not isinstance(index, dict):
        return text
    settled = with_search_settings(index)
    if settled == index:
        return text
    return prefix + json.dumps(settled, ensure_ascii=False, separators=(",", ":")) + suffix
