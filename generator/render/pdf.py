"""Print HTML documents to PDF with headless Chromium: the only place that runs Chromium."""

from __future__ import annotations

import atexit
import contextlib
import datetime
import multiprocessing.util
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

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


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


class PdfPrinter:
    """One headless Chromium, driven by Playwright, printing any number of documents.

    Starting Chromium is most of the cost of printing one document (about 0.7 of 1.1 s
    here), so a build prints its card, printed edition and handouts with one browser.
    Chromium starts on the first document; leaving the ``with`` block stops it. Playwright
    runs in a thread of its own, so a caller's asyncio loop (or its own Playwright) in the
    calling thread does not get in the way.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self._playwright: Any = None
        self._browser: Any = None
        self._closed = False
        self.starts = 0
        """How many times this printer started Chromium."""

    def __enter__(self) -> PdfPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._thread.submit(self._stop).result()
        finally:
            self._thread.shutdown()

    def print(self, html: str) -> bytes:
        """PDF bytes of the self-contained document ``html`` (A4 from its @page rule,
        no header or footer, with a document outline from its headings)."""
        return self._thread.submit(self._print, html).result()

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
        self._browser = self._playwright = None

    def _started(self) -> Any:
        if self._browser is None:
            chromium = find_chromium()
            from playwright.sync_api import sync_playwright  # loaded only when printing

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=chromium, args=CHROMIUM_ARGS, timeout=TIMEOUT_SECONDS * 1000
            )
            self.starts += 1
        return self._browser

    def _print(self, html: str) -> bytes:
        page = self._started().new_page()
        try:
            page.set_content(html, wait_until="load", timeout=TIMEOUT_SECONDS * 1000)
            data: bytes = page.pdf(
                prefer_css_page_size=True, print_background=True, outline=True, tagged=True
            )
        except Exception as exc:  # Playwright's errors: a timeout, a crashed browser
            raise RuntimeError(f"Chromium could not print the document: {exc}") from exc
        finally:
            page.close()
        return data


_KEPT: PdfPrinter | None = None


def keep_one_browser_for_this_process() -> None:
    """From now on every build in this process prints with one browser, started on first
    use and stopped when the process ends: a ``build --all`` worker builds many editions,
    and starting Chromium for each would cost about 0.7 s an edition."""
    global _KEPT
    if _KEPT is None:
        _KEPT = PdfPrinter()
        # Pool workers end through multiprocessing, which runs its finalizers, not atexit.
        multiprocessing.util.Finalize(_KEPT, _KEPT.__exit__, exitpriority=10)
        atexit.register(_KEPT.__exit__)


@contextlib.contextmanager
def printer_for_a_build() -> Iterator[PdfPrinter]:
    """The browser kept for this process, if any; else one for this build alone."""
    if _KEPT is not None:
        yield _KEPT
        return
    with PdfPrinter() as printer:
        yield printer


def print_to_pdf(html: Path, pdf: Path, moment: datetime.datetime | None = None) -> None:
    """Write ``pdf`` from the self-contained page ``html`` (one document, one browser).

    With ``moment``, the PDF's dates are set to it, for reproducible output.
    """
    with PdfPrinter() as printer:
        data = printer.print(html.read_text(encoding="utf-8"))
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(fix_pdf_dates(data, moment) if moment is not None else data)
