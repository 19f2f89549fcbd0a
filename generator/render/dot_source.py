"""Graphviz DOT source of a decision tree. Pure: text in, text out; no Graphviz run here.

Every label is a Graphviz HTML-like label built from escaped text, so no content
(quotes, braces, angle brackets, backslashes, unicode) can break out of it. Node
and edge order follows the reading order of the text version, so the same tree
always gives the same DOT.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from generator.editions.resolve import Gap, ResolvedEdition
from generator.models import Contact, DecisionTree, OutcomeNode, QuestionNode, StepNode
from generator.models.channel_display import first_of

WRAP_WIDTH = 32
TABLE_ATTRIBUTES = 'BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"'
FONT = "Helvetica,Arial,sans-serif"

# Fallback colours written into the SVG; the site's CSS overrides them with
# variables so that dark mode and print work (see safeguide.css).
STYLES = {
    "question": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#e8eaf6",
        "color": "#283593",
        "penwidth": "1.5",
    },
    "step": {"shape": "box", "style": "filled", "fillcolor": "#ffffff", "color": "#455a64"},
    "outcome": {
        "shape": "box",
        "style": "filled",
        "peripheries": "2",
        "fillcolor": "#e8f5e9",
        "color": "#1b5e20",
    },
    "urgent": {
        "shape": "box",
        "style": "filled,bold",
        "peripheries": "2",
        "fillcolor": "#ffebee",
        "color": "#b71c1c",
        "penwidth": "3",
    },
}


class HtmlLabel(str):
    """A value already in Graphviz HTML-like label form (``<...>``), written unquoted."""

    __slots__ = ()


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label.

    ``&``, ``<``, ``>`` and ``"`` become entities. Backslashes are doubled: Graphviz
    still expands ``\\N``, ``\\G`` and friends inside HTML labels (even when written as
    ``&#92;``), and reads ``\\\\`` as one backslash.
    """
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def quoted(value: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, one line."""
    flat = " ".join(value.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrapped(text: str, width: int = WRAP_WIDTH) -> str:
    """Text wrapped to ``width`` columns as escaped lines joined by ``<BR/>``."""
    lines = textwrap.wrap(" ".join(text.split()), width=width) or [""]
    return "<BR/>".join(html_text(line) for line in lines)


@dataclass(frozen=True)
class ChartLinks:
    """Where chart nodes link: the text version's page and the site's other pages."""

    page: str  # the tree page, relative to the SVG's own location, e.g. "police.html"
    contacts_page: str = "../contacts.html"
    guidance_dir: str = "../guidance"
    flowcharts_dir: str = "."

    def node(self, tree_id: str, node_id: str) -> str:
        return f"{self.page}#{node_anchor(tree_id, node_id)}"


def node_anchor(tree_id: str, node_id: str) -> str:
    """Anchor id of a node's step in the text version."""
    return f"{tree_id}-{node_id}"


def contact_anchor(ref: str, resolved: Contact | Gap | None) -> str:
    """Anchor id of a contact (or declared gap) on the contacts page."""
    if isinstance(resolved, Contact):
        return f"contact-{resolved.id}"
    return f"gap-{ref}"


def _contact_line(ref: str, resolved: Contact | Gap | None) -> str:
    if isinstance(resolved, Contact):
        number = first_of(resolved, "phone", "text", "relay")
        return f"{resolved.name}: {number}" if number else resolved.name
    if isinstance(resolved, Gap):
        return f"{resolved.role_name}: not published"
    return f"To be completed: {ref}"


def _cell(href: str, body: str, *, underline: bool = False) -> str:
    content = f"<U>{body}</U>" if underline else body
    return f'<TR><TD HREF="{html_text(href)}" BALIGN="LEFT">{content}</TD></TR>'


def node_label(
    tree: DecisionTree,
    number: int,
    node: QuestionNode | StepNode | OutcomeNode,
    edition: ResolvedEdition,
    links: ChartLinks,
) -> HtmlLabel:
    """HTML-like label of one node: numbered text linking to its step, then its links."""
    text = wrapped(f"{number}. {node.text}")
    if isinstance(node, OutcomeNode) and node.urgent:
        text = f"<B>ACT NOW</B><BR/>{text}"
    if node.basis == "statutory":
        text = f"{text}<BR/><I>Statutory duty: must</I>"
    rows = [_cell(links.node(tree.id, node.id), text)]
    for ref in node.contacts:
        resolved = edition.resolve_contact(ref)
        href = f"{links.contacts_page}#{contact_anchor(ref, resolved)}"
        rows.append(_cell(href, wrapped(_contact_line(ref, resolved)), underline=True))
    for other_id in node.trees:
        other = edition.content.trees[other_id].item
        href = f"{links.flowcharts_dir}/{other.id}.html"
        rows.append(_cell(href, wrapped(f"Then follow: {other.title}"), underline=True))
    for section_id in node.sections:
        section = edition.content.sections[section_id].item
        href = f"{links.guidance_dir}/{section.id}.html"
        rows.append(_cell(href, wrapped(f"See: {section.title}"), underline=True))
    table = "".join(rows)
    return HtmlLabel(f"<<TABLE {TABLE_ATTRIBUTES}>{table}</TABLE>>")


def _attributes(pairs: dict[str, str]) -> str:
    return ", ".join(
        f"{key}={value}" if isinstance(value, HtmlLabel) else f"{key}={quoted(value)}"
        for key, value in pairs.items()
    )


def tree_to_dot(
    tree: DecisionTree,
    edition: ResolvedEdition,
    order: list[str],
    links: ChartLinks,
) -> str:
    """DOT source of ``tree``: nodes in ``order`` (numbered from 1), top to bottom."""
    by_id = {node.id: node for node in tree.nodes}
    numbers = {node_id: i + 1 for i, node_id in enumerate(order)}
    lines = [
        f"digraph {quoted(tree.id)} {{",
        "  graph ["
        + _attributes(
            {
                "id": f"{tree.id}-graph",
                "rankdir": "TB",
                "label": HtmlLabel(f"<{wrapped(tree.title, 60)}>"),
                "labelloc": "t",
                "fontname": FONT,
                "fontsize": "18",
                "nodesep": "0.4",
                "ranksep": "0.5",
                "bgcolor": "white",
            }
        )
        + "];",
        "  node [" + _attributes({"fontname": FONT, "fontsize": "13", "margin": "0.1"}) + "];",
        "  edge [" + _attributes({"fontname": FONT, "fontsize": "12", "arrowsize": "0.8"}) + "];",
    ]
    for node_id in order:
        node = by_id[node_id]
        kind = "urgent" if isinstance(node, OutcomeNode) and node.urgent else node.kind
        attributes = {
            "id": f"{tree.id}-node-{node.id}",
            "class": f"sg-node sg-{kind}",
            "label": node_label(tree, numbers[node.id], node, edition, links),
            **STYLES[kind],
        }
        lines.append(f"  {quoted(node.id)} [{_attributes(attributes)}];")
    for node_id in order:
        node = by_id[node_id]
        if isinstance(node, QuestionNode):
            for index, answer in enumerate(node.answers):
                if answer.next not in by_id:
                    continue
                attributes = {
                    "id": f"{tree.id}-edge-{node.id}-{index}",
                    "label": HtmlLabel(f"<{wrapped(answer.label, 24)}>"),
                }
                if answer.loop_back:
                    attributes |= {"style": "dashed", "constraint": "false"}
                lines.append(
                    f"  {quoted(node.id)} -> {quoted(answer.next)} [{_attributes(attributes)}];"
                )
        elif isinstance(node, StepNode) and node.next in by_id:
            attributes = {"id": f"{tree.id}-edge-{node.id}-0"}
            lines.append(f"  {quoted(node.id)} -> {quoted(node.next)} [{_attributes(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
