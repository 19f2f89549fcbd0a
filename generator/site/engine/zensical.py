"""Zensical, run as a command: ``safeguide build|serve --engine zensical``.

Zensical has no plugin API, so the rendered edition is written out as an export (a plain
docs folder and mkdocs.yml, ``site/export.py``) in a working folder beside the output, the
``zensical`` executable builds it, and the site it wrote becomes the build's temporary
folder; ``site/build.py`` then runs the guard and the post-build pass and swaps it in, as
for any engine.

``safeguide serve --engine zensical`` is in ``zensical_serve.py``; it starts and stops
``zensical serve`` through :func:`start_zensical` and :func:`stop_zensical` here.

:func:`run_zensical` and :func:`start_zensical` are the one place that starts the
executable (as ``graphviz`` keeps a single wrapper around ``dot``): a missing executable is
:class:`ZensicalMissing`, naming the package to install; a failed build becomes positioned
diagnostics (:func:`zensical_diagnostics`), pointing into the project rather than the
working folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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
