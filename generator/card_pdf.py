"""The who-to-call card as PDF bytes, printed by headless Chromium before MkDocs runs."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

from generator.render.card import CARD_FILE, CARD_PDF
from generator.render.pdf import ChromiumMissing, print_to_pdf

CARD_PDF_VARIABLE = "SAFEGUIDE_CARD_PDF"
"""Set to ``off`` to skip printing the card to PDF (the HTML card is always published)."""


def card_pdf(html: str, generated: str) -> tuple[bytes | None, str]:
    """(PDF bytes or None, one line saying what happened) for the card's ``html``."""
    if os.environ.get(CARD_PDF_VARIABLE, "").lower() == "off":
        return None, f"card: {CARD_FILE} only ({CARD_PDF_VARIABLE}=off)"
    moment = datetime.datetime.fromisoformat(generated.replace("Z", "+00:00"))
    with tempfile.TemporaryDirectory(prefix="safeguide-card-") as folder:
        source, target = Path(folder) / CARD_FILE, Path(folder) / CARD_PDF
        source.write_text(html, encoding="utf-8")
        try:
            print_to_pdf(source, target, moment)
        except ChromiumMissing as exc:
            return None, f"card: {CARD_FILE} only ({exc})"
        return target.read_bytes(), f"card: {CARD_FILE} and {CARD_PDF}"
