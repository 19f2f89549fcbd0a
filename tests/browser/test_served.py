"""The site served over HTTP under a sub-path (an intranet folder) works like from file://,
and the whole edition prints as one tagged PDF with an outline."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.render.pdf import print_to_pdf
from tests.browser.engine import search
from tests.conftest import REPO

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture(scope="module")
def served(national_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("intranet")
    shutil.copytree(national_site, root / "safeguarding" / "guidance")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/safeguarding/guidance/"
    server.shutdown()


def test_served_under_a_sub_path_every_request_stays_inside_and_search_works(
    browser: Browser, served: str
) -> None:
    page = browser.new_page()
    outside: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served) else None)
    # A navigation cancels the previous page's pending favicon load (ERR_ABORTED): not a failure.
    page.on(
        "requestfailed",
        lambda r: (
            failed.append(f"{r.url} {r.failure}") if r.failure != "net::ERR_ABORTED" else None
        ),
    )
    for path in ("index.html", "flowcharts/missing-child.html", "contacts.html", "404.html"):
        page.goto(served + path)
    page.goto(served + "guidance/early-help.html")
    assert search(page, "LADO")
    assert outside == [] and failed == []
    page.close()


def test_the_whole_edition_prints_as_one_tagged_pdf_with_an_outline(
    national_site: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "edition.pdf"
    print_to_pdf(national_site / "print" / "whole-edition.html", pdf)
    data = pdf.read_bytes()
    assert b"/StructTreeRoot" in data  # tagged: headings, lists and links are structure
    assert b"/Outlines" in data  # bookmarks from the headings
    sections = len(list((REPO / "content" / "sections").glob("*.yaml")))
    assert sections == 20
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= sections
    html = (national_site / "print" / "whole-edition.html").read_text()
    assert "Check this is the current version at" in html
    assert html.count('class="section"') == sections
