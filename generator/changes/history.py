"""What changed between two snapshots of an edition, and the history a build keeps. Pure."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from typing import Any

from generator.changes.snapshot import Snapshot

CHANGES_SCHEMA = "safeguide.changes/1"
MAX_ENTRIES = 100
KIND_ORDER = {"source": 0, "section": 1, "contact": 2, "tree": 3, "node": 4}


@dataclass(frozen=True)
class Change:
    """One item added, changed or removed, with the fields that changed."""

    kind: str
    item_id: str
    title: str
    change: str
    page: str
    fields: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line: ``changed contact essex-lado: Essex LADO (channels)``."""
        what = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{self.change} {self.kind} {self.item_id}: {self.title}{what}"


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every item added, changed or removed from ``old`` to ``new``, in a stable order."""
    changes = []
    for key in sorted(set(old) | set(new), key=lambda k: (KIND_ORDER.get(k[0], 9), k[1])):
        kind, item_id = key
        before, after = old.get(key), new.get(key)
        if before is None and after is not None:
            changes.append(Change(kind, item_id, after.title, "added", after.page))
        elif after is None and before is not None:
            changes.append(Change(kind, item_id, before.title, "removed", before.page))
        elif before is not None and after is not None and before.fields != after.fields:
            names = sorted(
                name
                for name in set(before.fields) | set(after.fields)
                if before.fields.get(name) != after.fields.get(name)
            )
            changes.append(Change(kind, item_id, after.title, "changed", after.page, tuple(names)))
    return changes


@dataclass(frozen=True)
class Entry:
    """One build that changed something: when, and what."""

    date: str
    changes: tuple[Change, ...]


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """An entry as stored in ``changes.json``."""
    return {"date": entry.date, "changes": [asdict(c) for c in entry.changes]}


def entries_from_json(data: dict[str, Any] | None) -> list[Entry]:
    """Entries read back from ``changes.json``; nothing if it is missing or another schema."""
    if not data or data.get("schema") != CHANGES_SCHEMA:
        return []
    return [
        Entry(
            e["date"],
            tuple(Change(**{**c, "fields": tuple(c.get("fields", ()))}) for c in e["changes"]),
        )
        for e in data.get("entries", [])
    ]


def history(previous: list[Entry], changes: list[Change], date: str) -> list[Entry]:
    """The history after a build: a new entry first when anything changed."""
    entries = [Entry(date, tuple(changes)), *previous] if changes else list(previous)
    return entries[:MAX_ENTRIES]


def history_json(edition_id: str, entries: list[Entry]) -> dict[str, Any]:
    """``changes.json`` of an edition."""
    return {
        "schema": CHANGES_SCHEMA,
        "edition": edition_id,
        "entries": [entry_to_json(e) for e in entries],
    }


def recent_by_page(
    entries: list[Entry], today: datetime.date, days: int
) -> dict[str, list[tuple[str, Change]]]:
    """Changes per page made within ``days`` of ``today``, newest first, for the page flags."""
    flagged: dict[str, list[tuple[str, Change]]] = {}
    for entry in entries:
        day = datetime.date.fromisoformat(entry.date[:10])
        if (today - day).days > days:
            continue
        for change in entry.changes:
            flagged.setdefault(change.page, []).append((entry.date[:10], change))
    return flagged
