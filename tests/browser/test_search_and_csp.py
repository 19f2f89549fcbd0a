"""Search works offline from file:// under the site's Content-Security-Policy,
and finds the right page first."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import LOCAL_EDITIONS
from tests.browser.engine import ZENSICAL_RANKING, built_by_zensical, search, search_again

pytestmark = pytest.mark.browser
LISTEN = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
    "e.violatedDirective + ' ' + e.blockedURI));"
)
EXPECTED_FIRST = {
    "LADO": (  # a local edition's own LADO card may come first: it is the LADO
        "flowcharts/allegations-against-staff.html",
        "guidance/concerns-about-adults.html",
        "contacts.html",
    ),
    "FGM": ("flowcharts/fgm-mandatory-reporting.html",),
    "Prevent": (
        "flowcharts/radicalisation-and-prevent.html",
        "guidance/radicalisation-and-prevent.html",
    ),
    "upskirting": (
        "flowcharts/kcsie-part-5.html",
        "guidance/child-on-child-sexual-violence.html",
    ),
    "missing": ("flowcharts/missing-child.html", "guidance/children-missing-education.html"),
    "nudes": ("flowcharts/sharing-nudes.html", "guidance/sharing-nudes-and-semi-nudes.html"),
    "Childline": ("contacts.html",),
    "0808 800 5000": ("contacts.html",),
}
"""A topic's tree or guidance section (a number's contact card) is the first result."""
PAGES = (
    "index.html",
    "contacts.html",
    "flowcharts/kcsie-part-5.html",
    "guidance/early-help.html",
    "scenarios/older-boyfriend.html",
    "404.html",
)


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_search_finds_the_topics_tree_or_section_first_from_file_urls(
    browser: Browser, edition_site: Path
) -> None:
    page = browser.new_page()
    page.goto((edition_site / "index.html").as_uri())
    assert search(page, "contacts")
    wrong, near = [], []
    for term, expected in EXPECTED_FIRST.items():
        found = search_again(page, term)
        if not found[0].endswith(tuple("/" + e for e in expected)):
            near_top = any(f.endswith(tuple("/" + e for e in expected)) for f in found[:3])
            (near if near_top and built_by_zensical(page) else wrong).append((term, found[:3]))
    page.close()
    assert wrong == []
    if near:
        pytest.skip(f"{ZENSICAL_RANKING}: {near}")


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_no_csp_violation_and_search_works_on_every_page(
    browser: Browser, edition_site: Path
) -> None:
    site = edition_site
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for name in PAGES:
        page.goto((site / name).as_uri())
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert (
            policy is not None
            and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        )
        assert "unsafe-eval" not in policy
        if name != "404.html":
            assert search(page, "police"), name
        assert page.evaluate("window.__csp") == [], name
    assert errors == []
    context.close()
