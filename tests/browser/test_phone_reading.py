"""Reading on a phone (390x844) and on a desktop (1280x900), in real Chromium: the tree
page's order, the chart viewer's text size and keys, the one-line banner, the header
title, and provenance behind one small "Source" disclosure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.conftest import LOCAL_EDITIONS

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TREE = "flowcharts/concerns-about-a-child.html"

# The rendered size of the smallest chart text, in CSS px: each <text>'s font size in
# the SVG's user units times the drawn scale (the SVG's on-screen width over its viewBox
# width; the bounding box includes the viewer's CSS transform).
SMALLEST_TEXT_PX = """svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll("text")].map(
    t => parseFloat(t.getAttribute("font-size") || getComputedStyle(t).fontSize) * scale);
  return Math.min(...sizes);
}"""

# The height of the first box's first line as drawn, in CSS px.
FIRST_TEXT_HEIGHT = """svg => svg.querySelector(".sg-node text").getBoundingClientRect().height"""


def context_for(
    browser: Browser, viewport: dict[str, int], scheme: str = "light"
) -> BrowserContext:
    phone = viewport["width"] < 500
    return browser.new_context(
        viewport=viewport,  # type: ignore[arg-type]
        is_mobile=phone,
        has_touch=phone,
        color_scheme=scheme,  # type: ignore[arg-type]
    )


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = context_for(browser, PHONE)
    yield context.new_page()
    context.close()


def top(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"]


def tree_pages(site: Path) -> list[Path]:
    return sorted(
        p
        for p in (site / "flowcharts").glob("*.html")
        if not p.name.endswith("-routes.html") and p.name != "index.html"
    )


def open_viewer(page: Page) -> None:
    """The one tap: the first "Open the chart full screen" button on the page."""
    page.locator(".sg-chart-open").first.click()
    page.locator("dialog.sg-chart-dialog[open] svg.sg-chart").wait_for()


# ---- tree pages -------------------------------------------------------------------


def test_on_a_phone_the_step_through_comes_first_then_the_steps_then_the_chart(
    phone: Page, national_site: Path
) -> None:
    phone.goto((national_site / TREE).as_uri())
    walker = top(phone, ".sg-walker")
    steps = top(phone, ".sg-tree-steps")
    chart = top(phone, ".sg-chart-frame")
    assert walker < steps < chart
    assert walker < PHONE["height"]  # the first question is on the first screen
    # The button that opens the readable chart is on the first screen too.
    assert top(phone, ".sg-chart-open") < PHONE["height"]


def test_on_a_desktop_the_chart_stays_above_the_steps(
    browser: Browser, national_site: Path
) -> None:
    context = context_for(browser, DESKTOP)
    page = context.new_page()
    page.goto((national_site / TREE).as_uri())
    assert top(page, ".sg-walker") < top(page, ".sg-chart-frame") < top(page, ".sg-tree-steps")
    context.close()


def test_the_trees_citations_are_one_sources_disclosure_at_the_end(
    phone: Page, national_site: Path
) -> None:
    phone.goto((national_site / TREE).as_uri())
    article = phone.locator("article.md-content__inner")
    assert "Based on:" not in article.inner_text()
    sources = phone.locator("details.sg-sources")
    assert sources.count() == 1
    assert sources.get_attribute("open") is None
    assert top(phone, "details.sg-sources") > top(phone, ".sg-chart-frame")
    assert top(phone, "details.sg-sources") > top(phone, ".sg-tree-steps")
    sources.locator("summary").click()
    assert "Keeping children safe in education" in sources.inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chart_text_is_12px_or_more_one_tap_away_on_every_tree(
    browser: Browser, national_site: Path, viewport: dict[str, int]
) -> None:
    context = context_for(browser, viewport)
    page = context.new_page()
    measured = {}
    for tree_page in tree_pages(national_site):
        page.goto(tree_page.as_uri())
        inline = page.locator(".sg-chart-frame svg.sg-chart").first
        before = inline.evaluate(SMALLEST_TEXT_PX)
        open_viewer(page)
        chart = page.locator("dialog[open] svg.sg-chart")
        after = chart.evaluate(SMALLEST_TEXT_PX)
        measured[tree_page.stem] = (round(before, 1), round(after, 1))
        assert after >= 12, (tree_page.name, before, after)
        assert chart.evaluate(FIRST_TEXT_HEIGHT) >= 12
        # The first box of the chart is in view, not off to one side.
        first = page.locator("dialog[open] svg.sg-chart .sg-node").first.bounding_box()
        assert first is not None
        assert first["x"] < viewport["width"] and first["x"] + first["width"] > 0
        assert first["y"] < viewport["height"]
    if viewport is PHONE:
        # The reason for the viewer: in the column the text is far too small to read.
        assert min(before for before, _ in measured.values()) < 12
    context.close()


def test_the_chart_viewer_works_from_the_keyboard(phone: Page, national_site: Path) -> None:
    page = phone
    page.goto((national_site / TREE).as_uri())
    open_viewer(page)
    viewport = page.locator("dialog[open] .sg-chart-viewport")
    assert viewport.evaluate("el => el === document.activeElement")
    assert viewport.get_attribute("aria-label", timeout=1000) is not None
    assert "arrow keys" in page.locator("dialog[open] .sg-chart-dialog__help").inner_text()
    chart = page.locator("dialog[open] svg.sg-chart")

    def settled() -> dict[str, float]:
        """The chart's box once Panzoom's animation has ended (two reads 150 ms apart
        agree; a loaded machine can take longer than the animation's own time)."""
        previous = None
        for _ in range(40):
            page.wait_for_timeout(150)
            box = chart.bounding_box()
            assert box is not None
            if box == previous:
                return box
            previous = box
        raise AssertionError(f"the chart kept moving: {previous}")

    def width() -> float:
        return settled()["width"]

    def left() -> float:
        return settled()["x"]

    start = width()
    page.keyboard.press("+")
    zoomed = width()
    assert zoomed > start * 1.2
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert width() < start
    page.keyboard.press("0")
    assert abs(width() - start) < 1
    x = left()
    page.keyboard.press("ArrowLeft")
    assert left() > x + 20  # the chart moves right: the view moves left
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert left() < x
    # Buttons do the same for a pointer.
    page.locator("dialog[open] .sg-chart-zoom-in").click()
    assert width() > start
    page.locator("dialog[open] .sg-chart-reset").click()
    assert abs(width() - start) < 1
    page.keyboard.press("Escape")
    assert page.locator("dialog[open]").count() == 0
    # The chart is back in the page, whole, and focus is back on the button used.
    assert page.locator(".sg-chart-frame svg.sg-chart").count() == 1
    assert page.evaluate("document.activeElement.classList.contains('sg-chart-open')")


def test_the_step_through_highlight_shows_in_the_viewer(phone: Page, national_site: Path) -> None:
    page = phone
    page.goto((national_site / TREE).as_uri())
    page.locator(".sg-walker__answer").first.click()
    open_viewer(page)
    assert page.locator("dialog[open] svg.sg-chart .sg-current").count() == 1
    page.locator("dialog[open] .sg-chart-close").click()
    assert page.locator(".sg-chart-frame svg.sg-chart .sg-current").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_viewer_open_on_a_phone(
    browser: Browser, national_site: Path, scheme: str
) -> None:
    context = context_for(browser, PHONE, scheme)
    page = context.new_page()
    found = []
    for name in (TREE, "contacts.html", "guidance/responding-to-a-concern.html", "index.html"):
        page.goto((national_site / name).as_uri())
        page.locator(".md-banner summary").click()  # the banner's whole list, opened
        if name == TREE:
            open_viewer(page)
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        found += [f"{name}: {v['id']}" for v in result.response["violations"]]
    context.close()
    assert found == []


# ---- the banner and the header ------------------------------------------------------

BANNER_PAGES = ("index.html", TREE, "contacts.html", "guidance/responding-to-a-concern.html")


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_on_a_phone_the_banner_is_one_line_with_999_and_stays_in_reach(
    browser: Browser, edition_site: Path
) -> None:
    context = context_for(browser, PHONE)
    page = context.new_page()
    for name in BANNER_PAGES:
        page.goto((edition_site / name).as_uri())
        banner = page.locator(".md-banner")
        box = banner.bounding_box()
        assert box is not None
        assert box["height"] <= 80, (name, box["height"])  # under a tenth of 844 px
        emergency = page.locator('.md-banner .sg-banner-short a[href="tel:999"]')
        assert emergency.is_visible()
        summary = page.locator(".md-banner summary")
        assert summary.is_visible() and summary.inner_text().strip().endswith("All numbers")
        # Scrolled far down the page, the 999 link is still on screen.
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(100)
        assert page.evaluate("window.scrollY") > 1000 or name == "index.html"
        link = emergency.bounding_box()
        assert link is not None and link["y"] >= 0 and link["y"] + link["height"] <= 80
        header = page.locator(".md-header").bounding_box()
        assert header is not None and header["y"] >= link["y"] + link["height"] - 1
    context.close()


def test_all_numbers_opens_the_whole_list_in_one_tap(browser: Browser, local_sites: Path) -> None:
    context = context_for(browser, PHONE)
    page = context.new_page()
    page.goto((local_sites / "worcestershire" / "flowcharts" / "missing-child.html").as_uri())
    number = page.locator('.md-banner a[href="tel:+441905768020"]')  # out of hours
    assert not number.is_visible()
    page.locator(".md-banner summary").tap()
    assert number.is_visible()
    every = page.locator(".md-banner a", has_text="Every contact")
    assert every.is_visible()
    box = number.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    context.close()


def test_on_a_desktop_the_banner_shows_every_number_without_a_tap(
    browser: Browser, local_sites: Path
) -> None:
    context = context_for(browser, DESKTOP)
    page = context.new_page()
    page.goto((local_sites / "worcestershire" / "index.html").as_uri())
    assert page.locator('.md-banner a[href="tel:+441905768020"]').is_visible()
    assert page.locator('.md-banner .sg-banner-numbers a[href="tel:999"]').is_visible()
    assert page.locator(".md-banner summary").is_hidden()
    assert page.locator(".md-banner .sg-banner-short").is_hidden()
    context.close()


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_editions_name_is_not_cut_off_in_the_header(
    browser: Browser, edition_site: Path, viewport: dict[str, int]
) -> None:
    context = context_for(browser, viewport)
    page = context.new_page()
    page.goto((edition_site / "index.html").as_uri())
    title = page.locator(".md-header__topic:first-child .md-ellipsis")
    name = page.evaluate("document.querySelector('meta[property=\"og:site_name\"]')?.content")
    sizes = title.evaluate(
        "el => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight,"
        " el.getBoundingClientRect().bottom,"
        " document.querySelector('.md-header').getBoundingClientRect().bottom]"
    )
    scroll_w, client_w, scroll_h, client_h, bottom, header_bottom = sizes
    assert scroll_w <= client_w, (title.inner_text(), sizes)
    assert scroll_h <= client_h + 1, (title.inner_text(), sizes)
    assert bottom <= header_bottom
    assert title.inner_text().strip() == (name or title.inner_text().strip())
    context.close()


# ---- provenance ---------------------------------------------------------------------


@pytest.mark.parametrize("edition_id", ["national", "essex"])
def test_each_contact_card_shows_one_closed_source_disclosure(
    browser: Browser, edition_site: Path
) -> None:
    context = context_for(browser, PHONE)
    page = context.new_page()
    page.goto((edition_site / "contacts.html").as_uri())
    cards = page.locator(".sg-contact")
    assert cards.count() >= 15
    for index in range(cards.count()):
        card = cards.nth(index)
        assert card.locator("details.sg-source").count() == 1
        assert "details checked" not in card.inner_text()  # closed: one word shows
    card = cards.first
    card.locator("details.sg-source > summary").tap()
    text = card.locator("details.sg-source").inner_text()
    assert "details checked" in text
    assert "seed" not in text.lower()
    # Printed, every disclosure is open.
    page.emulate_media(media="print")
    hidden = page.eval_on_selector_all(
        "details.sg-source:not([open]) > p", "els => els.filter(e => !e.checkVisibility()).length"
    )
    assert hidden == 0
    context.close()


def test_guidance_sources_are_closed_disclosures_printed_open(
    phone: Page, national_site: Path
) -> None:
    page = phone
    page.goto((national_site / "guidance/responding-to-a-concern.html").as_uri())
    sources = page.locator("article details.sg-source")
    assert sources.count() >= 1
    assert page.locator("article small", has_text="Source:").count() == 0
    first = sources.first.locator("p").first
    assert not first.is_visible()
    sources.first.locator("summary").click()
    assert first.is_visible()
    sources.first.locator("summary").click()
    page.emulate_media(media="print")
    assert first.is_visible()
