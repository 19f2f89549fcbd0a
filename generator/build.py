"""Build an edition into a folder atomically: temporary folder beside it, then a swap."""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.errors import ContentError
from generator.generate import Generated, generate
from generator.mkdocs_bridge import build_with_mkdocs
from generator.outputs import generated_at
from generator.previous_build import read_previous_build
from generator.project import Layout
from generator.render.card import CARD_FILE, CARD_PDF
from generator.render.pdf import ChromiumMissing, print_to_pdf


def _temporary_prefix(out: Path) -> str:
    return f".{out.name}.tmp-"


def _old_prefix(out: Path) -> str:
    return f".{out.name}.old-"


def clear_stale(out: Path) -> list[Path]:
    """Remove temporary folders that an earlier failed or killed build left beside ``out``."""
    removed: list[Path] = []
    if not out.parent.is_dir():
        return removed
    for candidate in out.parent.iterdir():
        if candidate.is_dir() and candidate.name.startswith(
            (_temporary_prefix(out), _old_prefix(out))
        ):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def _readable_by_web_server(folder: Path) -> None:
    # mkdtemp makes a private (0700) folder; a published site needs the usual mode.
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def swap_in(new: Path, out: Path) -> None:
    """Replace ``out`` with ``new``: rename the old aside, rename the new in, delete the old."""
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=_old_prefix(out), dir=out.parent))
        old.rmdir()
        os.rename(out, old)
        os.rename(new, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(new, out)


CARD_PDF_VARIABLE = "SAFEGUIDE_CARD_PDF"
"""Set to ``off`` to skip printing the card to PDF (the HTML card is always published)."""


def _print_card(site: Path) -> str:
    """Print the who-to-call card to PDF; say what happened in one line."""
    if os.environ.get(CARD_PDF_VARIABLE, "").lower() == "off":
        return f"card: {CARD_FILE} only ({CARD_PDF_VARIABLE}=off)"
    try:
        moment = datetime.datetime.fromisoformat(generated_at().replace("Z", "+00:00"))
        print_to_pdf(site / CARD_FILE, site / CARD_PDF, moment)
    except ChromiumMissing as exc:
        return f"card: {CARD_FILE} only ({exc})"
    return f"card: {CARD_FILE} and {CARD_PDF}"


def build_edition(
    layout: Layout, edition_id: str, out: Path, *, strict: bool = False, draft: bool = False
) -> Generated:
    """Check, render and build ``edition_id`` into ``out``; return the warnings and chart
    counts.

    Raises :class:`ContentError` on content errors (or on warnings with ``strict``),
    leaving any earlier site in ``out`` untouched.
    """
    generated = generate(
        layout, edition_id, draft=draft, previous=read_previous_build(out.resolve())
    )
    if generated.site is None or (strict and generated.diagnostics):
        raise ContentError(generated.diagnostics)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    clear_stale(out)
    temporary = Path(tempfile.mkdtemp(prefix=_temporary_prefix(out), dir=out.parent))
    _readable_by_web_server(temporary)
    try:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        build_with_mkdocs(layout, generated.site, temporary, strict=strict)
        card = _print_card(temporary)
        swap_in(temporary, out)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return replace(generated, card=card)
