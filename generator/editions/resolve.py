"""Editions: read an edition's settings and resolve its content and role bindings."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.content.collect import ContentSet, Located
from generator.content.loader import load_document, outside_message
from generator.content.project import Layout
from generator.content.validate import validate
from generator.editions.in_force import SourceStatus, source_status
from generator.editions.overlay_apply import Added, Override, apply_overlays
from generator.editions.overlays import Overlays, read_overlays
from generator.errors import Diagnostic, Position, Severity, did_you_mean
from generator.models import Contact, Edition, Source


@dataclass(frozen=True)
class Gap:
    """A role whose contact the sources do not publish: shown, never invented."""

    role_id: str
    role_name: str
    note: str


@dataclass(frozen=True)
class ResolvedEdition:
    """An edition with its content resolved and each role bound to a contact or a gap.

    ``layers`` are the edition settings from the root of the base chain to this edition;
    ``overrides`` and ``added`` record what each layer changed, for drift and diff.
    """

    edition: Located[Edition]
    chain: tuple[str, ...]
    content: ContentSet
    layers: tuple[Located[Edition], ...] = ()
    overrides: tuple[Override, ...] = ()
    added: tuple[Added, ...] = ()
    draft: bool = False
    """A draft shows unbound roles as "to be completed" instead of failing."""
    today: datetime.date | None = None
    """The day the edition is checked and published for (``SAFEGUIDE_TODAY`` or the clock):
    which cited documents are in force depends on it."""

    @functools.cached_property
    def source_catalogue(self) -> dict[str, Source]:
        """Every source of the edition by id (worked out once: pages ask per citation)."""
        return {key: located.item for key, located in self.content.sources.items()}

    def source_status(self, source_id: str) -> SourceStatus:
        """Whether a cited source is upcoming, in force or superseded on ``today``."""
        return source_status(self.source_catalogue, source_id, self.today or datetime.date.today())

    @property
    def id(self) -> str:
        return self.edition.item.id

    def _role_setting(self, role_id: str) -> tuple[str, str] | None:
        """("bound", contact id) or ("gap", note) from the nearest layer that says either.

        Bindings are inherited from every base. Gaps are inherited from local bases but
        not from the root (national) edition: its gaps are the slots each local edition
        must fill or declare for itself, so a new edition starts with them open.
        """
        layers = self.layers or (self.edition,)
        for depth, layer in enumerate(reversed(layers)):
            settings = layer.item
            if role_id in settings.bindings:
                return "bound", settings.bindings[role_id]
            is_root = depth == len(layers) - 1
            if role_id in settings.gaps and (not is_root or len(layers) == 1):
                return "gap", settings.gaps[role_id]
        return None

    def binding(self, role_id: str) -> str | None:
        """Contact id bound to ``role_id`` by this edition or its bases, else the role's default."""
        setting = self._role_setting(role_id)
        if setting is not None:
            return setting[1] if setting[0] == "bound" else None
        role = self.content.roles.get(role_id)
        return role.item.default if role else None

    def resolve_contact(self, ref: str) -> Contact | Gap | None:
        """A contact id or role id, resolved to the contact (or declared gap) it means here."""
        if ref in self.content.contacts:
            return self.content.contacts[ref].item
        if ref not in self.content.roles:
            return None
        setting = self._role_setting(ref)
        if setting is not None and setting[0] == "gap":
            return Gap(ref, self.content.roles[ref].item.name, setting[1])
        bound = self.binding(ref)
        if bound is not None and bound in self.content.contacts:
            return self.content.contacts[bound].item
        return None

    def distinct_roles(self, role_ids: Iterable[str]) -> list[str]:
        """The known roles of ``role_ids`` in order, leaving out a role whose contact an
        earlier one already shows (an area with one line for urgent and other referrals)."""
        shown: set[str] = set()
        kept = []
        for role_id in role_ids:
            if role_id not in self.content.roles:
                continue
            resolved = self.resolve_contact(role_id)
            if isinstance(resolved, Contact):
                if resolved.id in shown:
                    continue
                shown.add(resolved.id)
            kept.append(role_id)
        return kept

    def placeholders(self) -> list[tuple[str, str]]:
        """(role id, role name) of every role this edition has neither bound nor declared
        (a role with a default is bound to it). A binding that names an unknown contact is
        not a placeholder: it is a broken reference, reported where it is written."""
        return [
            (role_id, located.item.name)
            for role_id, located in self.content.roles.items()
            if self._role_setting(role_id) is None and located.item.default is None
        ]

    def gap_notes(self) -> list[Diagnostic]:
        """A note per declared gap, pointing at the layer that declares it, for ``check``."""
        notes = []
        for gap in self.gaps():
            for layer in reversed(self.layers or (self.edition,)):
                if gap.role_id in layer.item.gaps:
                    notes.append(
                        layer.diagnostic(
                            ("gaps", gap.role_id),
                            f"declared as not published in the source: {gap.role_name}",
                            "declared-gap",
                            Severity.NOTE,
                        )
                    )
                    break
        return notes

    def gaps(self) -> list[Gap]:
        """Every declared gap of this edition, in role order."""
        found = []
        for role_id in self.content.roles:
            resolved = self.resolve_contact(role_id)
            if isinstance(resolved, Gap):
                found.append(resolved)
        return found


_ACTIVE_SVG = re.compile(
    rb"<\s*(?:script|foreignObject|iframe|object|embed)\b|\son[a-z]+\s*=|javascript:|"
    rb"<!ENTITY|xlink:href\s*=\s*[\"'](?!#)|\shref\s*=\s*[\"'](?!#)",
    re.IGNORECASE,
)


def _logo_problems(located: Located[Edition], logo: Path, folder: Path) -> list[Diagnostic]:
    """A logo is published as a file of the site: it must be the edition's own file, and an
    SVG must be a picture only (opened on its own, an SVG's script would run in the site)."""
    outside = outside_message(logo, folder)
    if outside is not None:
        return [located.diagnostic(("branding", "logo"), outside, "link-outside")]
    if logo.suffix == ".svg" and (found := _ACTIVE_SVG.search(logo.read_bytes())):
        return [
            located.diagnostic(
                ("branding", "logo"),
                "expected an SVG picture with no script, event handler, external link or "
                f"embedded document, got {found.group(0).decode('utf-8', 'replace').strip()!r}",
                "unsafe-logo",
            )
        ]
    return []


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
    loaded = load_document(path, within=path.parent)
    if isinstance(loaded, Diagnostic):
        return None, [loaded]
    edition, problems = validate(loaded, Edition)
    if edition is None:
        return None, problems
    located = Located(edition, loaded)
    logo = edition.branding.logo
    if logo is not None and not (path.parent / logo).is_file():
        problems.append(
            located.diagnostic(
                ("branding", "logo"),
                f"expected a file at site_config/editions/{edition_id}/{logo}, got nothing",
                "missing-file",
            )
        )
    elif logo is not None:
        problems += _logo_problems(located, path.parent / logo, path.parent)
    if edition.id != edition_id:
        problems.append(
            located.diagnostic(
                ("id",),
                f"expected id '{edition_id}' to match the folder name, got '{edition.id}'",
                "id-mismatch",
            )
        )
    return located, problems


MAX_DEPTH = 16


@dataclass(frozen=True)
class Layer:
    """One edition of a base chain: its settings and its overlay files."""

    settings: Located[Edition]
    overlays: Overlays


def read_chain(
    layout: Layout, edition_id: str, cache_dir: Path | None = None
) -> tuple[list[Layer] | None, list[Diagnostic]]:
    """The edition and its bases, root first; a cycle or an unknown base is an error
    (overlay files parsed before come from ``cache_dir``)."""
    problems: list[Diagnostic] = []
    chain: list[Layer] = []
    current: str | None = edition_id
    while current is not None:
        settings, found = read_edition(layout, current)
        problems.extend(found)
        if settings is None:
            return None, problems
        overlays, found = read_overlays(layout.editions_dir / current, cache_dir)
        problems.extend(found)
        chain.append(Layer(settings, overlays))
        base = settings.item.base
        ids = [layer.settings.item.id for layer in chain]
        if base is not None and (base in ids or len(chain) > MAX_DEPTH):
            cycle = " -> ".join([*ids, base])
            problems.append(
                settings.diagnostic(
                    ("base",),
                    f"expected a chain of bases that ends at an edition without one, got a "
                    f"cycle: {cycle}",
                    "base-cycle",
                )
            )
            return None, problems
        if base is not None and base not in layout.edition_ids():
            known = layout.edition_ids()
            hint = did_you_mean(base, known)
            problems.append(
                settings.diagnostic(
                    ("base",),
                    f"expected the id of an edition in site_config/editions, got '{base}'{hint}",
                    "unknown-reference",
                )
            )
            return None, problems
        current = base
    chain.reverse()
    return chain, problems


def resolve_chain(
    national: ContentSet, chain: list[Layer]
) -> tuple[ResolvedEdition, list[Diagnostic]]:
    """National content with every layer's overlays applied, root first."""
    content = national
    problems: list[Diagnostic] = []
    overrides: list[Override] = []
    added: list[Added] = []
    for layer in chain:
        content, changed, new, found = apply_overlays(
            content, layer.overlays, layer.settings.item.id
        )
        overrides += changed
        added += new
        problems += found
    leaf = chain[-1].settings
    resolved = ResolvedEdition(
        edition=leaf,
        chain=tuple(layer.settings.item.id for layer in reversed(chain)),
        content=content,
        layers=tuple(layer.settings for layer in chain),
        overrides=tuple(overrides),
        added=tuple(added),
    )
    return resolved, problems


def resolve_edition(content: ContentSet, edition: Located[Edition]) -> ResolvedEdition:
    """An edition without base or overlays: national content with its settings."""
    return ResolvedEdition(
        edition=edition, chain=(edition.item.id,), content=content, layers=(edition,)
    )
