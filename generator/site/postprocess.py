"""The post-build pass: what safeguide does to a finished site's HTML, whichever engine
built it. Idempotent: a site that went through it comes out of it again unchanged.

- every HTML file: ``rel="noopener noreferrer"`` on links that leave the site;
- every page the theme rendered (it carries the theme's page config): its
  Content-Security-Policy, hashes of its own inline scripts and of the iframe-worker
  shim's (the shim is read from the site);
- the root 404.html: relative URLs, so it works from file:// and under a sub-path;
- the search index (Material's or Zensical's): safeguide's boosts and exclusions
  (:mod:`generator.render.search_index`).

The live preview goes through it without the policy (the development server injects its
live-reload script into every page it serves).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.render.csp import with_policy
from generator.render.external_links import with_safe_external_links
from generator.render.not_found_page import NOT_FOUND_PAGE, has_root_base, with_relative_urls
from generator.render.search_index import INDEX_FILES, index_file_with_search_settings
from generator.text_cache import write_atomically

SHIM = "assets/vendor/iframe-worker-shim.js"
"""The vendored iframe-worker shim, as the site publishes it."""
THEME_PAGE = '<script id="__config" type="application/json">'
"""Marks a page the theme rendered (Material and Zensical write their page config so);
standalone documents (the card, handouts, printed edition) carry their own policy."""
CANONICAL = '<link rel="canonical"'


@dataclass(frozen=True)
class SiteFacts:
    """What the pass needs to know about the whole site, read from the site itself."""

    shim_source: str | None
    """The iframe-worker shim's source, or None when the site has none."""
    relative_404: bool
    """Make 404.html relative: the engine was given no ``site_url`` (pages carry no
    canonical link), so the site may be opened from file:// or a sub-path."""


def finished_page(path: str, html: str, facts: SiteFacts, *, policy: bool = True) -> str:
    """One HTML file of the site (``path`` relative to its root) after the pass. Pure."""
    html = with_safe_external_links(html)
    if THEME_PAGE not in html:
        return html
    if path == NOT_FOUND_PAGE and facts.relative_404 and has_root_base(html):
        html = with_relative_urls(html)
    return with_policy(html, facts.shim_source) if policy else html


def site_facts(site: Path) -> SiteFacts:
    """Read :class:`SiteFacts` from a built site."""
    shim = site / SHIM
    index = site / "index.html"
    canonical = index.is_file() and CANONICAL in index.read_text(encoding="utf-8")
    return SiteFacts(
        shim_source=shim.read_text(encoding="utf-8") if shim.is_file() else None,
        relative_404=not canonical,
    )


@dataclass(frozen=True)
class Postprocessed:
    """How many HTML files the pass read and how many it changed, and how many search
    index files it changed."""

    pages: int
    changed: int
    search_indexes: int = 0

    def summary(self) -> str:
        return (
            f"post-build pass: {self.pages} HTML files, {self.changed} changed; "
            f"{self.search_indexes} search index files changed"
        )


def _settle_search_indexes(site: Path) -> int:
    changed = 0
    for name in INDEX_FILES:
        path = site / name
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8")
        settled = index_file_with_search_settings(text)
        if settled != text:
            write_atomically(path, settled.encode("utf-8"))
            changed += 1
    return changed


def postprocess_site(site: Path, *, policy: bool = True) -> Postprocessed:
    """Run the pass over every HTML file under ``site`` and its search index, in place; a
    file is written (whole, through a rename) only when the pass changes it."""
    facts = site_facts(site)
    pages = changed = 0
    for path in sorted(site.rglob("*.html")):
        try:  # bytes as they are (no newline translation); a file not in UTF-8 is left be
            html = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        pages += 1
        finished = finished_page(path.relative_to(site).as_posix(), html, facts, policy=policy)
        if finished != html:
            write_atomically(path, finished.encode("utf-8"))
            changed += 1
    return Postprocessed(pages, changed, _settle_search_indexes(site))
