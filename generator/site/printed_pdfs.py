"""Printed outputs as PDF bytes (the who-to-call card, the printed edition, the training
handouts), printed by headless Chromium before MkDocs runs, so pages link a PDF only when
it exists.

Chromium takes about a second per document, more than the rest of a rebuild, so what it
printed is kept in the cache folder by a hash of the document's HTML (which is
self-contained), of the Chromium binary and of the printing code; only the PDF's dates are
set afresh for each build. What must be printed is printed by one browser.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from pathlib import Path

from generator.render import pdf
from generator.render.pdf import (
    ChromiumMissing,
    find_chromium,
    fix_pdf_dates,
    printer_for_a_build,
)
from generator.text_cache import TextCache, cache_key, code_fingerprint

CARD_PDF_VARIABLE = "SAFEGUIDE_CARD_PDF"
"""Set to ``off`` to skip printing PDFs (the HTML versions are always published)."""


def _chromium_identity(chromium: str) -> str:
    """Which Chromium prints: its path, size and modification time (an upgrade changes them)."""
    found = Path(chromium).resolve()
    facts = found.stat()
    return f"{found}:{facts.st_size}:{facts.st_mtime_ns}"


def print_pdfs(
    documents: Mapping[str, str], generated: str, cache_dir: Path | None = None
) -> tuple[dict[str, bytes], str]:
    """PDF path -> bytes for each HTML document, and one line saying what happened.

    With ``cache_dir``, a document printed before (same HTML, same Chromium) is not
    printed again.
    """
    names = ", ".join(documents)
    if os.environ.get(CARD_PDF_VARIABLE, "").lower() == "off":
        return {}, f"PDFs skipped ({CARD_PDF_VARIABLE}=off)"
    try:
        chromium = _chromium_identity(find_chromium())
    except ChromiumMissing as exc:
        return {}, f"PDFs skipped ({exc})"
    moment = datetime.datetime.fromisoformat(generated.replace("Z", "+00:00"))
    printed: dict[str, bytes] = {}
    reused = 0
    cache = TextCache(cache_dir, ".pdf")
    with printer_for_a_build() as printer:  # Chromium starts only if something is printed
        for pdf_path, html in documents.items():
            key = cache_key(code_fingerprint(pdf.__file__), chromium, html)
            raw = cache.get_bytes(key)
            if raw is None:
                raw = printer.print(html)
                cache.put_bytes(key, raw)
            else:
                reused += 1
            printed[pdf_path] = fix_pdf_dates(raw, moment)
    return printed, f"PDFs: {names} ({len(documents) - reused} printed, {reused} reused from cache)"
