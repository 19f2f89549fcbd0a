"""SVG post-processing on real Graphviz output: accessible name, links, prefixed ids."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.flowcharts import ChartRenderer
from generator.render.svg_post import SVG_NS, XLINK_NS, postprocess_svg, route_chart, title_id
from generator.render.tree_order import tree_order

HREF = f"{{{XLINK_NS}}}href"


@pytest.fixture
def chart(minimal_project: Layout) -> ET.Element:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    tree = checked.edition.content.trees["police"].item
    svg = ChartRenderer(cache_dir=None).chart(checked.edition, tree, tree_order(tree))
    return ET.fromstring(svg)


def test_graphviz_titles_and_link_tooltips_are_gone(chart: ET.Element) -> None:
    assert list(chart.iter(f"{{{SVG_NS}}}title")) == []
    links = list(chart.iter(f"{{{SVG_NS}}}a"))
    assert links
    assert all(f"{{{XLINK_NS}}}title" not in link.attrib for link in links)


def test_root_is_a_named_group_labelled_by_its_visible_title(chart: ET.Element) -> None:
    assert chart.get("role") == "group"
    assert chart.get("data-tree") == "police"
    assert chart.get("class") == "sg-chart"
    assert chart.get("aria-labelledby") == title_id("police")
    heading = next(e for e in chart.iter() if e.get("id") == title_id("police"))
    assert "".join(heading.itertext()) == "Do we need to call the police?"


def test_every_element_id_is_prefixed_and_unique(chart: ET.Element) -> None:
    ids = [e.get("id") for e in chart.iter() if e.get("id")]
    assert ids
    assert all(i is not None and i.startswith("police-") for i in ids)
    assert len(ids) == len(set(ids))


def test_every_node_links_to_its_step_in_the_text_version(chart: ET.Element) -> None:
    hrefs = {link.get(HREF) for link in chart.iter(f"{{{SVG_NS}}}a")}
    for node_id in ("danger", "record", "crime", "call-999", "refer-police", "internal"):
        assert f"police.html#police-{node_id}" in hrefs
        node = next(e for e in chart.iter() if e.get("id") == f"police-node-{node_id}")
        assert "sg-node" in (node.get("class") or "")
    assert "../contacts.html#contact-police-999" in hrefs
    assert "../guidance/responding.html" in hrefs


def test_background_gets_a_class_for_dark_mode(chart: ET.Element) -> None:
    assert any(e.get("class") == "sg-background" for e in chart.iter(f"{{{SVG_NS}}}polygon"))


def test_postprocess_rejects_svg_without_a_graph_group() -> None:
    with pytest.raises(ValueError, match="graph group"):
        postprocess_svg(f'<svg xmlns="{SVG_NS}"><text>x</text></svg>', "t")


def test_route_chart_marks_the_route_and_points_links_at_the_tree_page() -> None:
    svg = (
        '<svg><g id="t-node-a" class="node sg-node sg-question"><a href="#t-a">A</a></g>'
        '<g id="t-node-b" class="node sg-node sg-outcome"><a href="#t-b">B</a></g>'
        '<g id="t-node-c" class="node sg-node sg-outcome"></g></svg>'
    )
    marked = route_chart(svg, "t", ["a", "b"], "../flowcharts/t.html")
    assert 'id="t-node-a" class="node sg-node sg-on-route sg-question"' in marked
    assert 'id="t-node-b" class="node sg-node sg-on-route sg-outcome"' in marked
    assert 'id="t-node-c" class="node sg-node sg-outcome"' in marked
    assert 'href="../flowcharts/t.html#t-a"' in marked
