"""Printable training handouts: scenario cards (front and back) and route sheets. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.editions.resolve import ResolvedEdition
from generator.models import DecisionTree, QuestionNode, Scenario
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


def handouts_html(
    edition: ResolvedEdition,
    sets: list[dict[str, Any]],
    title: str,
    generated: str,
    version: str = "",
) -> str:
    """A printable handout document of ``sets``: every card side and route sheet one A4 page."""
    return _ENVIRONMENT.get_template("handouts.html.j2").render(
        title=title,
        sets=sets,
        edition_name=edition.edition.item.name,
        stamp=stamp(edition, version, generated),
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
    """Pages the all-handouts PDF should have: two per scenario card and one per route sheet."""
    return sum(2 * len(s["scenarios"]) + (1 if s["questions"] else 0) for s in sets)
