"""Rendered text kept on disk between builds, keyed by a hash of everything it depends on.

Used for what is slow to make and never changes for the same inputs: Graphviz's SVG of a
chart, the sanitised HTML of content Markdown and of a printed guidance section, and
(through the loader and Jinja) parsed YAML and compiled theme templates.
Writes go through a temporary file and a rename, so two builds sharing a cache never read
half a file.

The cache lives in the user's cache folder, never in the project: cached HTML, SVG and
compiled templates are used as they are, so a file planted in the content tree (a commit
to the repository) must not be able to pose as one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

CACHE_VARIABLE = "SAFEGUIDE_CACHE_DIR"


def default_cache_dir(root: Path) -> Path:
    """``$SAFEGUIDE_CACHE_DIR`` if set, else a folder for this project (by its absolute path)
    under ``$XDG_CACHE_HOME/safeguide`` or ``~/.cache/safeguide``."""
    configured = os.environ.get(CACHE_VARIABLE)
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    project = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return base / "safeguide" / project


def cache_key(*parts: str) -> str:
    """A hex sha256 over ``parts`` (each one separated, so ("ab", "c") != ("a", "bc"))."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        digest.update(f"{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


@functools.cache
def code_fingerprint(module_file: str) -> str:
    """A hash of a module's source: part of the key of anything that module renders, so
    a change to the code that renders it is never hidden by an old cached result."""
    return hashlib.sha256(Path(module_file).read_bytes()).hexdigest()[:16]


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` through a temporary file beside it and a rename, so no reader (another
    build, a web server) ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


KEEP_UNUSED_DAYS = 30
"""A cached file not used for this long is deleted (see :func:`prune`)."""
PRUNED_MARK = ".pruned"


def mark_used(path: Path) -> None:
    """Note that a cached file was used (its modification time), so pruning keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(cache_dir: Path, now: float | None = None) -> int:
    """Delete files in ``cache_dir`` not used for :data:`KEEP_UNUSED_DAYS` days, at most
    once a day; return how many. Every edit leaves a few new entries behind, so without
    this a cache used for months only grows."""
    now = time.time() if now is None else now
    mark = cache_dir / PRUNED_MARK
    try:
        if now - mark.stat().st_mtime < 24 * 3600:
            return 0
    except OSError:
        pass
    if not cache_dir.is_dir():
        return 0
    mark.touch()
    os.utime(mark, (now, now))
    cutoff = now - KEEP_UNUSED_DAYS * 24 * 3600
    deleted = 0
    for folder in cache_dir.iterdir():
        if not folder.is_dir() or folder.is_symlink():
            continue
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):  # another build may prune at the same time
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    deleted += 1
    return deleted


class TextCache:
    """Files named by key in one folder: text, or bytes (pickles, PDFs); with no folder,
    remembers nothing. Every read marks its file used, so :func:`prune` keeps it."""

    def __init__(self, folder: Path | None, suffix: str) -> None:
        self.folder = folder
        self.suffix = suffix

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}{self.suffix}" if self.folder is not None else None

    def get_bytes(self, key: str) -> bytes | None:
        """The bytes stored under ``key``, or None."""
        path = self._path(key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        mark_used(path)
        return data

    def put_bytes(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` (atomically)."""
        path = self._path(key)
        if path is not None:
            write_atomically(path, data)

    def get(self, key: str) -> str | None:
        """The text stored under ``key``, or None."""
        data = self.get_bytes(key)
        return None if data is None else data.decode("utf-8")

    def put(self, key: str, text: str) -> None:
        """Store ``text`` under ``key`` (atomically)."""
        self.put_bytes(key, text.encode("utf-8"))

    def get_or_make(self, key: str, make: Callable[[], str]) -> str:
        """The text stored under ``key``; else ``make()``'s, stored for next time."""
        text = self.get(key)
        if text is None:
            text = make()
            self.put(key, text)
        return text
