"""Tree JSON export validated against the JSON Schema shipped in schemas/exports/."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.exports import tree_export
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "schemas" / "exports" / "tree.export.schema.json").read_text("utf-8"))


def exports(layout: Layout) -> list[dict[str, Any]]:
    checked = check_edition(layout, "national")
    assert checked.edition is not None, checked.diagnostics
    edition = checked.edition
    return [tree_export(edition, t.item) for t in edition.content.trees.values()]


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("where", ["fixture", "shipped"])
def test_every_tree_export_matches_the_schema(minimal_project: Layout, where: str) -> None:
    layout = minimal_project if where == "fixture" else Layout(REPO)
    found = exports(layout)
    assert found
    for export in found:
        jsonschema.validate(export, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_export_resolves_contacts_and_gaps(minimal_project: Layout) -> None:
    (export,) = exports(minimal_project)
    refer = next(n for n in export["nodes"] if n["id"] == "refer-police")
    assert refer["contacts"][0] == {
        "id": "police-999",
        "name": "Police emergency",
        "phone": "999",
        "email": None,
        "url": None,
    }
    assert refer["contacts"][1]["gap"] == "The local authority publishes this number."
    crime = next(n for n in export["nodes"] if n["id"] == "crime")
    assert crime["answers"][2] == {
        "label": "Not sure",
        "next": "record",
        "loop_back": True,
        "facts": [],
    }
    assert "loop_back" not in crime["answers"][0]


def test_answers_carry_their_facts(ruled: Layout) -> None:
    (export,) = exports(ruled)
    crime = next(n for n in export["nodes"] if n["id"] == "crime")
    assert crime["answers"][0]["facts"] == ["crime-reported"]
    assert crime["answers"][1]["facts"] == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda e: e.update(schema="safeguide.tree/2"),
        lambda e: e["nodes"][0].update(kind="decision"),
        lambda e: e["nodes"][0].pop("answers"),
        lambda e: e["nodes"][0].update(colour="red"),
    ],
)
def test_schema_rejects_broken_exports(minimal_project: Layout, breakage: Any) -> None:
    (export,) = exports(minimal_project)
    breakage(export)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(export, SCHEMA, cls=jsonschema.Draft202012Validator)
