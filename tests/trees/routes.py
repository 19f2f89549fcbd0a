"""Helpers for walking a shipped tree's routes in the per-tree tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.checks.pipeline import check_edition
from generator.checks.routes import Route, all_routes
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.models import DecisionTree, OutcomeNode

REPO = Layout(Path(__file__).resolve().parents[2])
POLICE = {"police-emergency", "police-non-emergency"}
SOCIAL_CARE = {
    "childrens-social-care-front-door",
    "childrens-social-care-urgent",
    "childrens-social-care-out-of-hours",
}


def checked_edition(edition_id: str) -> ResolvedEdition:
    """The edition resolved and checked, failing with its diagnostics if it has errors."""
    checked = check_edition(REPO, edition_id)
    assert checked.edition is not None, [d.format() for d in checked.diagnostics]
    return checked.edition


def tree(edition: ResolvedEdition, tree_id: str) -> DecisionTree:
    """The tree ``tree_id`` as the edition resolves it."""
    return edition.content.trees[tree_id].item


def node_index(tree_: DecisionTree) -> dict[str, object]:
    """The tree's nodes by id."""
    return {n.id: n for n in tree_.nodes}


def outcome(tree_: DecisionTree, route: Route) -> OutcomeNode:
    """The outcome node a route ends at."""
    node = next(n for n in tree_.nodes if n.id == route.outcome)
    assert isinstance(node, OutcomeNode)
    return node


def routes_choosing(tree_: DecisionTree, node_id: str, label: str) -> Iterator[Route]:
    """Every route that gives ``label`` at ``node_id``; fails if there is none."""
    found = [
        r
        for r in all_routes(tree_)
        if any(c.node_id == node_id and c.label == label for c in r.choices)
    ]
    assert found, f"no route in {tree_.id} answers {label!r} at {node_id!r}"
    yield from found
