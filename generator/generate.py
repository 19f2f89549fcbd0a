"""From project files to a rendered edition (everything before MkDocs)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import Diagnostic, errors_in
from generator.pipeline import check_edition
from generator.project import Layout
from generator.render.site import RenderedSite, render_site


@dataclass(frozen=True)
class Generated:
    """A rendered edition, or None when content has errors; with every diagnostic."""

    site: RenderedSite | None
    diagnostics: list[Diagnostic]


def generate(layout: Layout, edition_id: str) -> Generated:
    """Check and render one edition."""
    checked = check_edition(layout, edition_id)
    if checked.edition is None or errors_in(checked.diagnostics):
        return Generated(None, checked.diagnostics)
    inputs = [*layout.input_files(), layout.edition_file(edition_id)]
    site = render_site(checked.edition, layout.root, [p for p in inputs if p.exists()])
    return Generated(site, checked.diagnostics)
