"""Link and HTML health of every shipped edition: no broken internal link or anchor,
no duplicate ids, no nested links, on every generated HTML file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.slow


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.depth_in_a = 0
        self.nested_links = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if values.get("name") and tag == "a":
            self.ids.append(str(values["name"]))
        if tag == "a":
            if self.depth_in_a:
                self.nested_links += 1
            self.depth_in_a += 1
            if values.get("href"):
                self.links.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.depth_in_a:
            self.depth_in_a -= 1


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture
def sites(shipped_sites: Path) -> Path:
    """Every shipped edition, built once for the session."""
    return shipped_sites


def broken_links(root: Path) -> tuple[list[str], int]:
    """Every internal link under ``root`` whose file or anchor is missing, and pages read."""
    parsed = {path: parse(path) for path in sorted(root.rglob("*.html"))}
    broken = []
    for path, page in parsed.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # tel:, mailto:, https: (outside links are not followed)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.exists():
                broken.append(f"{path.relative_to(root)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(root)}: {href} (no such anchor)")
    return broken, len(parsed)


def test_the_checker_finds_a_missing_file_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<a href="b.html#there">ok</a> <a href="b.html#nowhere">bad anchor</a> '
        '<a href="c.html">missing</a> <a href="tel:999">999</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<h2 id="there">There</h2>', encoding="utf-8")
    assert broken_links(tmp_path) == (
        ["a.html: b.html#nowhere (no such anchor)", "a.html: c.html"],
        2,
    )


def test_no_broken_internal_link_or_anchor_in_any_edition(sites: Path) -> None:
    broken, pages = broken_links(sites)
    assert broken == []
    assert pages > 100


def test_no_duplicate_ids_or_nested_links(sites: Path) -> None:
    problems = []
    for path in sorted(sites.rglob("*.html")):
        page = parse(path)
        duplicates = sorted({i for i in page.ids if page.ids.count(i) > 1})
        if duplicates:
            problems.append(f"{path.relative_to(sites)}: duplicate ids {duplicates[:5]}")
        if page.nested_links:
            problems.append(f"{path.relative_to(sites)}: {page.nested_links} nested links")
    assert problems == []


def test_no_page_or_search_index_of_any_edition_shows_an_internal_label(sites: Path) -> None:
    """Readers see a document's title, publisher and date, never "Seed 003" or "(seed 001)"."""
    label = re.compile(r"\bseeds? ?\d{3}\b|\(seeds?\b", re.IGNORECASE)
    found = []
    for path in sorted([*sites.rglob("*.html"), *sites.rglob("search_index.json")]):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(sites)}: {m.group(0)}" for m in label.finditer(text)]
    assert found == []
    assert len(list(sites.rglob("search_index.json"))) == 5


def test_national_pages_cite_no_local_document(sites: Path) -> None:
    """A citation reads "Title (Publisher, edition), where"; no national page has one whose
    publisher is a council, trust or school. (A "Differences between sources" note may
    still name a local document it disagrees with.)"""
    national = sites / "national"
    local_publishers = (
        "(Essex County Council,",
        "(An Essex multi-academy trust,",
        "(Leicester Partnership School,",
        "(Westlands First School",
    )
    cited = [
        f"{path.relative_to(national)}: {publisher}"
        for path in sorted(national.rglob("*.html"))
        for publisher in local_publishers
        if publisher in path.read_text(encoding="utf-8")
    ]
    assert cited == []
    essex = (sites / "essex" / "guidance" / "essex-local-procedures.html").read_text(
        encoding="utf-8"
    )
    assert "(Essex County Council," in essex or "(An Essex multi-academy trust," in essex
