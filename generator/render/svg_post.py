"""Make Graphviz's SVG fit to inline in a page. Pure: SVG text in, SVG text out.

- drops Graphviz's comments, DOCTYPE and per-element ``<title>`` tooltips
  (screen readers announce them as noise) and the ``xlink:title`` of links;
- names the chart: ``role="group"``, ``aria-labelledby`` pointing at the chart's
  visible title, ``data-tree`` and a class for the site's CSS;
- prefixes every element id with the tree id so two charts can share a page;
- drops blank lines, so the SVG can sit inside a Markdown raw HTML block.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_TITLE = f"{{{SVG_NS}}}title"
_TEXT = f"{{{SVG_NS}}}text"
_GROUP = f"{{{SVG_NS}}}g"
_LINK = f"{{{SVG_NS}}}a"
_POLYGON = f"{{{SVG_NS}}}polygon"
_XLINK_TITLE = f"{{{XLINK_NS}}}title"


def title_id(tree_id: str) -> str:
    """Id of the chart's visible title, which names the SVG."""
    return f"{tree_id}-chart-title"


def _remove_titles(element: ET.Element) -> None:
    for child in list(element):
        if child.tag == _TITLE:
            element.remove(child)
        else:
            _remove_titles(child)


def _graph_group(root: ET.Element) -> ET.Element:
    group = root.find(_GROUP)
    if group is None:
        raise ValueError("expected Graphviz SVG with a graph group, got none")
    return group


def postprocess_svg(svg: str, tree_id: str) -> str:
    """Accessible, id-prefixed SVG of one chart, ready to inline or to save."""
    root = ET.fromstring(svg)
    _remove_titles(root)
    prefix = f"{tree_id}-"
    for element in root.iter():
        element_id = element.get("id")
        if element_id is not None and not element_id.startswith(prefix):
            element.set("id", prefix + element_id)
        if element.tag == _LINK and _XLINK_TITLE in element.attrib:
            del element.attrib[_XLINK_TITLE]
    graph = _graph_group(root)
    background = graph.find(_POLYGON)
    if background is not None:
        background.set("class", "sg-background")
    heading = graph.find(_TEXT)
    if heading is not None:
        heading.set("id", title_id(tree_id))
        heading.set("class", "sg-chart-heading")
    root.set("role", "group")
    root.set("aria-labelledby", title_id(tree_id))
    root.set("data-tree", tree_id)
    root.set("class", "sg-chart")
    text = ET.tostring(root, encoding="unicode")
    # No blank lines: inside a page's raw HTML block a blank line could end the block.
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def route_chart(
    svg: str,
    tree_id: str,
    node_ids: Iterable[str],
    tree_page: str,
    edge_ids: Iterable[str] = (),
) -> str:
    """The chart with the boxes and arrows of one route marked ``sg-on-route``, for a
    scenario page (the site's CSS draws them thicker and in the route's colour).

    ``edge_ids`` are the route's arrows as ``<node id>-<answer index>``, as
    :func:`generator.render.dot_source.tree_to_dot` names them. Links to steps point at
    ``tree_page`` (the chart is no longer on the tree's own page).
    """
    marked = svg
    for node_id in node_ids:
        marked = marked.replace(
            f'id="{tree_id}-node-{node_id}" class="node sg-node',
            f'id="{tree_id}-node-{node_id}" class="node sg-node sg-on-route',
            1,
        )
    for edge_id in edge_ids:
        marked = marked.replace(
            f'id="{tree_id}-edge-{edge_id}" class="edge"',
            f'id="{tree_id}-edge-{edge_id}" class="edge sg-on-route"',
            1,
        )
    return marked.replace(f'href="#{tree_id}-', f'href="{tree_page}#{tree_id}-')
