"""Training mode in real Chromium: reveal without JS, facilitator view, presentation keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.handouts import expected_pages, handout_sets
from generator.render.pdf import print_to_pdf
from tests.conftest import REPO

pytestmark = pytest.mark.browser


def question(page: Page) -> str:
    return page.locator(".sg-walker__question").inner_text()


def test_the_expected_route_reveal_works_without_javascript(
    browser: Browser, national_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((national_site / "scenarios" / "rape-reported-at-break.html").as_uri())
    details = page.locator("details.success")
    assert details.get_attribute("open") is None
    assert page.locator(".sg-route-chart").is_hidden()
    page.locator("details.success > summary").click()
    assert details.get_attribute("open") is not None
    # No at step 1, then "Rape..." at step 2, to the outcome: three boxes and two arrows.
    assert page.locator(".sg-route-chart svg .sg-node.sg-on-route").count() == 3
    assert page.locator(".sg-route-chart svg .edge.sg-on-route").count() == 2
    assert page.locator(".sg-facilitator").is_hidden()  # notes are for the facilitator view
    context.close()


def test_facilitator_view_shows_notes_and_follows_links(
    browser: Browser, national_site: Path
) -> None:
    page = browser.new_page()
    page.goto((national_site / "scenarios" / "index.html").as_uri() + "?facilitator")
    link = page.locator('a[href^="older-boyfriend.html"]').first
    assert link.get_attribute("href") == "older-boyfriend.html?facilitator"
    link.click()
    page.wait_for_url(re.compile(r".*older-boyfriend\.html\?facilitator$"))
    notes = page.locator(".sg-facilitator")
    assert notes.is_visible() and "An adult is involved" in notes.inner_text()
    page.goto((national_site / "scenarios" / "older-boyfriend.html").as_uri())
    assert page.locator(".sg-facilitator").is_hidden()
    page.close()


def test_presentation_mode_runs_from_a_presenter_clicker(
    browser: Browser, national_site: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto((national_site / "flowcharts" / "when-to-call-the-police.html").as_uri())
    page.locator(".sg-walker__present").click()
    walker = page.locator(".sg-walker")
    assert "sg-walker--present" in (walker.get_attribute("class") or "")
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.sg-walker__question')).fontSize)"
    )
    assert size >= 32
    box = walker.bounding_box()
    assert box is not None and box["width"] >= 1270  # fills the screen
    page.keyboard.press("PageDown")
    assert page.evaluate("document.activeElement.textContent") == "Yes"
    page.keyboard.press("PageDown")
    assert page.evaluate("document.activeElement.textContent") == "No"
    page.keyboard.press("Enter")
    assert question(page) == "Step 3: What has been reported?"
    page.keyboard.press("3")  # the third answer
    assert question(page).startswith("Outcome")
    page.keyboard.press("Home")
    assert question(page).startswith("Step 1: ")
    page.keyboard.press("2")
    assert question(page) == "Step 3: What has been reported?"
    page.keyboard.press("PageUp")  # from the question itself: back
    assert question(page).startswith("Step 1: ")
    page.keyboard.press("Escape")
    assert "sg-walker--present" not in (walker.get_attribute("class") or "")
    page.close()


def test_handouts_print_four_cards_to_a_page_and_one_page_per_route_sheet(
    national_site: Path, tmp_path: Path
) -> None:
    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    pdf = tmp_path / "handouts.pdf"
    print_to_pdf(national_site / "scenarios" / "handouts" / "all-handouts.html", pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    # 45 scenarios on 12 pages of fronts and 12 of backs, then 16 route sheets
    assert pages == expected_pages(handout_sets(checked.edition)) == 40
