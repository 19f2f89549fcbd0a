"""Editions: read an edition's settings and resolve its content and role bindings."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content import ContentSet, Located
from generator.errors import Diagnostic, Position
from generator.loader import load_document
from generator.models import Contact, Edition
from generator.project import Layout
from generator.validate import validate


@dataclass(frozen=True)
class Gap:
    """A role whose contact the sources do not publish: shown, never invented."""

    role_id: str
    role_name: str
    note: str


@dataclass(frozen=True)
class ResolvedEdition:
    """An edition with its content resolved and each role bound to a contact or a gap."""

    edition: Located[Edition]
    chain: tuple[str, ...]
    content: ContentSet

    @property
    def id(self) -> str:
        return self.edition.item.id

    def binding(self, role_id: str) -> str | None:
        """Contact id bound to ``role_id`` in this edition, else the role's default."""
        bound = self.edition.item.bindings.get(role_id)
        if bound is not None:
            return bound
        role = self.content.roles.get(role_id)
        return role.item.default if role else None

    def resolve_contact(self, ref: str) -> Contact | Gap | None:
        """A contact id or role id, resolved to the contact (or declared gap) it means here."""
        if ref in self.content.contacts:
            return self.content.contacts[ref].item
        if ref not in self.content.roles:
            return None
        bound = self.binding(ref)
        if bound is not None and bound in self.content.contacts:
            return self.content.contacts[bound].item
        note = self.edition.item.gaps.get(ref)
        if note is not None:
            return Gap(ref, self.content.roles[ref].item.name, note)
        return None

    def gaps(self) -> list[Gap]:
        """Every declared gap of this edition, in role order."""
        found = []
        for role_id in self.content.roles:
            resolved = self.resolve_contact(role_id)
            if isinstance(resolved, Gap):
                found.append(resolved)
        return found


def read_edition(
    layout: Layout, edition_id: str
) -> tuple[Located[Edition] | None, list[Diagnostic]]:
    """Load and validate ``site_config/editions/<id>/edition.yaml``."""
    path = layout.edition_file(edition_id)
    if not path.is_file():
        known = ", ".join(layout.edition_ids()) or "none"
        return None, [
            Diagnostic(
                path,
                Position(1, 1),
                "-",
                f"expected an edition folder with edition.yaml (known: {known}), "
                f"got nothing for '{edition_id}'",
                "unknown-edition",
            )
        ]
    loaded = load_document(path)
    if isinstance(loaded, Diagnostic):
        return None, [loaded]
    edition, problems = validate(loaded, Edition)
    if edition is None:
        return None, problems
    located = Located(edition, loaded)
    if edition.id != edition_id:
        problems.append(
            located.diagnostic(
                ("id",),
                f"expected id '{edition_id}' to match the folder name, got '{edition.id}'",
                "id-mismatch",
            )
        )
    if edition.base is not None:
        problems.append(
            located.diagnostic(
                ("base",),
                f"expected no base (overlays on another edition are not supported yet), "
                f"got '{edition.base}'",
                "unsupported",
            )
        )
    return located, problems


def resolve_edition(content: ContentSet, edition: Located[Edition]) -> ResolvedEdition:
    """Combine national content with an edition's settings."""
    return ResolvedEdition(edition=edition, chain=(edition.item.id,), content=content)
