"""Earlier versions of a file from git: the only place safeguide runs git."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

MAX_VERSIONS = 200


def _git(root: Path, *args: str) -> str | None:
    if shutil.which("git") is None:
        return None
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def file_versions(path: Path) -> Iterator[tuple[str, str]]:
    """(commit, text) of each committed version of ``path``, newest first; nothing outside git."""
    root = path.parent
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return
    top_folder = Path(top.strip()).resolve()
    relative = path.resolve().relative_to(top_folder).as_posix()
    log = _git(top_folder, "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", relative)
    for commit in (log or "").split():
        text = _git(top_folder, "show", f"{commit}:{relative}")
        if text is not None:
            yield commit, text


def export_tree(root: Path, ref: str, destination: Path) -> bool:
    """Write the project's files as they were at git ``ref`` into ``destination``."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
        return False
    top_folder = Path(top.strip()).resolve()
    prefix = root.resolve().relative_to(top_folder).as_posix()
    archive = destination / "previous.tar"
    spec = f"{ref}:{prefix}" if prefix != "." else ref
    if _git(top_folder, "archive", "--format=tar", f"--output={archive}", spec) is None:
        return False
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")
    archive.unlink()
    return True


def show_file(root: Path, ref: str, relative: str) -> str | None:
    """The text of ``relative`` at git ``ref``, or None if git or the file is not there."""
    return _git(root, "show", f"{ref}:{relative}")
