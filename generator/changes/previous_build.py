"""What was published before: the snapshot and change history in an edition's last build."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.changes.history import Entry, entries_from_json
from generator.changes.snapshot import Snapshot, snapshot_of_build

CHANGES_FILE = "changes.json"


@dataclass(frozen=True)
class PreviousBuild:
    """The content and history of the site that a new build replaces (empty for a first)."""

    snapshot: Snapshot | None = None
    entries: list[Entry] = field(default_factory=list)


def read_previous_build(folder: Path) -> PreviousBuild:
    """Read the last build in ``folder``; an absent or unreadable one counts as none."""
    snapshot = snapshot_of_build(folder)
    path = folder / CHANGES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, ValueError):
        data = None
    return PreviousBuild(snapshot, entries_from_json(data))
