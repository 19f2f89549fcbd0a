"""The engine's page conversions come from the cache only when nothing they depend on changed,
and a page from the cache is built exactly as a converted one (HTML, title, warnings)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.site.engine.api import (
    Abort,
    BasePlugin,
    Files,
    MkDocsConfig,
    Page,
    build,
    load_config,
)
from generator.site.engine.page_cache import PageConversionCache

PAGES = {
    "index.md": "# Welcome\n\n## Who to call\n\nCall the [DSL](other.md#the-dsl).\n",
    "other.md": (
        "# Roles\n\n## The DSL\n\nThe designated safeguarding lead.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    ),
}


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hold build dates still, so two builds of the same pages can be compared."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")


class CachingPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Installs the cache on every page, as safeguide's plugin does."""

    def __init__(self, cache: PageConversionCache) -> None:
        super().__init__()
        self.cache = cache

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.cache.install(page)
        return page


def make_site(root: Path, pages: dict[str, str]) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nuse_directory_urls: false\ntheme: material\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - tables\n"
        "validation:\n  links:\n    not_found: warn\n    anchors: warn\n",
        encoding="utf-8",
    )
    return config


def build_site(
    config: Path, folder: Path, out: Path, *, strict: bool = False
) -> PageConversionCache:
    """A real engine build with a fresh cache object (as a new process has) over ``folder``."""
    cache = PageConversionCache(folder)
    loaded = load_config(str(config), site_dir=str(out), strict=strict)
    loaded.plugins["caching"] = CachingPlugin(cache)
    build(loaded)
    return cache


def html_of(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.html"))}


def test_a_second_build_reuses_every_page_and_writes_the_same_html(tmp_path: Path) -> None:
    config = make_site(tmp_path, PAGES)
    first = build_site(config, tmp_path / "cache", tmp_path / "one")
    assert (first.converted, first.reused) == (2, 0)
    second = build_site(config, tmp_path / "cache", tmp_path / "two")
    assert (second.converted, second.reused) == (0, 2)
    one, two = html_of(tmp_path / "one"), html_of(tmp_path / "two")
    assert one == two
    # the title, table of contents and permalinks came through the cache
    assert "<title>Roles - Test</title>" in two["other.html"]
    assert 'href="#the-dsl"' in two["other.html"]
    assert '<a class="headerlink" href="#who-to-call"' in two["index.html"]


def test_an_edited_page_alone_is_converted_again(tmp_path: Path) -> None:
    config = make_site(tmp_path, PAGES)
    build_site(config, tmp_path / "cache", tmp_path / "one")
    (tmp_path / "docs" / "other.md").write_text("# Roles\n\nNow changed.\n", encoding="utf-8")
    second = build_site(config, tmp_path / "cache", tmp_path / "two")
    assert (second.converted, second.reused) == (1, 1)
    assert "Now changed." in html_of(tmp_path / "two")["other.html"]


def test_a_new_file_in_the_site_converts_every_page_again(tmp_path: Path) -> None:
    """Where a link leads depends on which files exist: the set of files is in every key."""
    config = make_site(tmp_path, {**PAGES, "index.md": "# Welcome\n\nSee [later](later.md).\n"})
    build_site(config, tmp_path / "cache", tmp_path / "one")
    assert 'href="later.md"' in html_of(tmp_path / "one")["index.html"]  # unresolved
    (tmp_path / "docs" / "later.md").write_text("# Later\n", encoding="utf-8")
    second = build_site(config, tmp_path / "cache", tmp_path / "two")
    assert (second.converted, second.reused) == (3, 0)
    assert 'href="later.html"' in html_of(tmp_path / "two")["index.html"]


BROKEN = {
    "index.md": "# Welcome\n\nSee [gone](missing.md) and [nowhere](other.md#no-such-heading).\n",
    "other.md": "# Roles\n",
}


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return sorted(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)


def test_warnings_from_a_page_are_written_again_when_it_comes_from_the_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_site(tmp_path, BROKEN)
    with caplog.at_level(logging.INFO):
        build_site(config, tmp_path / "cache", tmp_path / "one")
    first = warnings_of(caplog)
    assert any("missing.md" in line for line in first)
    assert any("no-such-heading" in line for line in first)  # checked after all pages
    caplog.clear()
    with caplog.at_level(logging.INFO):
        second = build_site(config, tmp_path / "cache", tmp_path / "two")
    assert second.reused == 2
    assert warnings_of(caplog) == first


def test_strict_fails_on_a_cached_page_as_on_a_converted_one(tmp_path: Path) -> None:
    config = make_site(tmp_path, BROKEN)
    for out in ("one", "two"):
        with pytest.raises(Abort, match="warnings"):
            build_site(config, tmp_path / "cache", tmp_path / out, strict=True)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2


def test_an_unreadable_cache_entry_is_converted_again(tmp_path: Path) -> None:
    config = make_site(tmp_path, PAGES)
    build_site(config, tmp_path / "cache", tmp_path / "one")
    for entry in (tmp_path / "cache").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = build_site(config, tmp_path / "cache", tmp_path / "two")
    assert (again.converted, again.reused) == (2, 0)
    assert html_of(tmp_path / "one") == html_of(tmp_path / "two")
