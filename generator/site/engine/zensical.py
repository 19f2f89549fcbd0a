"""Zensical, run as a command: ``safeguide build|serve --engine zensical``.

Zensical has no plugin API, so the rendered edition is written out as an export (a plain
docs folder and mkdocs.yml, ``site/export.py``) in a working folder beside the output, the
``zensical`` executable builds it, and the site it wrote becomes the build's temporary
folder; ``site/build.py`` then runs the guard and the post-build pass and swaps it in, as
for any engine.

``safeguide serve --engine zensical`` (:func:`serve_with_zensical`) exports the edition
into a temporary working folder and runs ``zensical serve`` there; a watcher on the
project writes the export again on every change, rewriting only the files whose bytes
changed, and Zensical's own watcher rebuilds what changed.

:func:`run_zensical` and :func:`start_zensical` are the one place that starts the
executable (as ``graphviz`` keeps a single wrapper around ``dot``): a missing executable is
:class:`ZensicalMissing`, naming the package to install; a failed build becomes positioned
diagnostics (:func:`zensical_diagnostics`), pointing into the project rather than the
working folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from generator.content.project import CONFIG_FILE, Layout
from generator.errors import START, ContentError, Diagnostic, Position, Severity
from generator.render.site import RenderedSite
from generator.site.engine.runtime import EngineMissing

EXECUTABLE = "zensical"
PACKAGE = "zensical==0.0.73"
"""The release safeguide is tested with (the ``zensical`` extra; requirements.lock)."""
CODE = "engine-failed"
WARNING_CODE = "engine-warning"
THEME_DIR = Path("site_config") / "theme"
"""Where the exported ``overrides/`` folder comes from in the project."""

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_WARNING = re.compile(r"^Warning: (?P<message>.+)$")
_LOCATION = re.compile(r"\[ (?P<file>[^\s\]]+?):(?P<line>\d+):(?P<column>\d+) \]")
_FAILURE = re.compile(r"^(?:[A-Za-z_][\w.]*(?:Error|Exception)|Error): (?P<message>.+)$")
_TEMPLATE = re.compile(r"\(in (?P<file>[^\s():]+):(?P<line>\d+)\)$")
_FINISHED = re.compile(r"^Build finished in (?P<time>\S+)$", re.MULTILINE)
STRICT_ABORT = "Aborted because --strict flag is set"
STOP_SECONDS = 10
"""How long a stopped ``zensical serve`` may take to exit before it is killed."""
SETTLE_SECONDS = 0.3
"""After a change in the project, how long to wait for more (an editor's save is several
events) before the edition is generated again."""
ZENSICAL_OWN = frozenset({"site", ".cache"})
"""What ``zensical serve`` writes in the working folder: never touched by a refresh."""
WATCHED_EVENTS = frozenset({"created", "modified", "deleted", "moved"})
"""File events that start a refresh (reads open and close files: those do not)."""

Report = Callable[[list[Diagnostic]], object]
"""Prints diagnostics for the person serving (the command line's reporter)."""


class ZensicalMissing(EngineMissing):
    """No ``zensical`` executable to run."""


@dataclass(frozen=True)
class Ran:
    """What one run of the executable did: its exit code and its output, without colour."""

    returncode: int
    output: str


def find_zensical() -> str:
    """The ``zensical`` executable: beside this Python (its virtual environment), else on
    PATH; :class:`ZensicalMissing` when there is none."""
    beside = Path(sys.executable).parent / EXECUTABLE
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which(EXECUTABLE)
    if found is None:
        raise ZensicalMissing(_missing_message())
    return found


def _missing_message() -> str:
    return (
        f"the zensical engine is not installed: no `{EXECUTABLE}` executable beside "
        f"{sys.executable} or on PATH; install the `zensical` package "
        f"(pip install '{PACKAGE}', the project's `zensical` extra; make deps installs it), "
        "or build with another engine (--engine properdocs)"
    )


def run_zensical(arguments: Sequence[str], cwd: Path) -> Ran:
    """Run ``zensical ARGUMENTS`` in ``cwd`` to the end and capture its output."""
    command = [find_zensical(), *arguments]
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, env=_environment(), check=False
        )
    except OSError as exc:  # removed or not executable between the look-up and the run
        raise ZensicalMissing(f"{_missing_message()} ({exc.strerror})") from None
    return Ran(done.returncode, _ANSI.sub("", done.stdout + done.stderr))


def start_zensical(arguments: Sequence[str], cwd: Path) -> subprocess.Popen[bytes]:
    """Start ``zensical ARGUMENTS`` in ``cwd`` as a child process that writes to this
    process's own output (``zensical serve``); the caller stops it (:func:`stop_zensical`)."""
    command = [find_zensical(), *arguments]
    try:
        return subprocess.Popen(command, cwd=cwd, env=_environment())
    except OSError as exc:
        raise ZensicalMissing(f"{_missing_message()} ({exc.strerror})") from None


def stop_zensical(child: subprocess.Popen[bytes]) -> None:
    """Stop a child started by :func:`start_zensical` and wait for it (killed if it takes
    longer than :data:`STOP_SECONDS`)."""
    if child.poll() is None:
        child.terminate()
    try:
        child.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def _environment() -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1"}


def _page_path(layout: Layout, page: str) -> tuple[Path, str]:
    """Where a page Zensical names (relative to the exported docs/) lives in the project:
    a hand-written page's file, or the configuration for a page safeguide generated."""
    written = layout.pages_dir / page
    if written.is_file():
        return written, "-"
    return layout.mkdocs_config, f"generated page {page}"


def zensical_diagnostics(layout: Layout, ran: Ran) -> list[Diagnostic]:
    """Positioned diagnostics from Zensical's output: its warnings (errors when the build
    failed, as ``--strict`` fails on them) and the error that stopped it."""
    failed = ran.returncode != 0
    severity = Severity.ERROR if failed else Severity.WARNING
    found: list[Diagnostic] = []
    lines = ran.output.splitlines()
    for number, line in enumerate(lines):
        warning = _WARNING.match(line.strip())
        if warning is None:
            continue
        message = f"zensical: {warning['message']}"
        path, key_path, position = layout.mkdocs_config, "-", START
        for following in lines[number + 1 : number + 4]:
            located = _LOCATION.search(following)
            if located is not None:
                path, key_path = _page_path(layout, located["file"])
                position = Position(int(located["line"]), int(located["column"]))
                break
        code = CODE if failed else WARNING_CODE
        found.append(Diagnostic(path, position, key_path, message, code, severity))
    if not failed:
        return found
    failures = [m for line in lines if (m := _FAILURE.match(line.strip()))]
    last = failures[-1]["message"] if failures else ""
    if last == STRICT_ABORT and found:
        return found
    if not last:
        shown = [line.strip() for line in lines if line.strip()]
        last = shown[-1] if shown else f"exited with code {ran.returncode} and no output"
    path, position = layout.mkdocs_config, START
    template = _TEMPLATE.search(last)
    if template is not None and (layout.root / THEME_DIR / template["file"]).is_file():
        path = layout.root / THEME_DIR / template["file"]
        position = Position(int(template["line"]), 1)
    found.append(Diagnostic(path, position, "-", f"zensical build failed: {last}", CODE))
    return found


def export_into(folder: Path, layout: Layout, site: RenderedSite) -> None:
    """Write ``site`` into the empty ``folder`` as an export; :class:`ContentError` on
    ``mkdocs.yml`` when the project's configuration cannot be written out plainly."""
    from generator.site.export import ExportRefused, write_plain_folder

    try:
        write_plain_folder(folder, layout, site)
    except ExportRefused as exc:
        raise ContentError([Diagnostic(layout.mkdocs_config, START, "-", str(exc), CODE)]) from None


def build_with_zensical(
    layout: Layout, site: RenderedSite, site_dir: Path, *, strict: bool
) -> tuple[str, list[Diagnostic]]:
    """Export ``site`` into a working folder beside ``site_dir``, build it with Zensical
    and put the site it wrote in place of the (empty) ``site_dir``; return a summary line
    and Zensical's warnings.

    Raises :class:`ZensicalMissing` without the executable and :class:`ContentError` when
    the build fails; the working folder is removed either way.
    """
    from generator.site.export import SITE

    find_zensical()  # fail before writing anything
    work = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.zensical-", dir=site_dir.parent))
    try:
        export_into(work, layout, site)
        ran = run_zensical(["build", "-f", CONFIG_FILE, *(["--strict"] if strict else [])], work)
        diagnostics = zensical_diagnostics(layout, ran)
        if ran.returncode != 0:
            raise ContentError(diagnostics)
        mode = site_dir.stat().st_mode
        site_dir.rmdir()
        os.rename(work / SITE, site_dir)
        site_dir.chmod(mode)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finished = _FINISHED.search(ran.output)
    took = f" in {finished['time']}" if finished else ""
    return f"{len(site.pages)} pages built by zensical{took}", diagnostics


# --- safeguide serve --engine zensical ------------------------------------------------


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
