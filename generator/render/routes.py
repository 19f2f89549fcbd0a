"""A tree's routes as a table for sign-off: Markdown (for the site and terminal) or CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from generator.checks.routes import Route, all_routes
from generator.editions.resolve import Gap, ResolvedEdition
from generator.models import Contact, DecisionTree
from generator.models.channel_display import first_of
from generator.render import markdown_text
from generator.render.basis import with_basis
from generator.render.tree_order import tree_order

HEADER = ("Route", "Answers along the way", "Outcome", "Contacts")


def contact_text(edition: ResolvedEdition, ref: str) -> str:
    """A contact or role as plain text with its first number, or a declared gap."""
    resolved = edition.resolve_contact(ref)
    if isinstance(resolved, Contact):
        number = first_of(resolved, "phone", "text", "relay", "email", "web", "form")
        return f"{resolved.name} ({number})" if number else resolved.name
    if isinstance(resolved, Gap):
        return f"{resolved.role_name} (not published)"
    return ref


def route_rows(edition: ResolvedEdition, tree: DecisionTree) -> list[tuple[str, str, str, str]]:
    """One plain-text row per route: number, answers (with step numbers), outcome, contacts."""
    numbers = {node_id: i + 1 for i, node_id in enumerate(tree_order(tree))}
    by_id = {node.id: node for node in tree.nodes}
    rows = []
    for index, route in enumerate(all_routes(tree), start=1):
        answers = "; ".join(f"step {numbers[c.node_id]}: {c.label}" for c in route.choices)
        outcome = by_id[route.outcome]
        contacts = ", ".join(contact_text(edition, ref) for ref in _route_contacts(tree, route))
        rows.append(
            (
                str(index),
                answers or "(no questions)",
                with_basis(f"step {numbers[outcome.id]}: {outcome.text}", outcome.basis),
                contacts or "none",
            )
        )
    return rows


def _route_contacts(tree: DecisionTree, route: Route) -> list[str]:
    by_id = {node.id: node for node in tree.nodes}
    seen: list[str] = []
    for node_id in route.visited:
        for ref in by_id[node_id].contacts:
            if ref not in seen:
                seen.append(ref)
    return seen


def table_cell(text: str) -> str:
    """Plain text in a Markdown table cell: only the column separator escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def routes_markdown(
    edition: ResolvedEdition,
    tree: DecisionTree,
    cell: Callable[[str], str] = markdown_text.inline,
) -> str:
    """The routes as a Markdown table; ``cell`` escapes each cell (fully, by default)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in route_rows(edition, tree):
        lines.append("| " + " | ".join(cell(text) for text in row) + " |")
    return "\n".join(lines) + "\n"


def routes_csv(edition: ResolvedEdition, tree: DecisionTree) -> str:
    """The routes as CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(route_rows(edition, tree))
    return buffer.getvalue()
