"""Build several editions in parallel, one process each, with a progress bar and an index."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.project import Layout
from generator.editions.resolve import read_edition
from generator.errors import ContentError, Diagnostic
from generator.exports import generated_at
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


def index_entry(layout: Layout, edition_id: str) -> dict[str, Any] | None:
    """What the site index shows of an edition (the keys of its edition.json that the index
    reads), from edition.yaml and its bases' without building it; None when one of them
    does not load (its build reports why)."""
    chain: list[str] = []
    current: str | None = edition_id
    first: dict[str, Any] | None = None
    while current is not None and current not in chain:
        located, _ = read_edition(layout, current)
        if located is None:
            return None
        settings = located.item
        chain.append(settings.id)
        if first is None:
            first = {
                "id": settings.id,
                "name": settings.name,
                "authority": settings.authority,
                "branding": settings.branding.model_dump(mode="json"),
                "generated": generated_at(),
            }
        current = settings.base
    if first is None or current is not None:
        return None
    return {**first, "base_chain": chain}


def write_site_index(out_root: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    """Write ``out_root/index.html`` listing ``entries`` (edition.json data), or, without
    them, every edition built under ``out_root``."""
    from generator.render.site_index import site_index_html  # not needed to build one edition

    editions = entries
    if editions is None:
        editions = [
            json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(out_root.glob("*/edition.json"))
        ]
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
    index_of: list[str] | None = None,
) -> list[EditionBuild]:
    """Build ``edition_ids`` into ``out_root/<id>/`` in parallel, then write the index page:
    of every edition built under ``out_root``, or, given ``index_of`` (a shard's build),
    of those editions from their settings, built here or not, so that every shard writes
    the same index of the whole set (byte for byte with ``SOURCE_DATE_EPOCH``)."""
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
    if index_of is None:
        write_site_index(out_root)
    else:
        entries = [index_entry(layout, edition_id) for edition_id in index_of]
        write_site_index(out_root, [entry for entry in entries if entry is not None])
    return sorted(results, key=lambda r: edition_ids.index(r.edition_id))
