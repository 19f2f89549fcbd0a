"""The training kit in real Chromium: four cards to a printed page, the scenario's route
highlighted on its chart, "Present this scenario", the P shortcut, and presentation mode
fitting a 1920x1080 projector with the chart shown on demand."""

from __future__ import annotations

import json
import math
import re
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from generator.checks.pipeline import check_edition
from generator.checks.rules import walk
from generator.content.project import Layout
from generator.render.handouts import CARDS_PER_PAGE, expected_pages, handout_sets
from generator.render.pages import route_edge_ids
from generator.render.pdf import print_to_pdf
from tests.conftest import REPO

pytestmark = pytest.mark.browser
SCENARIO = "rape-reported-at-break"


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def test_handouts_print_four_cards_to_an_a4_page_with_nothing_cut_off(
    browser: Browser, national_site: Path, tmp_path: Path
) -> None:
    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    sets = handout_sets(checked.edition)
    cards = sum(len(s["scenarios"]) for s in sets)
    sheets = sum(1 for s in sets if s["questions"])
    handouts = national_site / "scenarios" / "handouts" / "all-handouts.html"
    pdf = tmp_path / "handouts.pdf"
    print_to_pdf(handouts, pdf)
    # a page of fronts and a page of backs for every four cards, then the route sheets
    assert pdf_pages(pdf) == expected_pages(sets) == 2 * math.ceil(cards / 4) + sheets
    assert pdf_pages(national_site / "scenarios" / "handouts" / "all-handouts.pdf") == (
        expected_pages(sets)
    )
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(handouts.as_uri())
    per_page = page.eval_on_selector_all(
        ".sheet.cards .grid", "grids => grids.map(g => g.querySelectorAll('article').length)"
    )
    assert sum(per_page) == 2 * cards and all(n == CARDS_PER_PAGE for n in per_page[:-2])
    clipped = page.eval_on_selector_all(
        "article.card",
        "cards => cards.filter(c => c.scrollHeight > c.clientHeight + 1).map(c => c.id)",
    )
    assert clipped == []
    dashed = page.eval_on_selector(".card", "c => getComputedStyle(c).borderRightStyle")
    assert dashed == "dashed"  # the cut lines
    page.close()


def route_ids() -> tuple[set[str], set[str], str]:
    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    scenario = checked.edition.content.scenarios[SCENARIO].item
    tree = checked.edition.content.trees[scenario.tree].item
    visited = walk(tree, list(scenario.answers)).visited
    edges = route_edge_ids(tree, visited, list(scenario.answers))
    nodes = {f"{tree.id}-node-{n}" for n in visited}
    return nodes, {f"{tree.id}-edge-{e}" for e in edges}, tree.id


STROKES = """svg => {
  const out = {};
  for (const g of svg.querySelectorAll('g.node, g.edge')) {
    const shape = g.querySelector(g.classList.contains('edge') ? 'path' : 'polygon, path');
    const style = getComputedStyle(shape);
    out[g.id] = [g.classList.contains('sg-on-route'), parseFloat(style.strokeWidth), style.stroke];
  }
  return out;
}"""


@pytest.mark.parametrize("mode", ["light", "dark", "print"])
def test_the_scenario_route_is_highlighted_by_colour_and_weight(
    browser: Browser, national_site: Path, mode: str
) -> None:
    nodes, edges, _ = route_ids()
    assert len(nodes) >= 3 and len(edges) == len(nodes) - 1
    context = browser.new_context(color_scheme="dark" if mode == "dark" else "light")
    page = context.new_page()
    page.goto((national_site / "scenarios" / f"{SCENARIO}.html").as_uri())
    page.locator("details.success > summary").click()
    if mode == "print":
        page.emulate_media(media="print")
    strokes: dict[str, Any] = page.eval_on_selector(".sg-route-chart svg", STROKES)
    on_route = {key for key, (marked, _, _) in strokes.items() if marked}
    assert on_route == nodes | edges
    route_colours = {strokes[key][2] for key in on_route}
    assert len(route_colours) == 1  # one colour for the whole route
    for key, (marked, width, colour) in strokes.items():
        if marked:
            assert width >= 5, key
        else:
            assert width <= 3, key
            if mode != "print":  # paper is black and white: there the weight tells
                assert colour not in route_colours, key
    expected = {"light": "rgb(173, 20, 87)", "dark": "rgb(244, 143, 177)", "print": "rgb(0, 0, 0)"}
    assert route_colours == {expected[mode]}
    context.close()


def test_present_this_scenario_opens_presentation_on_its_tree(
    browser: Browser, national_site: Path
) -> None:
    _, _, tree_id = route_ids()
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto((national_site / "scenarios" / f"{SCENARIO}.html").as_uri())
    page.get_by_role("link", name="Present this scenario").click()
    page.wait_for_url(re.compile(rf".*/flowcharts/{tree_id}\.html\?present$"))
    walker = page.locator(".sg-walker--present")
    assert walker.count() == 1 and walker.get_attribute("data-tree") == tree_id
    assert page.locator(".sg-walker__question").inner_text().startswith("Step 1: ")
    assert page.evaluate("document.activeElement.classList.contains('sg-walker__question')")
    page.keyboard.press("Escape")
    assert page.locator(".sg-walker--present").count() == 0
    page.close()


def test_the_p_shortcut_toggles_presentation_and_is_announced(
    browser: Browser, national_site: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    url = (national_site / "flowcharts" / "kcsie-part-5.html").as_uri()
    page.goto(url)
    button = page.locator(".sg-walker__present")
    assert button.get_attribute("aria-keyshortcuts") == "p"
    hint = page.locator(".sg-walker__shortcut")
    assert hint.is_visible() and "Shortcut: P" in hint.inner_text()
    assert button.get_attribute("aria-describedby") == hint.get_attribute("id")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("p")
    assert page.locator(".sg-walker--present").count() == 1
    assert button.get_attribute("aria-pressed") == "true"
    page.keyboard.press("p")
    assert page.locator(".sg-walker--present").count() == 0
    assert page.url == url  # the theme's own "p" (previous page) did not run
    page.keyboard.press("/")  # the theme's search box: typing a p there is typing
    page.keyboard.type("p")
    assert page.locator(".sg-walker--present").count() == 0
    page.close()


def _tree(site: Path, tree_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "flowcharts" / f"{tree_id}.json").read_text())
    return data


def _size(node: dict[str, Any]) -> int:
    return (
        len(node["text"])
        + len(node.get("detail", ""))
        + sum(len(a["label"]) for a in node.get("answers", []))
        + sum(len(a) for a in node.get("actions", []))
        + sum(len(json.dumps(c)) for c in node.get("contacts", []))
    )


def _labels_to(tree: dict[str, Any], target: str) -> list[str]:
    """The buttons to press from the start to reach ``target`` (shortest way)."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    queue: deque[tuple[str, list[str]]] = deque([(tree["start"], [])])
    seen = {tree["start"]}
    while queue:
        here, labels = queue.popleft()
        if here == target:
            return labels
        node = nodes[here]
        moves = [(a["label"], a["next"]) for a in node.get("answers", [])]
        if node["kind"] == "step":
            moves = [("Done: continue", node["next"])]
        for label, there in moves:
            if there not in seen:
                seen.add(there)
                queue.append((there, [*labels, label]))
    raise AssertionError(f"no way to {target}")


def _longest(site: Path, kind: str) -> tuple[str, str]:
    found = []
    for path in sorted((site / "flowcharts").glob("*.json")):
        tree = json.loads(path.read_text())
        found += [(_size(n), tree["id"], n["id"]) for n in tree["nodes"] if n["kind"] == kind]
    _, tree_id, node_id = max(found)
    return tree_id, node_id


def _fits(page: Page) -> list[str]:
    problems = []
    for selector in (".sg-walker__question", ".sg-walker__card", ".sg-walker__answer"):
        for box in [page.locator(selector).nth(i) for i in range(page.locator(selector).count())]:
            rect = box.bounding_box()
            assert rect is not None
            if (
                rect["y"] < 0
                or rect["y"] + rect["height"] > 1080
                or rect["x"] + rect["width"] > 1920
            ):
                problems.append(f"{selector} at {rect}")
    scrolls = page.evaluate(
        "(() => { const m = document.querySelector('.sg-walker--present');"
        " return m.scrollHeight > m.clientHeight + 1; })()"
    )
    if scrolls:
        problems.append("the presentation scrolls")
    return problems


@pytest.mark.parametrize("kind", ["question", "outcome"])
def test_the_longest_step_fits_a_1920x1080_projector_with_and_without_the_chart(
    browser: Browser, national_site: Path, kind: str
) -> None:
    tree_id, node_id = _longest(national_site, kind)
    tree = _tree(national_site, tree_id)
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto((national_site / "flowcharts" / f"{tree_id}.html").as_uri() + "?present")
    for label in _labels_to(tree, node_id):
        page.locator(".sg-walker__answers").get_by_role("button", name=label, exact=True).click()
    text = next(n["text"] for n in tree["nodes"] if n["id"] == node_id)
    assert page.locator(".sg-walker__question").inner_text().endswith(text)
    assert _fits(page) == []
    show = page.get_by_role("button", name="Show chart")
    show.click()
    chart = page.locator(f'.sg-walker__chart svg.sg-chart[data-tree="{tree_id}"]')
    rect = chart.bounding_box()
    assert rect is not None and rect["width"] > 500 and rect["y"] + rect["height"] <= 1080
    assert page.locator(".sg-walker__chart .sg-current").count() == 1  # where the walk is
    assert _fits(page) == []
    page.get_by_role("button", name="Hide chart").click()
    assert page.locator(".sg-walker__chart svg").count() == 0
    assert page.locator(".sg-chart-frame svg.sg-chart").count() == 1  # back on the page
    page.keyboard.press("Escape")
    assert page.locator(".sg-walker__show-chart").is_hidden()
    page.close()
