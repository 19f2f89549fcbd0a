"""axe-core (bundled by axe-playwright-python, no CDN) on every page type of every edition,
in light and dark mode: zero WCAG 2.0/2.1/2.2 A and AA violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.browser.conftest import LOCAL_EDITIONS

pytestmark = pytest.mark.browser
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_TYPES = (
    "index.html",
    "contacts.html",
    "guidance/responding-to-a-concern.html",
    "flowcharts/kcsie-part-5.html",
    "flowcharts/kcsie-part-5-routes.html",
    "scenarios/index.html",
    "scenarios/rape-reported-at-break.html",
    "whats-new.html",
    "who-to-call.html",
    "scenarios/handouts/kcsie-part-5-cards.html",
    "scenarios/facilitator-pack.html",
    "print/whole-edition.html",
    "404.html",
)
AXE = Axe()
STANDALONE = (
    "who-to-call.html",
    "scenarios/handouts/kcsie-part-5-cards.html",
    "scenarios/facilitator-pack.html",
    "print/whole-edition.html",
)
"""Print documents with their own stylesheet and no dark colours: checked in light only
(the dark run would check the same rendering again; the largest, the facilitator pack
and the printed edition, take most of the run)."""
LARGE_PRINT = ("scenarios/facilitator-pack.html", "print/whole-edition.html")
"""The two largest print documents (about 2,000 and 3,000 elements: half of an edition's
axe time). One renderer and one stylesheet make them for every edition, so they are
checked in the national edition and in the example school (three levels of overlays,
its own scenarios and sections); the other local editions check the card and handouts."""
FULL_PRINT_CHECK = {"national", "example-school"}


def violations(browser: Browser, site: Path, scheme: str, *, large_print: bool) -> list[str]:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    found = []
    for name in PAGE_TYPES:
        if name in LARGE_PRINT and not large_print:
            assert (site / name).is_file(), f"{name} was not built"
            continue
        if scheme == "dark" and name in STANDALONE:
            html = (site / name).read_text(encoding="utf-8")
            assert "prefers-color-scheme" not in html, f"{name} has dark colours: check it"
            continue
        page.goto((site / name).as_uri())
        reveal = page.locator(".md-content details > summary")
        if name.startswith("scenarios/") and reveal.count():
            reveal.first.click()  # the reveal, with its chart
        result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in result.response["violations"]:
            targets = [str(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{name}: {violation['id']} at {', '.join(targets)}")
    context.close()
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_no_axe_violations_on_any_page_type(
    browser: Browser, edition_site: Path, scheme: str, edition_id: str
) -> None:
    site = edition_site
    large_print = edition_id in FULL_PRINT_CHECK
    assert violations(browser, site, scheme, large_print=large_print) == []


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_every_page_type_reflows_at_320px_and_requests_nothing_outside_the_site(
    browser: Browser, edition_site: Path
) -> None:
    site = edition_site
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    too_wide = []
    for name in PAGE_TYPES:
        page.goto((site / name).as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{name}: {width}px")
    context.close()
    assert too_wide == []
    assert [url for url in requests if not url.startswith("file://")] == []
