"""The national edition built with Zensical (``safeguide build --engine zensical``), in real
Chromium from file://: pages load without console errors or policy violations, the
step-through walks a route by keyboard, search finds a page, and axe finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.checks.routes import all_routes
from generator.render.tree_order import tree_order
from tests.browser.engine import search
from tests.browser.test_accessibility import AXE, WCAG
from tests.browser.test_search_and_csp import LISTEN
from tests.browser.test_walker import TREES, active_text, current_nodes, press_answer

pytestmark = pytest.mark.browser

CHART = "flowcharts/when-to-call-the-police.html"
AXE_PAGES = ("index.html", CHART, "contacts.html")


def open_page(browser: Browser, site: Path, name: str) -> tuple[Page, list[str]]:
    """``name`` opened from file://, with console errors, page errors and policy
    violations collected."""
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto((site / name).as_uri())
    page.wait_for_load_state("load")
    return page, problems


@pytest.mark.parametrize("name", ["index.html", CHART])
def test_pages_load_without_console_errors_or_policy_violations(
    browser: Browser, zensical_national: Path, name: str
) -> None:
    page, problems = open_page(browser, zensical_national, name)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert page.locator("svg.sg-chart").count() == (1 if name == CHART else 0)
    page.wait_for_timeout(300)  # late scripts (search worker) report too
    assert problems == []
    assert page.evaluate("window.__csp") == []
    page.context.close()


def test_the_step_through_walks_a_route_to_its_outcome_by_keyboard(
    browser: Browser, zensical_national: Path
) -> None:
    (tree,) = [t for t in TREES if t.id == "when-to-call-the-police"]
    route = all_routes(tree)[0]
    by_id = {node.id: node for node in tree.nodes}
    numbers = {node_id: i + 1 for i, node_id in enumerate(tree_order(tree))}
    page, problems = open_page(browser, zensical_national, CHART)
    page.focus(".sg-walker__restart")
    page.keyboard.press("Enter")
    heading = page.locator(".sg-walker__question")
    assert heading.inner_text() == f"Step 1: {by_id[tree.start].text}"
    choices = iter(route.choices)
    for node_id in route.visited[:-1]:
        if by_id[node_id].kind == "step":
            press_answer(page, "Done: continue")
        else:
            press_answer(page, next(choices).label)
    outcome = by_id[route.outcome]
    expected = f"Outcome (step {numbers[outcome.id]}): {outcome.text}"
    assert heading.inner_text() == expected
    assert active_text(page) == expected
    assert current_nodes(page, tree.id) == [f"{tree.id}-node-{outcome.id}"]
    assert problems == [] and page.evaluate("window.__csp") == []
    page.context.close()


def test_search_finds_a_page(browser: Browser, zensical_national: Path) -> None:
    page, problems = open_page(browser, zensical_national, "index.html")
    found = search(page, "LADO")
    assert found[0].endswith("/flowcharts/allegations-against-staff.html"), found[:3]
    assert problems == [] and page.evaluate("window.__csp") == []
    page.context.close()


def test_no_axe_violations_on_three_pages(browser: Browser, zensical_national: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    found = []
    for name in AXE_PAGES:
        page.goto((zensical_national / name).as_uri())
        result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in result.response["violations"]:
            targets = [str(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{name}: {violation['id']} at {', '.join(targets)}")
    context.close()
    assert found == []
