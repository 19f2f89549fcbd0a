"""Printable training handouts: scenario cards, four to an A4 page with cut lines (a page of
fronts, then a page of their backs set for double-sided printing), and route sheets. Pure."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from generator.editions.resolve import ResolvedEdition
from generator.models import DecisionTree, QuestionNode, Scenario
from generator.render.example_notice import example_notice
from generator.render.print_edition import stamp
from generator.render.template_cache import html_environment
from generator.render.tree_order import tree_order

HANDOUTS_DIR = "scenarios/handouts"
ALL_HANDOUTS_HTML = "scenarios/handouts/all-handouts.html"
ALL_HANDOUTS_PDF = "scenarios/handouts/all-handouts.pdf"

_ENVIRONMENT = html_environment()

# A route sheet prints its questions and answer boxes at 9.5pt. Measured in Chromium on A4:
# 1,761 characters of questions and answers (8 per answer box) fit on one page, 2,448 do
# not; above this size the sheet is set closer (8pt, tighter rows) so it stays one page.
DENSE_ROUTE_SHEET = 2000
CARDS_PER_PAGE = 4
"""Cards on one A4 page: two across, two down, each about A6."""
# Measured in Chromium: on a quarter of A4, a narrative of 490 characters fits at 11.5pt and
# one of 612 does not; discussion questions of 372 characters in all fit at 10.5pt and 398
# do not. Above these sizes the side is set closer (10pt, tighter lines) so nothing is cut off.
DENSE_CARD_FRONT = 520
DENSE_CARD_BACK = 380


def handout_set(tree: DecisionTree, scenarios: Sequence[Scenario]) -> dict[str, Any]:
    """One tree's scenario cards and the questions of its route sheet, in step order."""
    numbers = {node_id: i + 1 for i, node_id in enumerate(tree_order(tree))}
    by_id = {node.id: node for node in tree.nodes}
    questions = []
    size = 0  # characters of questions and answers, 8 more per answer box
    for node_id in tree_order(tree):
        node = by_id[node_id]
        if isinstance(node, QuestionNode):
            size += len(node.text) + sum(len(a.label) + 8 for a in node.answers)
            questions.append(
                {
                    "number": numbers[node_id],
                    "text": node.text,
                    "answers": [a.label for a in node.answers],
                }
            )
    return {
        "tree": tree,
        "scenarios": list(scenarios),
        "questions": questions,
        "dense": size > DENSE_ROUTE_SHEET,
    }


def handout_sets(edition: ResolvedEdition) -> list[dict[str, Any]]:
    """A set per tree that has scenarios, trees in title order, scenarios by title."""
    scenarios = sorted((s.item for s in edition.content.scenarios.values()), key=lambda s: s.title)
    trees = sorted((t.item for t in edition.content.trees.values()), key=lambda t: t.title)
    return [
        handout_set(tree, [s for s in scenarios if s.tree == tree.id])
        for tree in trees
        if any(s.tree == tree.id for s in scenarios)
    ]


def card_pages(sets: list[dict[str, Any]]) -> list[dict[str, list[Any]]]:
    """The cards of ``sets`` four to a page: each page's fronts in reading order, and their
    backs in the order that puts each back behind its front when the sheet is printed on
    both sides and turned over on its long edge (the two cards of a row swap places).
    A missing card is ``None`` (an empty place on the last page)."""
    cards = [
        {
            "tree": s["tree"],
            "scenario": scenario,
            "dense_front": len(scenario.narrative) > DENSE_CARD_FRONT,
            "dense_back": sum(len(q) for q in scenario.discussion) > DENSE_CARD_BACK,
        }
        for s in sets
        for scenario in s["scenarios"]
    ]
    pages = []
    for start in range(0, len(cards), CARDS_PER_PAGE):
        fronts: list[Any] = cards[start : start + CARDS_PER_PAGE]
        fronts += [None] * (CARDS_PER_PAGE - len(fronts))
        backs = [fronts[i ^ 1] for i in range(CARDS_PER_PAGE)]  # 0<->1, 2<->3
        pages.append({"fronts": fronts, "backs": backs})
    return pages


def handouts_html(
    edition: ResolvedEdition,
    sets: list[dict[str, Any]],
    title: str,
    generated: str,
    version: str = "",
) -> str:
    """A printable handout document of ``sets``: the scenario cards four to an A4 page
    (fronts, then backs), then each route sheet on a page of its own."""
    return _ENVIRONMENT.get_template("handouts.html.j2").render(
        title=title,
        sets=sets,
        pages=card_pages(sets),
        edition_name=edition.edition.item.name,
        stamp=stamp(edition, version, generated),
        example_notice=example_notice(edition),
    )


def handout_files(edition: ResolvedEdition, generated: str, version: str = "") -> dict[str, str]:
    """Path -> HTML: a card set and route sheet per tree, and one document of them all."""
    sets = handout_sets(edition)
    files = {
        f"{HANDOUTS_DIR}/{s['tree'].id}-cards.html": handouts_html(
            edition, [s], f"Handouts: {s['tree'].title}", generated, version
        )
        for s in sets
    }
    if sets:
        files[ALL_HANDOUTS_HTML] = handouts_html(
            edition, sets, f"All training handouts: {edition.edition.item.name}", generated, version
        )
    return files


def expected_pages(sets: list[dict[str, Any]]) -> int:
    """Pages a handout document of ``sets`` should print on: a page of fronts and a page of
    backs for every four cards, and one per route sheet."""
    cards = sum(len(s["scenarios"]) for s in sets)
    return 2 * math.ceil(cards / CARDS_PER_PAGE) + sum(1 for s in sets if s["questions"])
