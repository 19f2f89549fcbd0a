"""One save: write through a transaction, check the edition, undo if the save brought new
errors, and place every problem beside its field."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.edit.field_errors import Entry, FieldErrors, Problem, place
from generator.edit.overlay_writer import Transaction, Unwritable
from generator.errors import Diagnostic, Severity

_ONE_SAVE_AT_A_TIME = threading.Lock()


@dataclass
class Saved:
    """The outcome of a save: whether it was kept, and the problems by field."""

    kept: bool
    errors: FieldErrors


def _key(d: Diagnostic) -> tuple[str, str, str, str]:
    return (str(d.path), d.key_path, d.code, d.message)


def current_problems(layout: Layout, edition_id: str) -> list[Diagnostic]:
    """The edition's check, as a draft (an unbound role is a warning while editing),
    with its declared gaps as notes."""
    checked = check_edition(layout, edition_id, draft=True)
    found = list(checked.diagnostics)
    if checked.edition is not None:
        found += checked.edition.gap_notes()
    return found


def save(
    layout: Layout,
    edition_id: str,
    write: Callable[[Transaction], list[Entry]],
) -> Saved:
    """Run ``write`` (which returns where its entries went), check, and keep or undo."""
    folder = layout.editions_dir / edition_id
    with _ONE_SAVE_AT_A_TIME:
        before = {_key(d) for d in check_edition(layout, edition_id, draft=True).diagnostics}
        transaction = Transaction(folder)
        try:
            entries = write(transaction)
        except Unwritable as exc:
            transaction.undo()
            d = exc.diagnostic
            return Saved(False, FieldErrors(general=[_refused(d, layout)]))
        except BaseException:
            transaction.undo()
            raise
        after = current_problems(layout, edition_id)
        new_errors = [d for d in after if d.severity is Severity.ERROR and _key(d) not in before]
        if new_errors:
            transaction.undo()
            return Saved(False, place(new_errors, entries, layout.root))
        return Saved(True, place(after, entries, layout.root))


def _refused(d: Diagnostic, layout: Layout) -> Problem:
    return Problem(
        "This could not be saved: the text would not load as YAML.",
        d.format(layout.root),
        Severity.ERROR.value,
    )
