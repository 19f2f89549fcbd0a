"""Printed outputs as PDF bytes (the who-to-call card, the printed edition, the training
handouts), printed by headless Chromium before MkDocs runs, so pages link a PDF only when
it exists."""

from __future__ import annotations

import datetime
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from generator.render.pdf import ChromiumMissing, print_to_pdf

CARD_PDF_VARIABLE = "SAFEGUIDE_CARD_PDF"
"""Set to ``off`` to skip printing PDFs (the HTML versions are always published)."""


def print_pdfs(documents: Mapping[str, str], generated: str) -> tuple[dict[str, bytes], str]:
    """PDF path -> bytes for each HTML document, and one line saying what happened."""
    names = ", ".join(documents)
    if os.environ.get(CARD_PDF_VARIABLE, "").lower() == "off":
        return {}, f"PDFs skipped ({CARD_PDF_VARIABLE}=off)"
    moment = datetime.datetime.fromisoformat(generated.replace("Z", "+00:00"))
    printed: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="safeguide-pdf-") as folder:
        for index, (pdf_path, html) in enumerate(documents.items()):
            source = Path(folder) / f"document-{index}.html"
            target = Path(folder) / f"document-{index}.pdf"
            source.write_text(html, encoding="utf-8")
            try:
                print_to_pdf(source, target, moment)
            except ChromiumMissing as exc:
                return {}, f"PDFs skipped ({exc})"
            printed[pdf_path] = target.read_bytes()
    return printed, f"PDFs: {names}"
