"""Print an HTML file to PDF with headless Chromium: the only place that runs Chromium."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 60


class ChromiumMissing(Exception):
    """No Chromium to print with; the card's HTML is still published."""


def find_chromium() -> str:
    """Path of Debian's chromium (or another Chromium) on PATH."""
    for candidate in ("/usr/bin/chromium", *CHROMIUM_NAMES):
        found = shutil.which(candidate)
        if found:
            return found
    raise ChromiumMissing(
        "Chromium was not found on PATH: install the 'chromium' package (for example "
        "'apt-get install chromium') to publish the who-to-call card as PDF"
    )


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}\+00'00'\)")


def fix_pdf_dates(data: bytes, moment: datetime.datetime) -> bytes:
    """Set the PDF's creation and modification dates to ``moment`` (UTC).

    The replacement has the same length, so the cross-reference offsets stay valid and
    the same inputs with ``SOURCE_DATE_EPOCH`` give the same bytes.
    """
    stamp = moment.astimezone(datetime.UTC).strftime("%Y%m%d%H%M%S").encode("ascii")
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp + b"+00'00')", data)


def print_to_pdf(html: Path, pdf: Path, moment: datetime.datetime | None = None) -> None:
    """Write ``pdf`` from the page ``html`` (A4 comes from the page's @page rule).

    With ``moment``, the PDF's dates are set to it, for reproducible output.
    """
    chromium = find_chromium()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
    )
    if done.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"Chromium could not print {html.name}: {done.stderr.strip()[-300:]}")
    if moment is not None:
        pdf.write_bytes(fix_pdf_dates(pdf.read_bytes(), moment))
