"""A comparable snapshot of an edition's published content, from its exports.

The same shape comes from a resolved edition (now), from a build folder's JSON
exports (what is live), or from a git ref (checked out and resolved), so an officer
can compare with what is live without using git.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.editions.resolve import ResolvedEdition
from generator.exports import contacts_export, sections_export, sources_export, tree_export

Key = tuple[str, str]
"""(kind, id): kind is source, section, contact, tree or node; a node's id is ``tree/node``."""


@dataclass(frozen=True)
class Item:
    """One published item: its title, the page it appears on, and its comparable fields."""

    title: str
    page: str
    fields: dict[str, Any]


Snapshot = dict[Key, Item]


def _from_exports(
    trees: list[dict[str, Any]],
    contacts: dict[str, Any],
    sections: dict[str, Any] | None,
    sources: dict[str, Any] | None = None,
) -> Snapshot:
    snapshot: Snapshot = {}
    for source in (sources or {}).get("sources", []):
        fields = {k: v for k, v in source.items() if k not in ("id", "page")}
        title = f"{source['title']} ({source['edition']})"
        snapshot[("source", source["id"])] = Item(title, source["page"], fields)
    for section in (sections or {}).get("sections", []):
        fields = {k: v for k, v in section.items() if k not in ("id",)}
        snapshot[("section", section["id"])] = Item(
            section["title"], f"guidance/{section['id']}.md", fields
        )
    for contact in contacts.get("contacts", []):
        fields = {k: v for k, v in contact.items() if k not in ("id", "verified")}
        snapshot[("contact", contact["id"])] = Item(contact["name"], "contacts.md", fields)
    for gap in contacts.get("gaps", []):
        snapshot[("contact", f"gap:{gap['role']}")] = Item(
            f"{gap['name']} (not yet published)", "contacts.md", {"note": gap["note"]}
        )
    for tree in trees:
        page = f"flowcharts/{tree['id']}.md"
        snapshot[("tree", tree["id"])] = Item(
            tree["title"], page, {"title": tree["title"], "start": tree["start"]}
        )
        for node in tree["nodes"]:
            fields = {k: v for k, v in node.items() if k != "id"}
            # A contact's own changes are listed once, under the contact, not on every node.
            fields["contacts"] = [c["id"] for c in node.get("contacts", [])]
            snapshot[("node", f"{tree['id']}/{node['id']}")] = Item(node["text"], page, fields)
    return snapshot


def snapshot_of_edition(edition: ResolvedEdition) -> Snapshot:
    """The snapshot of a resolved edition."""
    trees = [tree_export(edition, t.item) for _, t in sorted(edition.content.trees.items())]
    return _from_exports(
        trees, contacts_export(edition), sections_export(edition), sources_export(edition)
    )


def snapshot_of_build(folder: Path) -> Snapshot | None:
    """The snapshot of a built edition folder from its JSON exports; None if it has none."""
    if not (folder / "edition.json").is_file() or not (folder / "contacts.json").is_file():
        return None

    def read(path: Path) -> Any:
        return json.loads(path.read_text(encoding="utf-8"))

    trees = [read(p) for p in sorted((folder / "flowcharts").glob("*.json"))]
    sections_file = folder / "sections.json"
    sections = read(sections_file) if sections_file.is_file() else None
    sources_file = folder / "sources.json"
    sources = read(sources_file) if sources_file.is_file() else None
    return _from_exports(trees, read(folder / "contacts.json"), sections, sources)
