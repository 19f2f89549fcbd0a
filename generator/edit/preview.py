"""The live preview: a draft build of the edition into a temporary folder, rebuilt after
each successful save, in a background thread (one build at a time; a save during a build
asks for one more)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CARD_PDF_VARIABLE = "SAFEGUIDE_CARD_PDF"
"""Set to ``off`` to skip printing PDFs (generator.site.printed_pdfs reads it)."""


@dataclass(frozen=True)
class PreviewState:
    """What the page shows above the preview: building, built (when) or the error line."""

    status: str
    """``idle``, ``building``, ``built`` or ``failed``."""
    message: str
    builds: int
    """How many builds finished; the page reloads the preview when it grows."""


class Preview:
    """Draft builds of one edition at a time into ``folder/<edition>``."""

    def __init__(self, root: Path, folder: Path) -> None:
        self.root = root
        self.folder = folder
        self._lock = threading.Lock()
        self._edition: str | None = None
        self._pending = False
        self._running = False
        self._state = PreviewState("idle", "No preview built yet.", 0)

    def site(self, edition_id: str) -> Path:
        """Where the preview of ``edition_id`` is built."""
        return self.folder / edition_id

    def state(self, edition_id: str) -> PreviewState:
        """The state of the preview of ``edition_id``."""
        with self._lock:
            if self._edition != edition_id:
                built = (self.site(edition_id) / "index.html").is_file()
                return PreviewState("built" if built else "idle", "", 0)
            return self._state

    def request(self, edition_id: str) -> None:
        """Ask for a fresh build of ``edition_id`` (returns at once)."""
        with self._lock:
            if self._edition != edition_id:
                self._state = PreviewState("idle", "", 0)
            self._edition = edition_id
            self._pending = True
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._pending or self._edition is None:
                    self._running = False
                    return
                self._pending = False
                edition_id = self._edition
                builds = self._state.builds
                self._state = PreviewState("building", "Building the preview...", builds)
            status, message = self._build(edition_id)
            with self._lock:
                if self._edition == edition_id and self._pending:  # more changes came in
                    again = "Building the preview again, with your latest changes..."
                    self._state = PreviewState("building", again, builds + 1)
                elif self._edition == edition_id:
                    self._state = PreviewState(status, message, builds + 1)

    def _build(self, edition_id: str) -> tuple[str, str]:
        started = time.monotonic()
        command = [
            sys.executable,
            "-m",
            "generator",
            "--project",
            str(self.root),
            "build",
            "--edition",
            edition_id,
            "--draft",
            "--out",
            str(self.site(edition_id)),
        ]
        # The printed PDFs are left out of a preview: printing them is most of a build's time.
        environment = {**os.environ, CARD_PDF_VARIABLE: "off"}
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
        took = time.monotonic() - started
        if done.returncode == 0:
            return "built", f"Preview built in {took:.0f} s."
        lines = [line for line in done.stderr.splitlines() if ": error: " in line]
        return "failed", (lines[0] if lines else (done.stderr.strip().splitlines() or ["?"])[-1])
