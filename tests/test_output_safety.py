"""What a published site may contain, read back from real builds (the shipped national
edition and the test fixture): `grep '<script'` finds only the theme's and safeguide's own
scripts, no content reaches a script or an event handler, outside links are
rel="noopener noreferrer" and every page carries its Content-Security-Policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.site.build import build_edition
from tests.conftest import FIXTURES, make_project

pytestmark = pytest.mark.slow

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
OWN_SCRIPTS = {
    "assets/javascripts/walker.js",
    "assets/javascripts/directory.js",
    "assets/javascripts/training.js",
    "assets/javascripts/chartview.js",
    "assets/vendor/iframe-worker-shim.js",
    "assets/vendor/panzoom.min.js",
}
THEME_BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)
ANCHOR = re.compile(r"<a\s[^>]*>", re.S)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, shipped_sites: Path) -> dict[str, Path]:
    """The shipped national edition (the session's build) and the minimal fixture, each
    built for real."""
    root = tmp_path_factory.mktemp("safety")
    fixture = make_project(root / "fixture", FIXTURES / "minimal")
    build_edition(fixture, "national", root / "fixture-site")
    return {"fixture": root / "fixture-site", "national": shipped_sites / "national"}


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _inline_scripts(site: Path) -> set[str]:
    """Distinct inline script bodies, with the page's depth taken out of its base URL."""
    bodies = set()
    for page in _pages(site):
        for attributes, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "src=" not in attributes and "application/json" not in attributes:
                bodies.add(re.sub(r'new URL\("[./]*"', 'new URL("."', body))
    return bodies


def test_every_script_element_is_the_themes_or_safeguides_own(sites: dict[str, Path]) -> None:
    for site in sites.values():
        for page in _pages(site):
            for attributes, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
                src = re.search(r'src="([^"]*)"', attributes)
                if src:
                    path = re.sub(r"^(\.\./)+", "", src.group(1))
                    assert path in OWN_SCRIPTS or THEME_BUNDLE.match(path), (page, path)
                    assert not body.strip()
                elif 'id="__config"' in attributes:
                    json.loads(body)  # Material's settings
                elif "application/json" in attributes:
                    assert re.fullmatch(
                        r'\s*type="application/json" id="[a-z0-9-]+-walker-data"', attributes
                    )
                    assert "<" not in body  # data only, and it cannot close its element
                    json.loads(body)
    # Inline scripts are the theme's start-up snippets: the same whatever the content.
    assert _inline_scripts(sites["national"]) == _inline_scripts(sites["fixture"])
    assert len(_inline_scripts(sites["national"])) <= 3


def test_no_event_handler_attribute_and_no_script_url_anywhere(sites: dict[str, Path]) -> None:
    for site in sites.values():
        for page in _pages(site):
            html = SCRIPT.sub("", page.read_text(encoding="utf-8"))
            assert not EVENT_HANDLER.search(html), page
            assert not re.search(r'(?:href|src|action)="\s*(?:javascript|data|vbscript):', html)


def test_links_that_leave_the_site_are_noopener_noreferrer(sites: dict[str, Path]) -> None:
    outside = 0
    for site in sites.values():
        for page in [*_pages(site), *site.rglob("*.htm")]:
            for tag in ANCHOR.findall(page.read_text(encoding="utf-8")):
                if re.search(r'href="(?:https?:)?//', tag):
                    outside += 1
                    rel = re.search(r'rel="([^"]*)"', tag)
                    assert rel and {"noopener", "noreferrer"} <= set(rel.group(1).split()), tag
    assert outside > 50  # gov.uk, NSPCC, Childline... in contacts, sections and citations


def test_every_page_carries_a_content_security_policy(sites: dict[str, Path]) -> None:
    for site in sites.values():
        for page in _pages(site):
            html = page.read_text(encoding="utf-8")
            policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
            assert policy, page
            assert "'unsafe-eval'" not in policy.group(1)
            # scripts: script-src, or default-src when there is none ('none' on printables)
            scripts = re.search(r"script-src ([^;]*)", policy.group(1)) or re.search(
                r"default-src ([^;]*)", policy.group(1)
            )
            assert scripts and "'unsafe-inline'" not in scripts.group(1), page
