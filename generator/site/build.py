"""Build an edition into a folder atomically: temporary folder beside it, then a swap.

Builds of one output folder take turns (a lock file beside it), so two at once never
delete each other's temporary folder or swap half a site in; a killed build releases the
lock with its process and leaves the previous site in place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.changes.previous_build import read_previous_build
from generator.content.project import Layout
from generator.errors import ContentError
from generator.site.completeness import incomplete_build, missing_pages
from generator.site.engine.choice import chosen_engine
from generator.site.engine.run import build_with_engine
from generator.site.generate import Generated, generate
from generator.site.postprocess import postprocess_site
from generator.text_cache import default_cache_dir, prune


def temporary_prefix(out: Path) -> str:
    """Name prefix of the temporary folder beside ``out`` that a build fills."""
    return f".{out.name}.tmp-"


def _old_prefix(out: Path) -> str:
    return f".{out.name}.old-"


def clear_stale(out: Path) -> list[Path]:
    """Remove temporary folders that an earlier failed or killed build left beside ``out``."""
    removed: list[Path] = []
    if not out.parent.is_dir():
        return removed
    for candidate in out.parent.iterdir():
        if candidate.is_dir() and candidate.name.startswith(
            (temporary_prefix(out), _old_prefix(out))
        ):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def readable_by_web_server(folder: Path) -> None:
    """Give a folder from mkdtemp (private, 0700) the usual mode a published site needs."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def swap_in(new: Path, out: Path) -> None:
    """Replace ``out`` with ``new``: rename the old aside, rename the new in, delete the old."""
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=_old_prefix(out), dir=out.parent))
        old.rmdir()
        os.rename(out, old)
        os.rename(new, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(new, out)


@contextlib.contextmanager
def one_build_at_a_time(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``.<out>.lock`` beside ``out`` (waiting for any other build
    of the same folder to finish); the kernel releases it if the process dies."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f".{out.name}.lock", "a", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_edition(
    layout: Layout,
    edition_id: str,
    out: Path,
    *,
    strict: bool = False,
    draft: bool = False,
    engine: str | None = None,
) -> Generated:
    """Check, render and build ``edition_id`` into ``out`` with ``engine`` (default: the
    project's setting); return the warnings and chart counts.

    Raises :class:`ContentError` on content errors (or on warnings with ``strict``),
    leaving any earlier site in ``out`` untouched.
    """
    out = out.resolve()
    engine = chosen_engine(layout.mkdocs_config, engine)
    with one_build_at_a_time(out):
        return _build_locked(layout, edition_id, out, strict=strict, draft=draft, engine=engine)


def _build_locked(
    layout: Layout, edition_id: str, out: Path, *, strict: bool, draft: bool, engine: str
) -> Generated:
    generated = generate(layout, edition_id, draft=draft, previous=read_previous_build(out))
    if generated.site is None or (strict and generated.diagnostics):
        raise ContentError(generated.diagnostics)
    clear_stale(out)
    temporary = Path(tempfile.mkdtemp(prefix=temporary_prefix(out), dir=out.parent))
    readable_by_web_server(temporary)
    try:
        pages, engine_warnings = build_with_engine(
            layout, generated.site, temporary, strict=strict, engine=engine
        )
        if strict and engine_warnings:
            raise ContentError(engine_warnings)
        missing = missing_pages(generated.site, temporary)
        if missing:
            config = layout.mkdocs_config
            raise ContentError([incomplete_build(config, engine, generated.site, missing)])
        postprocess_site(temporary)
        swap_in(temporary, out)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    with contextlib.suppress(OSError):  # a cache that cannot be tidied is still a cache
        prune(default_cache_dir(layout.root))
    diagnostics = [*generated.diagnostics, *engine_warnings]
    return dataclasses.replace(generated, pages=pages, diagnostics=diagnostics)
