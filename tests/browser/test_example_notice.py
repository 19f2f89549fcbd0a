"""The example school says "Example edition: fictional details" on every page, visibly and in
the page's accessible text, at a phone's width and a desktop's."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser
NOTICE = "Example edition: fictional details"
PAGES = ("index.html", "contacts.html", "flowcharts/kcsie-part-5.html", "who-to-call.html")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_example_school_shows_the_notice_on_every_page(
    browser: Browser, local_sites: Path, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for name in PAGES:
        page.goto((local_sites / "example-school" / name).as_uri())
        notice = page.get_by_role("note").filter(has_text=NOTICE)
        expect(notice).to_be_visible()
        assert NOTICE in page.locator("body").inner_text()
    page.goto((local_sites / "essex" / "index.html").as_uri())
    assert NOTICE not in page.locator("body").inner_text()
    context.close()
