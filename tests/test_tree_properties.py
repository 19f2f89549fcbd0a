"""Property-based tests of the tree rules (hypothesis): any valid tree passes every check,
renders through the real ``dot`` and lists exactly its routes; any one mutation that
breaks a rule is caught with that rule's code."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.pipeline import check_edition
from generator.checks.routes import all_routes
from generator.content.project import Layout
from generator.errors import errors_in
from generator.render.dot_source import ChartLinks, tree_to_dot
from generator.render.flowcharts import run_dot
from generator.render.tree_order import tree_order
from generator.site.build import build_edition
from tests.conftest import FIXTURES, make_project

LABELS = ["Yes", "No", "Not sure"]
CITE = [{"source": "kcsie-2025", "where": "Part 5"}]
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def valid_trees(draw: st.DrawFn, max_questions: int = 8) -> dict[str, Any]:
    """A tree grown breadth first from its start: each answer leads to a new question, a
    step then an outcome, a new outcome or an outcome met before (routes re-join, no
    cycles); every node is reachable and ends at an outcome by construction."""
    nodes: list[dict[str, Any]] = []
    outcomes: list[str] = []

    def outcome() -> str:
        node_id = f"o{len(outcomes)}"
        outcomes.append(node_id)
        nodes.append(
            {
                "id": node_id,
                "kind": "outcome",
                "text": f"Outcome {node_id}.",
                "actions": ["Record it"],
                "contacts": ["police-emergency"],
            }
        )
        return node_id

    questions = [{"id": "q0", "kind": "question", "text": "Question 0?", "answers": []}]
    nodes.append(questions[0])
    pending = [questions[0]]
    while pending:
        question = pending.pop(0)
        for label in LABELS[: draw(st.integers(2, 3))]:
            choices = ["outcome", "step"] + (["existing"] if outcomes else [])
            if len(questions) < max_questions:
                choices.append("question")
            choice = draw(st.sampled_from(choices))
            if choice == "question":
                target = {
                    "id": f"q{len(questions)}",
                    "kind": "question",
                    "text": f"Question {len(questions)}?",
                    "answers": [],
                }
                questions.append(target)
                nodes.append(target)
                pending.append(target)
                next_id = target["id"]
            elif choice == "step":
                next_id = f"s{len(nodes)}"
                nodes.append(
                    {"id": next_id, "kind": "step", "text": "Tell the DSL.", "next": outcome()}
                )
            elif choice == "existing":
                next_id = draw(st.sampled_from(outcomes))
            else:
                next_id = outcome()
            question["answers"].append({"label": label, "next": next_id})
    return {
        "id": "prop",
        "title": "A generated tree",
        "summary": "Generated.",
        "sources": CITE,
        "start": "q0",
        "nodes": nodes,
    }


def _write(layout: Layout, tree: dict[str, Any]) -> None:
    path = layout.flowcharts_dir / "prop.yaml"
    path.write_text(yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")


def _codes(layout: Layout) -> list[str]:
    return [d.code for d in errors_in(check_edition(layout, "national").diagnostics)]


@PROPERTY
@given(tree=valid_trees())
def test_any_valid_tree_checks_clean_renders_and_lists_its_routes(
    minimal_project: Layout, tree: dict[str, Any]
) -> None:
    _write(minimal_project, tree)
    checked = check_edition(minimal_project, "national")
    assert errors_in(checked.diagnostics) == []
    assert checked.edition is not None
    model = checked.edition.content.trees["prop"].item
    svg = run_dot(tree_to_dot(model, checked.edition, tree_order(model), ChartLinks("p.html")))
    assert svg.count('class="node ') == len(tree["nodes"])  # one box per node
    routes = all_routes(model)
    outcome_ids = {n["id"] for n in tree["nodes"] if n["kind"] == "outcome"}
    assert routes and all(route.outcome in outcome_ids for route in routes)
    assert outcome_ids == {route.outcome for route in routes}  # every outcome is reachable


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(tree=valid_trees(max_questions=4))
def test_any_valid_tree_builds_a_site(tmp_path_factory: pytest.TempPathFactory, tree: Any) -> None:
    root = tmp_path_factory.mktemp("built")
    layout = make_project(root / "project", FIXTURES / "minimal")
    _write(layout, tree)
    build_edition(layout, "national", root / "site")
    page = (root / "site" / "flowcharts" / "prop.html").read_text(encoding="utf-8")
    assert all(f'id="prop-{n["id"]}"' in page for n in tree["nodes"])


def _questions(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "question"]


def _dangling_answer(tree: dict[str, Any], i: int) -> None:
    answers = [a for q in _questions(tree) for a in q["answers"]]
    answers[i % len(answers)]["next"] = "no-such-node"


def _duplicate_label(tree: dict[str, Any], i: int) -> None:
    question = _questions(tree)[i % len(_questions(tree))]
    question["answers"][1]["label"] = question["answers"][0]["label"]


def _orphan(tree: dict[str, Any], i: int) -> None:
    tree["nodes"].append(
        {"id": "orphan", "kind": "outcome", "text": "Nobody gets here.", "actions": ["Nothing"]}
    )


def _cycle(tree: dict[str, Any], i: int) -> None:
    question = _questions(tree)[i % len(_questions(tree))]
    question["answers"].append({"label": "Start again", "next": "q0"})


def _dead_end(tree: dict[str, Any], i: int) -> None:
    question = _questions(tree)[i % len(_questions(tree))]
    for answer in question["answers"]:
        answer.update(next=question["id"], loop_back=True)


def _unknown_start(tree: dict[str, Any], i: int) -> None:
    tree["start"] = "nowhere"


MUTATIONS = {
    "unknown-reference": _dangling_answer,
    "duplicate-answer": _duplicate_label,
    "unreachable-node": _orphan,
    "tree-cycle": _cycle,
    "dead-end": _dead_end,
    "unknown-start": _unknown_start,
}


@PROPERTY
@given(tree=valid_trees(), mutation=st.sampled_from(sorted(MUTATIONS)), where=st.integers(0, 50))
def test_any_rule_breaking_mutation_is_caught_with_its_code(
    minimal_project: Layout, tree: dict[str, Any], mutation: str, where: int
) -> None:
    broken = copy.deepcopy(tree)
    MUTATIONS[mutation](broken, where)
    _write(minimal_project, broken)
    expected = "unknown-reference" if mutation == "unknown-start" else mutation
    assert expected in _codes(minimal_project)


def test_the_generated_trees_are_not_all_alike() -> None:
    """The strategy reaches re-joined routes, steps and three-way questions."""
    seen: set[str] = set()

    @settings(max_examples=60, deadline=None, derandomize=True)  # the same 60 every run
    @given(tree=valid_trees())
    def collect(tree: dict[str, Any]) -> None:
        kinds = [n["kind"] for n in tree["nodes"]]
        targets = [a["next"] for q in _questions(tree) for a in q["answers"]]
        if "step" in kinds:
            seen.add("step")
        if any(len(q["answers"]) == 3 for q in _questions(tree)):
            seen.add("three answers")
        if len(targets) != len(set(targets)):
            seen.add("re-joined")
        if len(_questions(tree)) > 3:
            seen.add("deep")

    collect()
    assert seen == {"step", "three answers", "re-joined", "deep"}
