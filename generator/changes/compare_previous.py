"""`safeguide changes ID --since PREVIOUS`: compare an edition with a build folder or git ref."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.changes.history import Change, compare
from generator.changes.snapshot import Snapshot, snapshot_of_build, snapshot_of_edition
from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.editions.git_history import export_tree
from generator.errors import errors_in


class PreviousNotFound(Exception):
    """PREVIOUS is neither a built edition folder nor a git ref that resolves."""


def previous_snapshot(layout: Layout, edition_id: str, previous: str) -> Snapshot:
    """The snapshot of ``previous``: a build folder's exports, or the edition at a git ref."""
    folder = Path(previous)
    if folder.is_dir():
        snapshot = snapshot_of_build(folder)
        if snapshot is None:
            raise PreviousNotFound(
                f"expected a built edition folder (with edition.json and contacts.json), "
                f"got '{previous}'"
            )
        return snapshot
    with tempfile.TemporaryDirectory(prefix="safeguide-previous-") as temporary:
        destination = Path(temporary)
        if not export_tree(layout.root, previous, destination):
            raise PreviousNotFound(
                f"expected a build folder or a git ref of this project, got '{previous}'"
            )
        old = Layout(destination)
        if edition_id not in old.edition_ids():
            raise PreviousNotFound(f"edition '{edition_id}' did not exist at '{previous}'")
        checked = check_edition(old, edition_id)
        if checked.edition is None or errors_in(checked.diagnostics):
            raise PreviousNotFound(f"edition '{edition_id}' did not check cleanly at '{previous}'")
        return snapshot_of_edition(checked.edition)


def changes_since(
    layout: Layout, edition_id: str, previous: str, current: Snapshot
) -> list[Change]:
    """Every change from ``previous`` to ``current``."""
    return compare(previous_snapshot(layout, edition_id, previous), current)
