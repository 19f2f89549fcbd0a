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

Phone numbers are one searchable value: each contact card's entry carries its numbers in
its title ("NSPCC Helpline: 0808 800 5000"), so a number as published finds the card
first on either engine (a title outweighs text on both), and in its text each number
without spaces or brackets ("08088005000"), so a number typed that way finds the card
(only the card: that form is nowhere else).

Pure functions; :func:`with_search_settings` is idempotent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import phonenumbers

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


CONTACT_ENTRY = re.compile(r"contacts\.html#contact-.+")
"""A contact card's entry on the contacts page (generator's own anchor for each card)."""
_CHANNEL = re.compile(r"<li>[^<:]{1,120}:\s*(?P<value>[\d(][^<·]*)")
"""A contact card's channel line as the contacts page writes it: "<li>Phone: 0808 800 5000
· Any time</li>", "<li>Text SHOUT to: 85258</li>"; its value starts with the number."""
_CANDIDATE = re.compile(r"(?<![\w.:/@-])\(?\d[\d ()-]*\d(?![\w/@])")


def _is_phone_number(digits: str) -> bool:
    number = phonenumbers.parse(digits, "GB")
    if phonenumbers.is_valid_number(number) or phonenumbers.is_valid_short_number(number):
        return True
    # A UK number in a range no network uses yet (Ofcom's drama numbers, 01632 960xxx, in
    # an example edition) is still written as one: 0 and ten digits in all.
    return digits.startswith("0") and len(digits) in (10, 11)


def _numbers_in_run(run: str) -> list[tuple[str, str]]:
    """A run of digit groups split into numbers, longest first from the left: "0345 603
    7627 (24" is one number and a stray group; "999 101" two."""
    groups, found = run.split(), []
    while groups:
        for end in range(len(groups), 0, -1):
            written = " ".join(groups[:end]).rstrip("(- ")
            digits = re.sub(r"\D", "", written)
            balanced = written.count("(") == written.count(")")
            if balanced and 3 <= len(digits) <= 11 and _is_phone_number(digits):
                found.append((written, digits))
                break
        groups = groups[end:]
    return found


def phone_numbers(text: str) -> list[tuple[str, str]]:
    """The phone numbers in ``text`` as written and without spaces or brackets, in order,
    each once: ``[("0808 800 5000", "08088005000"), ("999", "999")]``."""
    found: dict[str, str] = {}
    for match in _CANDIDATE.finditer(text):
        for written, digits in _numbers_in_run(match.group()):
            if digits not in found.values():
                found[written] = digits
    return list(found.items())


def _other_forms(written: str, digits: str) -> list[str]:
    """How else a number may be typed: without spaces or brackets, and in the national
    format when it was published otherwise ("0808 2000 247" is also "0808 200 0247")."""
    national = phonenumbers.format_number(
        phonenumbers.parse(digits, "GB"), phonenumbers.PhoneNumberFormat.NATIONAL
    )
    return [form for form in dict.fromkeys([digits, national]) if form != written]


def _with_numbers(entry: dict[str, Any], *, as_tags: bool) -> dict[str, Any]:
    """A contact card's entry with its numbers in its title and their other forms in its
    text; with ``as_tags`` (Material: a tag outweighs any title) also as its tags, so a
    short number (999, 101) finds the card before the flowchart steps that name it."""
    if not CONTACT_ENTRY.fullmatch(str(entry.get("location", ""))):
        return entry
    title, text = str(entry.get("title", "")), str(entry.get("text", ""))
    channels = " · ".join(m.group("value") for m in _CHANNEL.finditer(text))
    numbers = phone_numbers(channels)
    missing = [written for written, _ in numbers if written not in title]
    others = [form for written, digits in numbers for form in _other_forms(written, digits)]
    unwritten = [f for f in others if not re.search(rf"(?<!\d){re.escape(f)}(?!\d)", text)]
    if missing:
        title = f"{title}: {', '.join(missing)}"
    if unwritten:
        text = f"{text} <p>Also written {', '.join(unwritten)}</p>"
    tagged = {}
    if as_tags and numbers:
        tags = list(dict.fromkeys([*entry.get("tags", []), *(written for written, _ in numbers)]))
        tagged = {"tags": tags}
    return {**entry, "title": title, "text": text, **tagged}


def _kept(entries: list[dict[str, Any]], *, as_tags: bool = False) -> list[dict[str, Any]]:
    return [
        _with_numbers(e, as_tags=as_tags)
        for e in entries
        if not search_setting(str(e.get("location", ""))).exclude
    ]


def _material(index: dict[str, Any]) -> dict[str, Any]:
    docs = []
    for doc in _kept(index["docs"], as_tags=True):
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
