"""The step-through, walked by keyboard alone in real Chromium, along every route."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.checks.pipeline import check_edition
from generator.checks.routes import Route, all_routes
from generator.content.project import Layout
from generator.models import DecisionTree
from generator.render.basis import BASIS_LABELS
from generator.render.tree_order import tree_order
from tests.browser.conftest import LOCAL_EDITIONS
from tests.conftest import REPO

pytestmark = pytest.mark.browser


def shipped_trees() -> list[DecisionTree]:
    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    return [t.item for t in sorted(checked.edition.content.trees.values(), key=lambda t: t.item.id)]


TREES = shipped_trees()


def open_tree(browser: Browser, site: Path, tree_id: str) -> tuple[Page, list[str], list[str]]:
    page = browser.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / "flowcharts" / f"{tree_id}.html").as_uri())
    return page, problems, requests


def active_text(page: Page) -> str:
    return str(page.evaluate("document.activeElement.textContent")).strip()


def press_answer(page: Page, label: str) -> None:
    """From the focused heading, Tab to the button labelled ``label`` and press Enter."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if active_text(page) == label:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"no button '{label}' reachable by Tab")


def current_nodes(page: Page, tree_id: str) -> list[str]:
    return list(
        page.eval_on_selector_all(
            f'svg.sg-chart[data-tree="{tree_id}"] .sg-current', "els => els.map(e => e.id)"
        )
    )


def covering_routes(tree: DecisionTree) -> list[Route]:
    """Routes that between them take every answer and reach every outcome, in route order.

    Every route's outcome is pinned without a browser (tests/trees, the DSL cases, the
    safety rules); the browser proves the step-through follows each answer and shows each
    outcome, which needs each answer once, not each combination of answers."""
    routes = all_routes(tree)
    edges = [{(c.node_id, c.label) for c in r.choices} | {("outcome", r.outcome)} for r in routes]
    uncovered = set().union(*edges)
    chosen: set[int] = set()
    while uncovered:  # greedy: the route that takes the most answers not yet taken
        best = max(range(len(routes)), key=lambda i: len(edges[i] & uncovered))
        chosen.add(best)
        uncovered -= edges[best]
    return [routes[i] for i in sorted(chosen)]


def walk_every_route(page: Page, tree: DecisionTree) -> None:
    """Walk, by keyboard from Start again, routes that take every answer of ``tree`` and
    reach every outcome, checking each outcome."""
    by_id = {node.id: node for node in tree.nodes}
    numbers = {node_id: i + 1 for i, node_id in enumerate(tree_order(tree))}
    routes = covering_routes(tree)
    assert routes
    page.focus(".sg-walker__restart")
    for route in routes:
        page.keyboard.press("Enter")  # Start again (focus is on it, or Tab back to it below)
        heading = page.locator(".sg-walker__question")
        assert heading.inner_text() == f"Step 1: {by_id[tree.start].text}"
        choices = iter(route.choices)
        moves = 0
        for node_id in route.visited[:-1]:
            node = by_id[node_id]
            if node.kind == "step":
                press_answer(page, "Done: continue")
            else:
                choice = next(choices)
                assert choice.node_id == node_id
                press_answer(page, choice.label)
            moves += 1
        outcome = by_id[route.outcome]
        expected = f"Outcome (step {numbers[outcome.id]}): {outcome.text}"
        assert heading.inner_text() == expected
        assert page.evaluate("document.activeElement.classList.contains('sg-walker__question')")
        assert page.locator(".sg-walker__live").inner_text() == expected
        assert current_nodes(page, tree.id) == [f"{tree.id}-node-{outcome.id}"]
        assert page.locator("ol.sg-walker__route > li").count() == moves
        for action in outcome.actions:
            assert action in page.locator(".sg-walker__actions").inner_text()
        badge = page.locator(".sg-walker__card .sg-basis")
        if outcome.basis:
            assert badge.get_attribute("class") == f"sg-basis sg-basis-{outcome.basis}"
            assert badge.inner_text() == BASIS_LABELS[outcome.basis]
        else:
            assert badge.count() == 0
        # Back to "Start again" by keyboard for the next route.
        for _ in range(60):
            page.keyboard.press("Tab")
            if active_text(page) == "Start again":
                break
        else:
            raise AssertionError("Start again not reachable by Tab")


@pytest.mark.parametrize("tree", TREES, ids=lambda t: t.id)
def test_every_answer_and_outcome_can_be_walked_by_keyboard(
    browser: Browser, national_site: Path, tree: DecisionTree
) -> None:
    page, problems, requests = open_tree(browser, national_site, tree.id)
    walk_every_route(page, tree)
    assert problems == []
    assert [url for url in requests if not url.startswith("file://")] == []
    page.close()


def local_trees() -> list[tuple[str, DecisionTree]]:
    """Each tree that a local edition added or patched, with the edition that did it."""
    found = []
    for edition_id in LOCAL_EDITIONS:
        checked = check_edition(Layout(REPO), edition_id)
        assert checked.edition is not None
        own = {a.item.item.id for a in checked.edition.added if a.kind == "tree"}
        own |= {o.item_id for o in checked.edition.overrides if o.kind == "tree"}
        own = {t for t in own if t in checked.edition.content.trees}
        found += [(edition_id, checked.edition.content.trees[t].item) for t in sorted(own)]
    return found


@pytest.mark.parametrize(
    ("edition_id", "tree"), local_trees(), ids=lambda v: v if isinstance(v, str) else v.id
)
def test_local_editions_trees_walk_by_keyboard(
    browser: Browser, local_sites: Path, edition_id: str, tree: DecisionTree
) -> None:
    page, problems, requests = open_tree(browser, local_sites / edition_id, tree.id)
    walk_every_route(page, tree)
    assert problems == []
    assert [url for url in requests if not url.startswith("file://")] == []
    page.close()


def test_back_and_start_again(browser: Browser, national_site: Path) -> None:
    page, problems, _ = open_tree(browser, national_site, "when-to-call-the-police")
    page.focus(".sg-walker__restart")
    page.keyboard.press("Enter")
    back = page.locator(".sg-walker__back")
    assert back.is_disabled()
    press_answer(page, "No")
    press_answer(page, "A weapon or drugs found on a pupil or on site")
    assert page.locator("ol.sg-walker__route > li").count() == 2
    back.focus()
    page.keyboard.press("Enter")
    assert page.locator(".sg-walker__question").inner_text() == "Step 3: What has been reported?"
    assert page.locator("ol.sg-walker__route > li").count() == 1
    page.focus(".sg-walker__restart")
    page.keyboard.press("Enter")
    assert page.locator(".sg-walker__question").inner_text().startswith("Step 1: ")
    assert page.locator("ol.sg-walker__route > li").inner_text() == "Not started yet"
    assert problems == []
    page.close()


def test_outcome_contacts_are_links_and_gaps_are_declared(
    browser: Browser, national_site: Path
) -> None:
    page, _, _ = open_tree(browser, national_site, "when-to-call-the-police")
    page.focus(".sg-walker__restart")
    page.keyboard.press("Enter")
    press_answer(page, "Yes")
    contacts = page.locator(".sg-walker__contacts")
    assert contacts.locator('a[href="tel:999"]').inner_text() == "Phone 999"
    assert "not published in the source: confirm with the local authority" in (
        contacts.inner_text()
    )
    page.close()


def test_without_javascript_the_text_version_is_what_shows(
    browser: Browser, national_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((national_site / "flowcharts" / "kcsie-part-5.html").as_uri())
    assert page.locator(".sg-walker").is_hidden()
    assert page.locator("#kcsie-part-5-report-received").is_visible()
    assert page.locator('svg.sg-chart[data-tree="kcsie-part-5"]').is_visible()
    context.close()


def test_chart_nodes_are_links_to_their_steps(browser: Browser, national_site: Path) -> None:
    page, _, _ = open_tree(browser, national_site, "kcsie-part-5")
    link = page.locator("#kcsie-part-5-node-choose-an-option a").first
    link.focus()
    page.keyboard.press("Enter")
    # Following an in-page link updates the URL asynchronously: wait for it, then check.
    page.wait_for_url("**/kcsie-part-5.html#kcsie-part-5-choose-an-option", timeout=5_000)
    assert page.url.endswith("kcsie-part-5.html#kcsie-part-5-choose-an-option")
    page.close()


def test_an_outcome_that_sends_the_reader_on_links_the_other_flowchart(
    browser: Browser, national_site: Path
) -> None:
    page, problems, _ = open_tree(browser, national_site, "child-exploitation")
    page.focus(".sg-walker__restart")
    page.keyboard.press("Enter")
    press_answer(
        page, "A child who may be exploited is missing now, and nobody knows where they are"
    )
    follow = page.locator(".sg-walker__follow a")
    assert follow.count() == 1
    assert follow.get_attribute("href") == "missing-child.html"
    follow.click()
    page.wait_for_url("**/flowcharts/missing-child.html")
    assert page.locator('svg.sg-chart[data-tree="missing-child"]').is_visible()
    assert problems == []
    page.close()
