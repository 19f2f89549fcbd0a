"""`safeguide serve`: the real development server serves the edition, rebuilds it when
content changes, and leaves room for its live-reload script."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from generator.content.project import Layout

PAGE = "guidance/responding.html"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, wanted: str, seconds: float = 60) -> str:
    """The page at ``url`` once it contains ``wanted`` (the server builds, then rebuilds)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and wanted in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {wanted!r}")


@pytest.fixture(params=["properdocs", "mkdocs"])
def served(minimal_project: Layout, request: pytest.FixtureRequest) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--project",
            str(minimal_project.root),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--engine",
            request.param,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "SAFEGUIDE_CARD_PDF": "on"},
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_serve_rebuilds_when_a_section_changes(served: str, minimal_project: Layout) -> None:
    page = wait_for(served + PAGE, "Responding to a disclosure")
    assert "livereload(" in page  # the development server's script is in the page
    # ... and no Content-Security-Policy would block it (built sites always carry one)
    assert "Content-Security-Policy" not in page
    assert 'rel="noopener noreferrer"' in page  # the rest of the page is as built
    # the preview prints no PDF (a second each, and every edit would print them again)
    assert fetch(served + "who-to-call.html") is not None
    assert fetch(served + "who-to-call.pdf") is None

    section = minimal_project.content / "sections" / "responding.yaml"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("summary: ", "summary: Edited while serving. ", 1), "utf-8")
    wait_for(served + PAGE, "Edited while serving.")
