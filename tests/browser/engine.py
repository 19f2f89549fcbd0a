"""Which engine the browser suite's sites are built with, and the helpers that differ by
engine. ``SAFEGUIDE_BROWSER_ENGINE=zensical`` runs the whole suite on Zensical; unset, on
the project's default engine."""

from __future__ import annotations

import os

from playwright.sync_api import Page

BROWSER_ENGINE = os.environ.get("SAFEGUIDE_BROWSER_ENGINE") or None
"""The engine the session's sites are built with; None for the project's setting."""

MATERIAL_RESULTS = ".md-search-result__item > a"
ZENSICAL_RESULTS = 'ol[role="listbox"] a[role="option"]'
"""Zensical 0.0.73 draws its search in a dialog inside a shadow root (Playwright's CSS
selectors reach into it), its results options of a listbox."""


ZENSICAL_RANKING = (
    "Zensical 0.0.73's search weighs no page above another (its index has no weights; the "
    "post-build pass can only order it, which breaks ties), so a heading that starts with "
    "the term can come before the topic's page; the expected page is in the first three "
    "results: docs/ENGINES.md, 'Search'"
)


def built_by_zensical(page: Page) -> bool:
    """Whether the open page was built by Zensical (its generator line says so)."""
    return page.locator('meta[name="generator"][content^="zensical-"]').count() > 0


def open_search(page: Page) -> str:
    """Open search as a reader does, whichever engine built the page: Material's on "/",
    Zensical's dialog from its search button. Returns the results' selector."""
    if built_by_zensical(page):
        page.locator(".md-search__button").first.click()
        return ZENSICAL_RESULTS
    page.keyboard.press("/")
    return MATERIAL_RESULTS


MATERIAL_INPUT = "input.md-search__input"
ZENSICAL_INPUT = 'input[role="combobox"][aria-label="Search"]'


def _found(page: Page, results: str) -> list[str]:
    page.wait_for_selector(results, timeout=10_000)
    hrefs = page.locator(results).evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return [str(h).split("?")[0].split("#")[0] for h in hrefs]


def search(page: Page, term: str) -> list[str]:
    """Search for ``term``; the results' page paths, best first."""
    results = open_search(page)
    if results == ZENSICAL_RESULTS:  # at once: Zensical shows results while the term is typed
        page.keyboard.insert_text(term)
    else:
        page.keyboard.type(term)
    return _found(page, results)


def search_again(page: Page, term: str) -> list[str]:
    """With search open (after :func:`search`), replace the term; the new results."""
    zensical = built_by_zensical(page)
    field = page.locator(ZENSICAL_INPUT if zensical else MATERIAL_INPUT).first
    results = ZENSICAL_RESULTS if zensical else MATERIAL_RESULTS
    field.fill("")
    field.press("End")  # Material searches on key events, not on input alone
    page.wait_for_selector(results, state="detached", timeout=10_000)
    field.fill(term)
    field.press("End")
    return _found(page, results)
