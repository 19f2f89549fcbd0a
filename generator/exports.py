"""Machine-readable outputs of an edition: tree JSON, contacts JSON, edition JSON."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from generator import __version__
from generator.editions.resolve import Gap, ResolvedEdition
from generator.models import Contact, DecisionTree, OutcomeNode, QuestionNode, StepNode
from generator.models.channel_display import channel_view, first_of
from generator.models.common import citations_in

TREE_SCHEMA = "safeguide.tree/1"
CONTACTS_SCHEMA = "safeguide.contacts/1"
EDITION_SCHEMA = "safeguide.edition/1"
SECTIONS_SCHEMA = "safeguide.sections/1"
SOURCES_SCHEMA = "safeguide.sources/1"


def to_json(data: Any) -> bytes:
    """Stable, readable JSON bytes."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _contact_summary(ref: str, resolved: Contact | Gap | None) -> dict[str, Any]:
    if isinstance(resolved, Contact):
        url = next((c.value for c in resolved.channels if c.type in ("web", "form", "chat")), None)
        return {
            "id": resolved.id,
            "name": resolved.name,
            "phone": first_of(resolved, "phone"),
            "email": first_of(resolved, "email"),
            "url": url,
        }
    if isinstance(resolved, Gap):
        return {
            "id": ref,
            "name": resolved.role_name,
            "phone": None,
            "email": None,
            "url": None,
            "gap": resolved.note,
        }
    return {
        "id": ref,
        "name": f"To be completed: {ref}",
        "phone": None,
        "email": None,
        "url": None,
        "gap": "This draft edition has not yet named a contact for this role.",
    }


def tree_export(edition: ResolvedEdition, tree: DecisionTree) -> dict[str, Any]:
    """The resolved tree in schema ``safeguide.tree/1``."""
    sources = edition.content.sources
    nodes = []
    for node in tree.nodes:
        entry: dict[str, Any] = {"id": node.id, "kind": node.kind, "text": node.text}
        if node.detail:
            entry["detail"] = node.detail
        if isinstance(node, StepNode | OutcomeNode) and node.actions:
            entry["actions"] = list(node.actions)
        if node.contacts:
            entry["contacts"] = [
                _contact_summary(ref, edition.resolve_contact(ref)) for ref in node.contacts
            ]
        if node.trees:
            entry["trees"] = [
                {"id": ref, "title": edition.content.trees[ref].item.title} for ref in node.trees
            ]
        if node.basis:
            entry["basis"] = node.basis
        if isinstance(node, QuestionNode):
            entry["answers"] = [
                {
                    "label": a.label,
                    "next": a.next,
                    **({"loop_back": True} if a.loop_back else {}),
                    "facts": list(a.facts),
                }
                for a in node.answers
            ]
        if node.facts:
            entry["facts"] = list(node.facts)
        if isinstance(node, StepNode):
            entry["next"] = node.next
        if isinstance(node, OutcomeNode) and node.urgent:
            entry["urgent"] = True
        nodes.append(entry)
    return {
        "schema": TREE_SCHEMA,
        "id": tree.id,
        "title": tree.title,
        "edition": edition.id,
        "start": tree.start,
        "sources": [
            {"id": c.source, "title": sources[c.source].item.title, "where": c.where}
            for c in tree.sources
        ],
        "nodes": nodes,
    }


def contact_record(contact: Contact) -> dict[str, Any]:
    """One contact as exported: channels with display text and links."""
    return {
        "id": contact.id,
        "name": contact.name,
        "urgency": contact.urgency,
        "when_to_use": " ".join(contact.when_to_use.split()),
        "hours": contact.hours,
        "out_of_hours": contact.out_of_hours,
        "area": contact.area,
        "roles": list(contact.fulfils),
        "channels": [
            {"type": c.type, "value": c.value, "display": v.text, "href": v.href, "label": c.label}
            for c in contact.channels
            for v in [channel_view(c)]
        ],
        "source": {"id": contact.source.source, "where": contact.source.where},
        "verified": contact.verified.isoformat(),
    }


def contacts_export(edition: ResolvedEdition) -> dict[str, Any]:
    """Every contact of the edition and every declared gap, schema ``safeguide.contacts/1``."""
    contacts = sorted(edition.content.contacts.values(), key=lambda c: c.item.id)
    return {
        "schema": CONTACTS_SCHEMA,
        "edition": edition.id,
        "contacts": [contact_record(c.item) for c in contacts],
        "gaps": [{"role": g.role_id, "name": g.role_name, "note": g.note} for g in edition.gaps()],
    }


def sections_export(edition: ResolvedEdition) -> dict[str, Any]:
    """Every guidance section's text, schema ``safeguide.sections/1`` (for change tracking)."""
    sections = sorted(edition.content.sections.values(), key=lambda s: s.item.id)
    return {
        "schema": SECTIONS_SCHEMA,
        "edition": edition.id,
        "sections": [
            {
                "id": s.item.id,
                "title": s.item.title,
                "summary": " ".join(s.item.summary.split()),
                "review_by": s.item.review_by.isoformat(),
                "body": [
                    {
                        "heading": b.heading,
                        "style": b.style,
                        "basis": b.basis,
                        "text": b.text,
                    }
                    for b in s.item.body
                ],
                "contacts": list(s.item.contacts),
                "trees": list(s.item.trees),
            }
            for s in sections
        ],
    }


def _pages_citing(edition: ResolvedEdition) -> dict[str, str]:
    """The first page (guidance before flowcharts, by id) that cites each source."""
    pages: dict[str, str] = {}
    for folder, items in (
        ("guidance", edition.content.sections),
        ("flowcharts", edition.content.trees),
    ):
        for item_id, located in sorted(items.items()):
            for _path, citation in citations_in(located.item):
                pages.setdefault(citation.source, f"{folder}/{item_id}.md")
    return pages


def sources_export(edition: ResolvedEdition) -> dict[str, Any]:
    """Every cited document and its standing on the edition's day (in force, upcoming,
    superseded), schema ``safeguide.sources/1``: a build on the day a new edition of the
    guidance comes into force differs from the one before, so What's new lists the switch."""
    pages = _pages_citing(edition)
    records = []
    for source_id, located in sorted(edition.content.sources.items()):
        source = located.item
        status = edition.source_status(source_id)
        records.append(
            {
                "id": source_id,
                "title": source.title,
                "publisher": source.publisher,
                "edition": source.edition,
                "url": source.url,
                "in_force_from": source.in_force_from.isoformat() if source.in_force_from else None,
                "superseded_by": source.superseded_by,
                "state": status.state,
                "page": pages.get(source_id, "index.md"),
            }
        )
    return {"schema": SOURCES_SCHEMA, "edition": edition.id, "sources": records}


def inputs_hash(root: Path, files: list[Path]) -> str:
    """SHA-256 over the generator version and every input file's path (from root) and bytes."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def generated_at() -> str:
    """Build time as ISO 8601 UTC, from ``SOURCE_DATE_EPOCH`` when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    )
    return moment.isoformat().replace("+00:00", "Z")


def edition_export(edition: ResolvedEdition, input_digest: str) -> dict[str, Any]:
    """Identity of a build: id, name, base chain, inputs hash and generated date."""
    settings = edition.edition.item
    return {
        "schema": EDITION_SCHEMA,
        "id": settings.id,
        "name": settings.name,
        "authority": settings.authority,
        "base_chain": list(edition.chain),
        "banner": settings.banner,
        "branding": settings.branding.model_dump(mode="json"),
        "inputs_sha256": input_digest,
        "generator_version": __version__,
        "generated": generated_at(),
    }
