"""Every route through a tree, and the routes table for sign-off."""

from __future__ import annotations

import csv
import io

import pytest

from generator.checks.pipeline import check_edition
from generator.checks.routes import Choice, all_routes
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.render.routes import routes_csv, routes_markdown, table_cell


@pytest.fixture
def edition(minimal_project: Layout) -> ResolvedEdition:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    return checked.edition


def test_every_route_ends_at_an_outcome_and_skips_loop_backs(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    routes = all_routes(tree)
    assert [(r.choices, r.outcome) for r in routes] == [
        ((Choice("danger", "Yes"),), "call-999"),
        ((Choice("danger", "No"), Choice("crime", "Yes")), "refer-police"),
        ((Choice("danger", "No"), Choice("crime", "No")), "internal"),
    ]
    assert routes[1].visited == ("danger", "record", "crime", "refer-police")


def test_every_outcome_of_every_shipped_tree_is_reachable_by_some_route() -> None:
    from tests.conftest import REPO

    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    for located in checked.edition.content.trees.values():
        tree = located.item
        outcomes = {n.id for n in tree.nodes if n.kind == "outcome"}
        assert {r.outcome for r in all_routes(tree)} == outcomes, tree.id


def test_routes_markdown_table(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    table = routes_markdown(edition, tree, cell=table_cell).splitlines()
    assert table[0] == "| Route | Answers along the way | Outcome | Contacts |"
    assert table[2] == ("| 1 | step 1: Yes | step 2: Call 999 now. | Police emergency (999) |")
    assert table[3].startswith(
        "| 2 | step 1: No; step 4: Yes | step 5: Refer to the police and children's social "
        "care. [Guidance: should] |"
    )
    assert "Children's social care front door (not published)" in table[3]
    assert len(table) == 5


def test_routes_markdown_escapes_cells_for_the_site(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    assert "Police emergency \\(999\\)" in routes_markdown(edition, tree)


def test_routes_csv_has_a_header_and_a_row_per_route(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    rows = list(csv.reader(io.StringIO(routes_csv(edition, tree))))
    assert rows[0] == ["Route", "Answers along the way", "Outcome", "Contacts"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    assert rows[3][2] == "step 6: Manage internally under the behaviour policy."
    assert rows[3][3] == "none"


def test_table_cell_escapes_the_column_separator() -> None:
    assert table_cell("a | b\n c") == "a \\| b c"
