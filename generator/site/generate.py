"""From project files to a rendered edition (everything before MkDocs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.changes.history import compare, history
from generator.changes.previous_build import PreviousBuild
from generator.changes.snapshot import snapshot_of_edition
from generator.checks.pipeline import check_edition, today
from generator.content.project import Layout
from generator.errors import Diagnostic, errors_in
from generator.exports import generated_at, inputs_hash
from generator.render.card import CARD_FILE, CARD_PDF, card_html
from generator.render.external_links import with_safe_external_links
from generator.render.facilitator_pack import (
    FACILITATOR_PACK_HTML,
    FACILITATOR_PACK_PDF,
    facilitator_pack_files,
)
from generator.render.flowcharts import ChartRenderer
from generator.render.handouts import ALL_HANDOUTS_HTML, ALL_HANDOUTS_PDF, handout_files
from generator.render.pages import section_pages
from generator.render.print_edition import PRINT_HTML, PRINT_PDF, whole_edition_html
from generator.render.site import RenderedSite, render_site
from generator.render.template_cache import TEMPLATE_BYTECODE
from generator.render.tree_order import tree_order
from generator.site.printed_pdfs import print_pdfs
from generator.text_cache import TextCache, default_cache_dir


@dataclass(frozen=True)
class ChartStats:
    """How many flowcharts Graphviz rendered and how many came from the cache."""

    rendered: int
    reused: int

    def summary(self) -> str:
        return f"flowcharts: {self.rendered} rendered, {self.reused} reused from cache"


@dataclass(frozen=True)
class Generated:
    """A rendered edition, or None when content has errors; with every diagnostic."""

    site: RenderedSite | None
    diagnostics: list[Diagnostic]
    charts: ChartStats = ChartStats(0, 0)
    card: str = ""
    """What the build did with the who-to-call card (set by build_edition)."""
    pages: str = ""
    """How many pages MkDocs converted and how many came from the cache (set by
    build_edition)."""


def generate(
    layout: Layout,
    edition_id: str,
    *,
    use_cache: bool = True,
    draft: bool = False,
    previous: PreviousBuild | None = None,
    pdfs: bool = True,
) -> Generated:
    """Check and render one edition; flowcharts go through Graphviz (cached).

    A ``draft`` renders unbound roles as "to be completed" instead of failing.
    ``previous`` is the build this one replaces: what changed since is added to the
    edition's history (What's new, the Atom feed and the flags on changed pages).
    Without ``pdfs`` nothing is printed (the live preview: Chromium takes about a second
    a document, and every edit changes the version line each printout carries).
    """
    checked = check_edition(layout, edition_id, draft=draft)
    if checked.edition is None or errors_in(checked.diagnostics):
        return Generated(None, checked.diagnostics)
    edition = checked.edition
    cache_dir = default_cache_dir(layout.root) if use_cache else None
    if cache_dir is not None:
        TEMPLATE_BYTECODE.keep_in(cache_dir / "templates")
    renderer = ChartRenderer(cache_dir)
    trees = sorted(edition.content.trees.values(), key=lambda t: t.item.id)
    charts = renderer.charts(edition, [(t.item, tree_order(t.item)) for t in trees])
    inputs = [*layout.input_files()]
    for layer_id in reversed(edition.chain):
        inputs += layout.edition_files(layer_id)
    logo = edition.edition.item.branding.logo
    assets = {}
    if logo is not None:
        assets[f"assets/edition/{Path(logo).name}"] = (
            layout.editions_dir / edition_id / logo
        ).read_bytes()
    previous = previous or PreviousBuild()
    now = generated_at()
    changes = compare(previous.snapshot, snapshot_of_edition(edition)) if previous.snapshot else []
    entries = history(previous.entries, changes, now)
    input_paths = [p for p in inputs if p.exists()]
    version = inputs_hash(layout.root, input_paths)
    # The standalone documents, rendered once: published as HTML and printed to PDF.
    blocks = TextCache(cache_dir / "markdown-html", ".html") if cache_dir else None
    guidance = section_pages(edition, today=today(), cache=blocks)
    standalone = {
        CARD_FILE: card_html(edition, now, version),
        PRINT_HTML: whole_edition_html(
            edition,
            guidance,
            version,
            now,
            TextCache(cache_dir / "print-html", ".html") if cache_dir else None,
        ),
        **handout_files(edition, now, version),
        **facilitator_pack_files(edition, now, version),
    }
    to_print = {
        CARD_PDF: CARD_FILE,
        PRINT_PDF: PRINT_HTML,
        ALL_HANDOUTS_PDF: ALL_HANDOUTS_HTML,
        FACILITATOR_PACK_PDF: FACILITATOR_PACK_HTML,
    }
    printed, card_note = (
        print_pdfs(
            {pdf: standalone[html] for pdf, html in to_print.items() if html in standalone},
            now,
            cache_dir / "pdf" if cache_dir else None,
        )
        if pdfs
        else ({}, "PDFs skipped (live preview)")
    )
    assets.update(
        {path: with_safe_external_links(html).encode("utf-8") for path, html in standalone.items()}
    )
    assets.update(printed)
    site = render_site(edition, version, charts, assets, entries, now, guidance, blocks)
    stats = ChartStats(renderer.rendered, renderer.reused)
    return Generated(site, checked.diagnostics, stats, card_note)
