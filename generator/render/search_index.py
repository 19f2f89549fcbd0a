"""safeguide's search settings, applied to an engine's finished search index.

Which pages search puts first, and which it leaves out, is decided here, on the index the
engine wrote, not in page front matter (an engine without Material's search plugin, such
as Zensical, drops ``search.boost`` and ``search.exclude``):

- the contact directory first (weight 3), then guidance and flowcharts (2), scenarios last
  (0.5); a page's own entry (its title and opening) three times its headings', so a page
  whose title names the query ranks above pages that mention it in a heading or a step;
- the flowcharts' route sign-off tables and "What's new" out of search: they repeat
  every term of the edition; a flowchart's chart section keeps only its opening line
  (its boxes are the steps, each an entry of its own), so its result shows a short
  excerpt, not the whole chart's words;
- phone numbers as one searchable value: each contact card's entry carries each of its
  numbers' other forms ("08088005000"; the national format when it was published
  otherwise) in its text, so a number typed without spaces or brackets finds the card
  (only the card: that form is nowhere else), and its numbers where they outweigh other
  pages' words (Material: its tags; Zensical: its title).

Two index formats are known. Material's (``search/search_index.json``, ``docs``) carries a
``boost`` per entry that its search worker multiplies into the score, and tags that
outweigh titles. Zensical's (``search.json``, ``items``; 0.0.73) has neither: its worker
ranks by the field matched (title, breadcrumb, text), then by where in it, then by how
many matches, and keeps the index order among results equal on all three; weighted
pages' entries, and pages' own entries, are moved ahead (a stable sort), which decides
those ties and nothing more. Both formats are also published as a script
(``var __index = ...``) for search from file://.

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


MATERIAL_SEPARATOR = r'[\s\-,:!=\[\]()"`/]+|\.(?!\d)'
"""Where Material's search splits words: at punctuation too, as Zensical's does (its
default splits at spaces and hyphens only, so "(FGM)" and "(01632)" were words of their
own that "FGM" and "01632" did not find); a dot only when no digit follows."""
PAGE_WEIGHT = 3
"""A page's own entry (its title and opening) weighs this many times its headings': a
page whose title names the query ranks above pages whose headings or steps mention it
("FGM" finds the FGM flowchart before the forced marriage step that points to it)."""

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


def _with_numbers(entry: dict[str, Any], *, material: bool) -> dict[str, Any]:
    """A contact card's entry with the other forms of its numbers in its text, and its
    numbers where they outweigh other pages' words: on Material as its tags (a tag
    outweighs any title, so even 999 and 101 find the card before the flowchart steps
    that name them, and the card's title stays its name), on Zensical, which searches no
    tags, at the start of its title ("999 · Police emergency": before "Call 999 now")."""
    if not CONTACT_ENTRY.fullmatch(str(entry.get("location", ""))):
        return entry
    title, text = str(entry.get("title", "")), str(entry.get("text", ""))
    channels = " · ".join(m.group("value") for m in _CHANNEL.finditer(text))
    numbers = phone_numbers(channels)
    if not numbers:
        return entry
    others = [form for written, digits in numbers for form in _other_forms(written, digits)]
    unwritten = [f for f in others if not re.search(rf"(?<!\d){re.escape(f)}(?!\d)", text)]
    if unwritten:
        text = f"{text} <p>Also written {', '.join(unwritten)}</p>"
    written = [number for number, _ in numbers]
    if material:
        tags = list(dict.fromkeys([*entry.get("tags", []), *written]))
        return {**entry, "text": text, "tags": tags}
    missing = [number for number in written if number not in title]
    if missing:  # first: Zensical ranks a word early in a title above one later in it
        title = f"{', '.join(missing)} · {title}"
    return {**entry, "title": title, "text": text}


CHART_ENTRY = re.compile(r"flowcharts/[^/#]+\.html#[^#]+-flowchart")
"""A flowchart page's "Flowchart" section: the chart, whose every box is a step below."""
_FIRST_PARAGRAPH = re.compile(r"<p>.*?</p>", re.DOTALL)


def _short_chart(entry: dict[str, Any]) -> dict[str, Any]:
    """The chart section's entry without the chart's words (thousands of characters
    that each step's own entry holds too): its opening paragraph, as a short excerpt."""
    if not CHART_ENTRY.fullmatch(str(entry.get("location", ""))):
        return entry
    first = _FIRST_PARAGRAPH.match(str(entry.get("text", "")))
    return {**entry, "text": first.group() if first else ""}


def _kept(entries: list[dict[str, Any]], *, material: bool) -> list[dict[str, Any]]:
    return [
        _short_chart(_with_numbers(e, material=material))
        for e in entries
        if not search_setting(str(e.get("location", ""))).exclude
    ]


def _is_page(entry: dict[str, Any]) -> bool:
    """The entry of a page's title and opening, not of a heading within it."""
    return "#" not in str(entry.get("location", ""))


def _material(index: dict[str, Any]) -> dict[str, Any]:
    docs = []
    for doc in _kept(index["docs"], material=True):
        boost = search_setting(str(doc.get("location", ""))).boost
        if boost is not None and _is_page(doc):
            boost *= PAGE_WEIGHT
        docs.append(doc if boost is None else {**doc, "boost": boost})
    config = {**index.get("config", {}), "separator": MATERIAL_SEPARATOR}
    return {**index, "config": config, "docs": docs}


def _zensical(index: dict[str, Any]) -> dict[str, Any]:
    def weight(item: dict[str, Any]) -> float:
        boost = search_setting(str(item.get("location", ""))).boost
        return 1.0 if boost is None else boost

    def order(item: dict[str, Any]) -> tuple[float, int]:
        return -weight(item), 0 if _is_page(item) else 1

    return {**index, "items": sorted(_kept(index["items"], material=False), key=order)}


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
