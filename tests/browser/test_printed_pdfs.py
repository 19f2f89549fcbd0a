"""A build prints its PDFs with real headless Chromium once; rebuilds take them from the
cache, with the PDF dates of the new build, until the document changes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generator.content.project import Layout
from generator.site.build import build_edition
from generator.site.printed_pdfs import CARD_PDF_VARIABLE
from tests.browser.conftest import chromium_path

PDFS = (
    "who-to-call.pdf",
    "print/whole-edition.pdf",
    "scenarios/handouts/all-handouts.pdf",
    "scenarios/facilitator-pack.pdf",
)
DATES = re.compile(rb"/(?:CreationDate|ModDate) \(D:(\d{14})")


def counts(note: str) -> tuple[int, int]:
    """(printed, reused) from ``PDFs: ... (3 printed, 0 reused from cache)``."""
    found = re.search(r"\((\d+) printed, (\d+) reused from cache\)", note)
    assert found, note
    return int(found.group(1)), int(found.group(2))


def test_rebuilds_take_printed_pdfs_from_the_cache(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    chromium_path()  # fails clearly when Chromium is missing
    monkeypatch.setenv(CARD_PDF_VARIABLE, "on")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")  # 2026-11-26 00:00 UTC
    out = minimal_project.root / "out"

    first = build_edition(minimal_project, "national", out)
    assert counts(first.card) == (len(PDFS), 0)
    printed = {name: (out / name).read_bytes() for name in PDFS}
    assert all(data.startswith(b"%PDF") for data in printed.values())

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795654800")  # an hour later, same day
    second = build_edition(minimal_project, "national", out)
    assert counts(second.card) == (0, len(PDFS))
    for name in PDFS:
        again = (out / name).read_bytes()
        assert set(DATES.findall(printed[name])) == {b"20261126000000"}
        assert set(DATES.findall(again)) == {b"20261126010000"}  # this build's, not the first's
        assert DATES.sub(b"", again) == DATES.sub(b"", printed[name])  # otherwise the same

    # an edit that reaches the card prints the card (and what else shows it) again
    contacts = minimal_project.content / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    third = build_edition(minimal_project, "national", out)
    again, reused = counts(third.card)
    assert again >= 1 and again + reused == len(PDFS)
    card = (out / "who-to-call.pdf").read_bytes()
    assert DATES.sub(b"", card) != DATES.sub(b"", printed["who-to-call.pdf"])


def test_without_a_cache_folder_every_build_prints() -> None:
    from generator.site.printed_pdfs import print_pdfs

    chromium_path()
    html = "<!doctype html><title>t</title><p>Call 999 in an emergency.</p>"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CARD_PDF_VARIABLE, "on")
        for _ in range(2):
            pdfs, note = print_pdfs({"a.pdf": html}, "2026-11-26T00:00:00Z")
            assert pdfs["a.pdf"].startswith(b"%PDF") and counts(note) == (1, 0)


KEPT_BROWSER_SCRIPT = """
from generator.site.printed_pdfs import print_pdfs
from generator.render import pdf
pdf.keep_one_browser_for_this_process()
for text in ("Call 999.", "Call 101."):  # two builds' documents, nothing cached
    pdfs, note = print_pdfs({"a.pdf": f"<!doctype html><p>{text}</p>"}, "2026-11-26T00:00:00Z")
    assert pdfs["a.pdf"].startswith(b"%PDF"), note
print(pdf._KEPT.starts)
"""


def test_a_build_all_worker_prints_every_edition_with_one_browser() -> None:
    """Workers keep their browser between editions and stop it when they end."""
    chromium_path()
    done = subprocess.run(
        [sys.executable, "-c", KEPT_BROWSER_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, CARD_PDF_VARIABLE: "on"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"  # started once for both builds, and the process ended
