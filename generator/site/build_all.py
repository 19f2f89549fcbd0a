"""Build several editions in parallel, one process each, with a progress bar and an index."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.project import Layout
from generator.errors import ContentError, Diagnostic
from generator.render.pdf import keep_one_browser_for_this_process
from generator.site.build import build_edition
from generator.text_cache import write_atomically


@dataclass(frozen=True)
class EditionBuild:
    """How one edition's build went: built or not, with its diagnostics and chart counts."""

    edition_id: str
    built: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: str = ""


def build_one(
    root: Path, edition_id: str, out: Path, strict: bool, draft: bool, engine: str | None = None
) -> EditionBuild:
    """Build one edition (in a worker process); never raises for content errors."""
    layout = Layout(root)
    try:
        generated = build_edition(
            layout, edition_id, out, strict=strict, draft=draft, engine=engine
        )
    except ContentError as exc:
        return EditionBuild(edition_id, False, exc.diagnostics)
    summary = generated.charts.summary()
    if generated.pages:
        summary += f"; {generated.pages}"
    if generated.card:
        summary += f"; {generated.card}"
    return EditionBuild(edition_id, True, generated.diagnostics, summary)


def write_site_index(out_root: Path) -> Path:
    """Write ``out_root/index.html`` listing every edition built under ``out_root``."""
    from generator.render.site_index import site_index_html  # not needed to build one edition

    editions = []
    for path in sorted(out_root.glob("*/edition.json")):
        editions.append(json.loads(path.read_text(encoding="utf-8")))
    target = out_root / "index.html"
    write_atomically(target, site_index_html(editions).encode("utf-8"))
    return target


def build_editions(
    layout: Layout,
    edition_ids: list[str],
    out_root: Path,
    *,
    strict: bool = False,
    draft: bool = False,
    jobs: int | None = None,
    on_done: Callable[[EditionBuild], None] | None = None,
    engine: str | None = None,
) -> list[EditionBuild]:
    """Build ``edition_ids`` into ``out_root/<id>/`` in parallel, then write the index page."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    workers = max(1, min(jobs or os.cpu_count() or 1, len(edition_ids)))
    results: list[EditionBuild] = []
    with ProcessPoolExecutor(
        max_workers=workers, initializer=keep_one_browser_for_this_process
    ) as pool:
        futures = [
            pool.submit(
                build_one, layout.root, edition_id, out_root / edition_id, strict, draft, engine
            )
            for edition_id in edition_ids
        ]
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            if on_done is not None:
                on_done(result)
    write_site_index(out_root)
    return sorted(results, key=lambda r: edition_ids.index(r.edition_id))
