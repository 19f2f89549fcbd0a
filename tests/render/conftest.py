"""The minimal project's rendered pages, shared by the render tests."""

from __future__ import annotations

import pytest

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.flowcharts import ChartRenderer
from generator.render.pages import Page, render_pages
from generator.render.tree_order import tree_order


@pytest.fixture
def pages(minimal_project: Layout) -> dict[str, Page]:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None, checked.diagnostics
    edition = checked.edition
    renderer = ChartRenderer(cache_dir=None)
    charts = {
        tree_id: renderer.chart(edition, tree.item, tree_order(tree.item))
        for tree_id, tree in edition.content.trees.items()
    }
    return {page.src_uri: page for page in render_pages(edition, charts)}
