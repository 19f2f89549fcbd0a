"""What an edition adds, replaces, patches and removes versus its base, and any drift. Pure."""

from __future__ import annotations

from generator.content.item_hash import short_hash
from generator.editions.drift import Drift, drift_detail, find_drift
from generator.editions.resolve import ResolvedEdition
from generator.errors import display_path


def _where(located_path: str, line: int) -> str:
    return f"{located_path}:{line}"


def edition_diff(edition: ResolvedEdition, *, with_detail: bool = True) -> str:
    """Plain text for ``safeguide diff``: this edition's own changes, bindings, gaps, drift."""
    own = edition.id
    base = edition.edition.item.base or "(none: national content)"
    lines = [f"{own} (base: {base}; chain: {' <- '.join(reversed(edition.chain))})"]
    added = [a for a in edition.added if a.edition_id == own]
    overrides = [o for o in edition.overrides if o.edition_id == own]
    sections: list[tuple[str, list[str]]] = [
        (
            "added",
            [
                f"{a.kind} {a.item.item.id}  "  # type: ignore[attr-defined]
                f"({_where(display_path(a.item.document.path), a.item.position().line)})"
                for a in added
            ],
        ),
    ]
    for operation, title in (("replace", "replaced"), ("patch", "patched"), ("remove", "removed")):
        rows = []
        for o in overrides:
            if o.operation != operation:
                continue
            current = short_hash(o.base.item)
            state = (
                "no base_hash recorded"
                if o.recorded_hash is None
                else "up to date"
                if o.recorded_hash == current
                else f"DRIFT: base now {current}"
            )
            where = _where(display_path(o.local.document.path), o.local.position().line)
            rows.append(
                f"{o.kind} {o.item_id}  base_hash {o.recorded_hash or '-'} ({state})  ({where})"
            )
        sections.append((title, rows))
    settings = edition.edition.item
    sections.append(("bindings", [f"{role} -> {c}" for role, c in settings.bindings.items()]))
    sections.append(("declared gaps", [f"{role}: {note}" for role, note in settings.gaps.items()]))
    for title, rows in sections:
        lines.append(f"{title}: {len(rows)}")
        lines += [f"  {row}" for row in rows]
    drifts: list[Drift] = [d for d in find_drift(edition) if d.override.edition_id == own]
    lines.append(f"drift: {len(drifts)}")
    for drift in drifts:
        o = drift.override
        lines.append(f"  {o.kind} {o.item_id}: {o.recorded_hash} -> {drift.current_hash}")
        if with_detail:
            lines += [f"    {line}" for line in drift_detail(drift).splitlines()]
    return "\n".join(lines) + "\n"
