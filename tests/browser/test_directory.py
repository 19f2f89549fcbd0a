"""The contact directory, banner and card in real Chromium: filter, phone reach, one A4 page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.render.pdf import print_to_pdf
from tests.browser.conftest import LOCAL_EDITIONS

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 667}


def visible_contacts(page: Page) -> list[str]:
    return list(
        page.eval_on_selector_all(".sg-contact:not([hidden]) h3", "els => els.map(e => e.id)")
    )


def open_directory(browser: Browser, site: Path) -> Page:
    page = browser.new_page()
    page.goto((site / "contacts.html").as_uri())
    return page


def test_typing_filters_contacts_by_name_and_by_number(
    browser: Browser, national_site: Path
) -> None:
    page = open_directory(browser, national_site)
    everyone = visible_contacts(page)
    assert len(everyone) >= 15
    box = page.locator("#sg-filter-text")
    assert box.is_visible()
    box.fill("childline")
    assert "contact-childline" in visible_contacts(page)
    assert "contact-police-999" not in visible_contacts(page)
    assert re.fullmatch(r"\d+ of \d+ contacts shown", page.locator(".sg-filter-count").inner_text())
    box.fill("08088005000")  # typed without spaces
    assert visible_contacts(page) == ["contact-nspcc-helpline"]
    box.fill("")
    assert visible_contacts(page) == everyone
    page.close()


def test_audience_filter_and_empty_groups_hide(browser: Browser, national_site: Path) -> None:
    page = open_directory(browser, national_site)
    page.select_option("#sg-filter-audience", "children")
    shown = visible_contacts(page)
    assert "contact-childline" in shown
    assert "contact-professionals-online-safety-helpline" not in shown
    assert page.locator('[data-group="staff-allegations"]').is_hidden()
    page.close()


def test_without_javascript_every_contact_shows_and_the_filter_stays_hidden(
    browser: Browser, national_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((national_site / "contacts.html").as_uri())
    assert page.locator(".sg-directory-filter").is_hidden()
    assert page.locator(".sg-contact").count() >= 15
    assert page.locator(".sg-contact:visible").count() == page.locator(".sg-contact").count()
    context.close()


def test_out_of_hours_number_is_two_taps_from_any_page_on_a_phone(
    browser: Browser, local_sites: Path
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ("index.html", "flowcharts/missing-child.html", "guidance/early-help.html"):
        page.goto((local_sites / "worcestershire" / path).as_uri())
        page.locator(".md-banner summary").tap()  # All numbers
        link = page.locator('.md-banner a[href="tel:+441905768020"]')
        assert link.is_visible()
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        assert box["height"] >= 20  # large enough to tap
    context.close()


def test_a_declared_gap_is_three_taps_away_and_says_so(browser: Browser, local_sites: Path) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto((local_sites / "essex" / "flowcharts" / "kcsie-part-5.html").as_uri())
    page.locator(".md-banner summary").tap()  # All numbers
    page.locator(".md-banner a", has_text="see contacts").last.tap()
    page.wait_for_url(re.compile(r".*/contacts\.html#gap-childrens-social-care-out-of-hours$"))
    target = page.locator("#gap-childrens-social-care-out-of-hours")
    assert target.is_visible()
    assert "not published in the source" in target.locator("xpath=..").inner_text()
    context.close()


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_the_card_prints_on_one_a4_page(edition_site: Path, tmp_path: Path) -> None:
    site = edition_site
    pdf = tmp_path / "card.pdf"
    print_to_pdf(site / "who-to-call.html", pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    media_box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert media_box is not None
    width, height = (float(v) for v in media_box.groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points
