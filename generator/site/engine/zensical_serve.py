"""``safeguide serve --engine zensical``: Zensical's development server on an export that
safeguide writes again on every change.

The edition is exported into a temporary working folder and ``zensical serve`` runs there
(started and stopped through the one wrapper, ``zensical.py``); a watcher on the project
generates the edition again on every change and brings the export up to date, rewriting
only the files whose bytes changed, so Zensical's own watcher rebuilds what changed. A
content error is reported, positioned, and the last good pages stay served.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from generator.content.project import CONFIG_FILE, Layout
from generator.errors import START, ContentError, Diagnostic
from generator.render.site import RenderedSite
from generator.site.engine.zensical import (
    CODE,
    STOP_SECONDS,
    export_into,
    find_zensical,
    start_zensical,
    stop_zensical,
)

SETTLE_SECONDS = 0.3
"""After a change in the project, how long to wait for more (an editor's save is several
events) before the edition is generated again."""
ZENSICAL_OWN = frozenset({"site", ".cache"})
"""What ``zensical serve`` writes in the working folder: never touched by a refresh."""
WATCHED_EVENTS = frozenset({"created", "modified", "deleted", "moved"})
"""File events that start a refresh (reads open and close files: those do not)."""

Report = Callable[[list[Diagnostic]], object]
"""Prints diagnostics for the person serving (the command line's reporter)."""


@dataclass(frozen=True)
class Synced:
    """What one refresh of the working folder changed."""

    rewritten: int
    removed: int


def _files(folder: Path, keep: frozenset[str]) -> set[Path]:
    """Every file under ``folder`` (relative), skipping the top-level names in ``keep``."""
    found: set[Path] = set()
    for directory, subdirectories, names in os.walk(folder):
        here = Path(directory).relative_to(folder)
        if here == Path("."):
            subdirectories[:] = [d for d in subdirectories if d not in keep]
            names = [n for n in names if n not in keep]
        found.update(here / name for name in names)
    return found


def sync_folder(source: Path, target: Path, *, keep: frozenset[str] = ZENSICAL_OWN) -> Synced:
    """Make the files of ``target`` those of ``source``: remove the files ``source`` lacks
    (and folders left empty), then write only the files whose bytes differ, so a watcher on
    ``target`` sees just what changed. Top-level names in ``keep`` are left alone."""
    wanted = _files(source, keep)
    present = _files(target, keep)
    for relative in sorted(present - wanted):
        (target / relative).unlink()
    for directory, _, _ in sorted(os.walk(target), reverse=True):
        path = Path(directory)
        top = path.relative_to(target).parts[:1]
        if path != target and not (top and top[0] in keep) and not any(path.iterdir()):
            path.rmdir()
    rewritten = 0
    for relative in sorted(wanted):
        data = (source / relative).read_bytes()
        destination = target / relative
        if destination.is_file() and destination.read_bytes() == data:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        rewritten += 1
    return Synced(rewritten, len(present - wanted))


def _watched(layout: Layout) -> list[tuple[Path, bool]]:
    """The project's inputs to watch, each with whether to watch it recursively: content,
    flowcharts, site_config (editions, pages, theme), and the root for mkdocs.yml."""
    folders = [layout.content, layout.flowcharts_dir, layout.root / "site_config"]
    return [(folder, True) for folder in folders if folder.is_dir()] + [(layout.root, False)]


@contextlib.contextmanager
def _watching(layout: Layout) -> Iterator[threading.Event]:
    """An event set whenever a watched input of the project changes (watchdog)."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    changed = threading.Event()
    recursive_roots = [folder for folder, recursive in _watched(layout) if recursive]

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in WATCHED_EVENTS or event.is_directory:
                return
            paths = [Path(os.fsdecode(p)) for p in (event.src_path, event.dest_path) if p]
            if any(_is_input(path, layout, recursive_roots) for path in paths):
                changed.set()

    observer = Observer()
    for folder, recursive in _watched(layout):
        observer.schedule(Handler(), str(folder), recursive=recursive)
    observer.start()
    try:
        yield changed
    finally:
        observer.stop()
        observer.join(timeout=STOP_SECONDS)


def _is_input(path: Path, layout: Layout, recursive_roots: list[Path]) -> bool:
    return path == layout.mkdocs_config or any(path.is_relative_to(r) for r in recursive_roots)


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM stops serving as Ctrl-C does (so the working folder is removed)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class _Edition:
    """Generates one edition for serving: no PDFs (as ProperDocs' serve), What's new
    against the edition's built site."""

    def __init__(self, layout: Layout, edition_id: str) -> None:
        from generator.changes.previous_build import read_previous_build

        self.layout = layout
        self.edition_id = edition_id
        self.previous = read_previous_build(layout.site_dir(edition_id))

    def generate(self) -> tuple[RenderedSite, list[Diagnostic]]:
        """The rendered edition and its warnings; :class:`ContentError` on errors."""
        from generator.site.generate import generate

        generated = generate(self.layout, self.edition_id, previous=self.previous, pdfs=False)
        if generated.site is None:
            raise ContentError(generated.diagnostics)
        return generated.site, generated.diagnostics


def _refresh(work: Path, edition: _Edition, report: Report) -> Synced | None:
    """Generate the edition again and bring the export in ``work`` up to date; on a
    content error, report it and leave ``work`` as it was (None)."""
    staging = Path(tempfile.mkdtemp(prefix="next-", dir=work.parent))
    try:
        site, warnings = edition.generate()
        export_into(staging, edition.layout, site)
        synced = sync_folder(staging, work)
    except ContentError as exc:
        report(exc.diagnostics)
        return None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if warnings:
        report(warnings)
    return synced


def _serve_until_stopped(
    child: subprocess.Popen[bytes],
    changed: threading.Event,
    work: Path,
    edition: _Edition,
    report: Report,
) -> None:
    """Refresh the export on every change until Ctrl-C; :class:`ContentError` if Zensical
    stops by itself (a port in use, a broken configuration)."""
    name = edition.edition_id
    while child.poll() is None:
        if not changed.wait(timeout=0.5):
            continue
        time.sleep(SETTLE_SECONDS)
        changed.clear()
        synced = _refresh(work, edition, report)
        if synced is None:
            _say(f"{name}: not regenerated; zensical keeps serving the last good pages")
        else:
            _say(
                f"{name}: regenerated ({synced.rewritten} file(s) rewritten, "
                f"{synced.removed} removed)"
            )
    message = f"zensical serve stopped with exit code {child.returncode}"
    raise ContentError([Diagnostic(edition.layout.mkdocs_config, START, "-", message, CODE)])


def serve_with_zensical(layout: Layout, edition_id: str, dev_addr: str, report: Report) -> None:
    """Serve ``edition_id`` at ``dev_addr`` with ``zensical serve`` until Ctrl-C (or
    SIGTERM): the edition exported into a temporary working folder, exported again on
    every change to the project (content errors reported through ``report``, the last
    good export kept), the working folder removed at the end.

    Raises :class:`ZensicalMissing` without the executable and :class:`ContentError` when
    the edition has errors at the start or Zensical stops by itself.
    """
    find_zensical()  # fail before generating anything
    edition = _Edition(layout, edition_id)
    site, warnings = edition.generate()
    if warnings:
        report(warnings)
    root = Path(tempfile.mkdtemp(prefix="safeguide-zensical-serve-"))
    work = root / "export"
    try:
        work.mkdir()
        export_into(work, layout, site)
        _say(f"{edition_id}: exported to {work}, served by zensical at http://{dev_addr}/")
        with _sigterm_stops(), _watching(layout) as changed:
            child = start_zensical(["serve", "-f", CONFIG_FILE, "-a", dev_addr], work)
            try:
                _serve_until_stopped(child, changed, work, edition, report)
            finally:
                stop_zensical(child)
    except KeyboardInterrupt:
        _say(f"{edition_id}: stopped serving")
    finally:
        shutil.rmtree(root, ignore_errors=True)
