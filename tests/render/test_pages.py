"""Generated Markdown of each page type, from the minimal test project."""

from __future__ import annotations

import json

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.flowcharts import ChartRenderer
from generator.render.pages import Page, long_date, render_pages
from generator.render.tree_order import tree_order
from tests.conftest import tag


def test_page_set_and_order(pages: dict[str, Page]) -> None:
    assert list(pages) == [
        "index.md",
        "guidance/responding.md",
        "flowcharts/police.md",
        "flowcharts/police-routes.md",
        "contacts.md",
        "scenarios/index.md",
        "scenarios/playground.md",
        "whats-new.md",
    ]


def test_front_matter_title_is_escaped_once(pages: dict[str, Page]) -> None:
    section = pages["guidance/responding.md"].markdown
    assert section.startswith(
        "---\ntitle: Responding to a disclosure &amp; what *not* to do (&lt;10s)\n---\n"
    )
    assert "# Responding to a disclosure &amp; what \\*not\\* to do \\(&lt;10s\\)" in section


def test_section_shows_notes_sources_and_review_date(pages: dict[str, Page]) -> None:
    section = pages["guidance/responding.md"].markdown
    assert "!!! note\n\n    **Differences between sources**" in section
    assert "Review by 1 September 2027" in section
    assert "- [Do we need to call the police?](../flowcharts/police.md)" in section


def test_contacts_are_resolved_through_roles_and_gaps(pages: dict[str, Page]) -> None:
    section = pages["guidance/responding.md"].markdown
    assert "**Police emergency**: Phone [999](tel:999)." in section
    assert (
        "**Children's social care front door**: not published in the source: confirm with the "
        "local authority. The local authority publishes this number." in section
    )
    directory = pages["contacts.md"].markdown
    assert "- Phone: [0800 1111](tel:+448001111)" in directory
    assert directory.index("## Emergency") < directory.index("## Support services")
    assert "## Not yet published" in directory


def test_tree_text_version_numbers_steps_and_links_answers(pages: dict[str, Page]) -> None:
    tree = pages["flowcharts/police.md"].markdown
    assert "### 1. Is a child in immediate danger?" in tree
    assert "- Yes: [go to step 2](#police-call-999)" in tree
    assert "- Not sure: [go to step 3](#police-record) (back to an earlier step)" in tree
    assert "**Outcome: act now.** Do all of these:" in tree
    assert "Statutory duty: must</span>" in tree


def test_scenario_hides_route_in_a_reveal(pages: dict[str, Page]) -> None:
    scenario = pages["scenarios/playground.md"].markdown
    assert '??? success "Expected route (reveal after discussion)"' in scenario
    assert "1. Is a child in immediate danger? **No**" in scenario
    assert "Outcome: **Refer to the police and children's social care.**" in scenario
    # Facilitator notes only in the facilitator view: hidden unless opened with ?facilitator.
    notes = scenario.index("Point out the parallel referral")
    assert scenario.rfind('<div class="sg-facilitator" hidden markdown>', 0, notes) != -1


def test_tree_order_is_breadth_first_from_start(minimal_project: Layout) -> None:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    tree = checked.edition.content.trees["police"].item
    assert tree_order(tree) == ["danger", "call-999", "record", "crime", "refer-police", "internal"]


def test_long_date() -> None:
    import datetime

    assert long_date(datetime.date(2027, 3, 1)) == "1 March 2027"


def test_tree_page_inlines_the_chart_and_mounts_the_step_through(
    pages: dict[str, Page],
) -> None:
    import json
    import re

    tree = pages["flowcharts/police.md"].markdown
    assert '<div class="sg-chart-frame">\n<svg ' in tree
    assert 'data-tree="police"' in tree
    assert '<div class="sg-walker" data-tree="police" hidden></div>' in tree
    assert "[Every route through this flowchart](police-routes.md)" in tree
    data = re.search(r'<script type="application/json" id="police-walker-data">(.*)</script>', tree)
    assert data is not None
    payload = json.loads(data.group(1))
    assert payload["tree"]["schema"] == "safeguide.tree/1"
    assert payload["steps"] == {
        "danger": 1,
        "call-999": 2,
        "record": 3,
        "crime": 4,
        "refer-police": 5,
        "internal": 6,
    }
    # Between the chart's opening and closing tags there is no blank line, or
    # Markdown would end the raw HTML block early.
    chart = tree[tree.index("<svg ") : tree.index("</svg>")]
    assert "\n\n" not in chart


def test_walker_data_cannot_close_its_script_element(minimal_project: Layout) -> None:
    from generator.render.pages import walker_json

    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    tree = checked.edition.content.trees["police"].item
    hostile = tree.model_copy(update={"title": "Ends </script><script>alert(1)"})
    data = walker_json(checked.edition, hostile, {})
    assert "<" not in data  # no "</script" and no "<!--" can end or confuse the element
    assert json.loads(data)["tree"]["title"] == "Ends </script><script>alert(1)"


def test_text_version_of_every_shipped_tree_covers_every_node_and_answer() -> None:
    from generator.render.flowcharts import ChartRenderer
    from generator.render.markdown_text import inline
    from tests.conftest import REPO

    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    edition = checked.edition
    renderer = ChartRenderer(cache_dir=None)
    charts = {
        tree_id: renderer.chart(edition, tree.item, tree_order(tree.item))
        for tree_id, tree in edition.content.trees.items()
    }
    rendered = {page.src_uri: page.markdown for page in render_pages(edition, charts)}
    for tree_id, located in edition.content.trees.items():
        text = rendered[f"flowcharts/{tree_id}.md"]
        numbers = {node_id: i + 1 for i, node_id in enumerate(tree_order(located.item))}
        for node in located.item.nodes:
            heading = f"### {numbers[node.id]}. {inline(node.text)} {{: #{tree_id}-{node.id} }}"
            assert heading in text, heading
            for answer in getattr(node, "answers", []):
                link = f"- {inline(answer.label)}: [go to step {numbers[answer.next]}]"
                assert f"{link}(#{tree_id}-{answer.next})" in text, link


def test_scenario_index_lists_by_tree_and_by_topic(pages: dict[str, Page]) -> None:
    index = pages["scenarios/index.md"].markdown
    assert "## Do we need to call the police?" in index
    assert "## By topic" in index
    assert "handouts/police-cards.html" in index
    assert "index.md?facilitator" in index


def test_routes_page_says_no_rule_applies_without_rules(pages: dict[str, Page]) -> None:
    routes = pages["flowcharts/police-routes.md"].markdown
    assert "## What every route guarantees" in routes
    assert "No safety rule applies to the routes of this flowchart." in routes


def test_routes_page_lists_what_every_route_guarantees(ruled: Layout) -> None:
    # the 999 answer no longer carries its fact: that rule guarantees nothing here
    tag(ruled, "facts: [immediate-danger]}", "}")
    checked = check_edition(ruled, "national")
    assert checked.edition is not None, checked.diagnostics
    renderer = ChartRenderer(cache_dir=None)
    charts = {
        tree_id: renderer.chart(checked.edition, tree.item, tree_order(tree.item))
        for tree_id, tree in checked.edition.content.trees.items()
    }
    rendered = {page.src_uri: page for page in render_pages(checked.edition, charts)}
    routes = rendered["flowcharts/police-routes.md"].markdown
    guarantees = routes.split("## What every route guarantees")[1].split("## Routes")[0]
    assert "Every route with a reported crime reaches the police." in guarantees
    assert "Guidance: should" in guarantees
    assert "Part 5" in guarantees  # its citation
    assert "Immediate danger reaches 999 first." not in guarantees


def test_a_node_that_sends_the_reader_on_links_the_other_flowchart(minimal_project: Layout) -> None:
    """A node's ``trees`` become a "Then follow" link in the text version and the walker data."""
    from generator.render.pages import walker_json

    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    police = checked.edition.content.trees["police"].item
    nodes = [
        n.model_copy(update={"trees": ["police"]}) if n.id == "internal" else n
        for n in police.nodes
    ]
    onward = police.model_copy(update={"nodes": nodes})
    payload = json.loads(walker_json(checked.edition, onward, {}))
    internal = next(n for n in payload["tree"]["nodes"] if n["id"] == "internal")
    assert internal["trees"] == [{"id": "police", "title": police.title}]
    assert not any("trees" in n for n in payload["tree"]["nodes"] if n["id"] != "internal")
    from generator.render.pages import _environment, render_tree_page

    text = render_tree_page(_environment(checked.edition), checked.edition, onward, "")
    assert f"Then follow the flowchart: [{police.title}](police.md)." in text
    assert text.count("Then follow the flowchart") == 1
