"""Independent DSL cases, kept as tests.

tests/dsl_cases/ holds 155 cases written from national guidance by people who did not write
the trees (set 1: 83 cases; set 2: 30 held-out cases; set 3: 14 cases for the Prevent and
domestic abuse trees; set 4: 28 cases for the exploitation, mental health, social worker and
online safety trees, written before those trees), each with what a right answer must and
should include and must not do. A second reader walked each one with the step-through and
graded it; ``walked`` records the answers given, the outcome reached and the grade.

This test pins those reviewed routes: if a tree changes so that a case's answers no longer
reach the outcome that was reviewed, it fails, and the case needs walking and grading again
(update ``walked`` only after a second reader has done so).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.checks.pipeline import check_edition
from generator.checks.stepper import Stepper
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.models import QuestionNode
from tests.conftest import REPO

CASES = REPO / "tests" / "dsl_cases"
GRADES = {"right", "partial", "wrong"}


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            case["file"] = path.name
            cases.append(case)
    return cases


ALL_CASES = load_cases()


@pytest.fixture(scope="module")
def editions() -> dict[str, ResolvedEdition]:
    found = {}
    for edition_id in sorted({case.get("edition", "national") for case in ALL_CASES}):
        checked = check_edition(Layout(REPO), edition_id)
        assert checked.edition is not None, checked.diagnostics
        found[edition_id] = checked.edition
    return found


def test_the_cases_cover_every_national_tree_with_edge_cases() -> None:
    assert len(ALL_CASES) == 155
    trees = {case["tree"] for case in ALL_CASES}
    assert trees == {p.stem for p in (REPO / "flowcharts").glob("*.yaml")}
    for tree_id in trees:
        assert sum(case["tree"] == tree_id for case in ALL_CASES) >= 5, tree_id
    edges = {edge for case in ALL_CASES for edge in case.get("edge", [])}
    assert {"age-9", "age-10", "age-17", "age-18", "online", "off-site", "out-of-hours"} <= edges
    assert {"supply-teacher", "former-staff", "third-party-report", "not-police"} <= edges
    assert {"victim-does-not-want-police", "victim-declines-police"} & edges


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: f"{case['tree']}:{case['id']}")
def test_a_reviewed_route_still_reaches_the_reviewed_outcome(
    case: dict[str, Any], editions: dict[str, ResolvedEdition]
) -> None:
    assert case["narrative"] and case["must"], "a case says what happened and what must follow"
    walked = case["walked"]
    assert walked["grade"] in GRADES
    edition = editions[case.get("edition", "national")]
    stepper = Stepper(edition.content.trees[case["tree"]].item)
    for label in walked["answers"]:
        stepper.advance_through_steps()
        assert isinstance(stepper.current, QuestionNode), f"route ended before {label!r}"
        stepper.choose(label)
    stepper.advance_through_steps()
    assert stepper.current.id == walked["outcome"]


def test_no_reviewed_route_was_graded_wrong() -> None:
    wrong = [
        f"{case['file']}: {case['id']}" for case in ALL_CASES if case["walked"]["grade"] == "wrong"
    ]
    assert wrong == []
