"""The post-build pass over a finished site: what the engine alone writes, put through
``safeguide postprocess``, is the site ``safeguide build`` publishes, byte for byte; the
pass run again changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.site.build import build_edition
from generator.site.engine.run import build_site
from generator.site.generate import generate
from generator.site.postprocess import SiteFacts, finished_page, postprocess_site


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def postprocess(site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``safeguide postprocess SITE`` as a user runs it (in a folder outside any project)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "postprocess", str(site)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )


@pytest.mark.slow
def test_the_engine_output_through_the_pass_is_the_built_site(
    minimal_project: Layout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")
    built = tmp_path / "built"
    build_edition(minimal_project, "national", built)
    generated = generate(minimal_project, "national")
    assert generated.site is not None
    bare = tmp_path / "bare"
    build_site(minimal_project, generated.site, bare, strict=False, engine="properdocs")
    before = files(bare)
    assert b"Content-Security-Policy" not in before["guidance/responding.html"]
    assert b'href="/assets/' in before["404.html"]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = postprocess(bare, elsewhere)
    assert done.returncode == 0, done.stderr
    assert files(bare) == files(built)
    changed = {path for path, data in files(bare).items() if before[path] != data}
    theme_pages = {p for p, data in before.items() if b'<script id="__config"' in data}
    indexes = {"search/search_index.json", "search/search_index.js"}
    assert changed == theme_pages | indexes  # each page got its policy; the index its weights
    assert len(theme_pages) > 5
    assert done.stderr.strip().endswith(
        f"HTML files, {len(theme_pages)} changed; 2 search index files changed"
    )

    again = postprocess(bare, elsewhere)
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().endswith("HTML files, 0 changed; 0 search index files changed")
    assert files(bare) == files(built)


@pytest.mark.slow
def test_a_built_site_goes_through_the_pass_unchanged(
    minimal_project: Layout, tmp_path: Path
) -> None:
    built = tmp_path / "built"
    build_edition(minimal_project, "national", built)
    before = files(built)
    done = postprocess_site(built)
    assert done.changed == 0 and done.pages == len([p for p in before if p.endswith(".html")])
    assert files(built) == before


def test_postprocess_needs_a_folder(tmp_path: Path) -> None:
    result = postprocess(tmp_path / "missing", tmp_path)
    assert result.returncode == 2
    assert "does not exist" in result.stderr


FACTS = SiteFacts(shim_source=None, relative_404=True)
THEME_PAGE = (
    '<html><head><meta charset="utf-8"><title>x</title></head><body>'
    '<a href="https://www.gov.uk/">GOV.UK</a><a href="contacts.html">Contacts</a>'
    '<script id="__config" type="application/json">{"base": "."}</script>'
    "<script>var x = 1</script></body></html>"
)


def test_a_theme_page_gets_its_policy_and_safe_links_once() -> None:
    once = finished_page("guidance/a.html", THEME_PAGE, FACTS)
    assert once.count('http-equiv="Content-Security-Policy"') == 1
    assert "'sha256-" in once
    assert '<a href="https://www.gov.uk/" rel="noopener noreferrer">' in once
    assert '<a href="contacts.html">' in once
    assert finished_page("guidance/a.html", once, FACTS) == once


def test_the_preview_goes_without_the_policy() -> None:
    preview = finished_page("guidance/a.html", THEME_PAGE, FACTS, policy=False)
    assert "Content-Security-Policy" not in preview
    assert 'rel="noopener noreferrer"' in preview


def test_a_standalone_document_keeps_its_own_policy() -> None:
    card = (
        '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'\"></head><body>"
        '<a href="https://www.nspcc.org.uk/">NSPCC</a></body></html>'
    )
    finished = finished_page("who-to-call.html", card, FACTS)
    assert finished == card.replace('/">', '/" rel="noopener noreferrer">')


NOT_FOUND = (
    '<html><head><meta charset="utf-8"><link href="/assets/main.css" rel="stylesheet">'
    '</head><body><a href="/">Home</a><a href="//cdn.example/x">x</a>'
    '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar"></div>'
    '<script id="__config" type="application/json">{"base": "/", '
    '"search": "/assets/javascripts/workers/search.js"}</script>'
    '<script src="/assets/javascripts/bundle.js"></script></body></html>'
)


def test_the_404_page_becomes_relative_once() -> None:
    finished = finished_page("404.html", NOT_FOUND, FACTS, policy=False)
    assert '<link href="assets/main.css"' in finished
    assert '<a href="index.html">Home</a>' in finished
    assert '<a href="//cdn.example/x" rel="noopener noreferrer">' in finished
    assert '"base": ".", "search": "assets/javascripts/workers/search.js"' in finished
    assert '<script src="assets/javascripts/bundle.js">' in finished
    assert '<div hidden class="md-sidebar md-sidebar--primary"' in finished
    assert finished_page("404.html", finished, FACTS, policy=False) == finished


def test_zensicals_404_page_gets_a_relative_search_worker_once() -> None:
    zensical = NOT_FOUND.replace(
        '{"base": "/", "search": "/assets/', '{"annotate":null,"base": ".","search":"/assets/'
    )
    finished = finished_page("404.html", zensical, FACTS, policy=False)
    assert '"base": ".","search":"assets/javascripts/workers/search.js"' in finished
    assert '<script src="assets/javascripts/bundle.js">' in finished
    assert finished_page("404.html", finished, FACTS, policy=False) == finished


def test_a_404_page_under_a_site_url_keeps_its_urls() -> None:
    with_site_url = SiteFacts(shim_source=None, relative_404=False)
    assert finished_page("404.html", NOT_FOUND, with_site_url, policy=False) == (
        NOT_FOUND.replace('x">', 'x" rel="noopener noreferrer">')
    )
    sub_path = NOT_FOUND.replace('"base": "/"', '"base": "/guidance/"')
    assert "/assets/main.css" in finished_page("404.html", sub_path, FACTS, policy=False)
    # only the root 404 page
    assert 'href="/assets/main.css"' in finished_page("guidance/404.html", NOT_FOUND, FACTS)
