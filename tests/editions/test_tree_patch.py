"""Node patches on the fixture's police tree: each action, and a positioned error per misuse."""

from __future__ import annotations

from pathlib import Path

from generator.checks.pipeline import Checked, check_edition
from generator.checks.routes import all_routes
from generator.content.project import Layout
from generator.models import QuestionNode, StepNode

EDITION = "id: local\nname: Local\nauthority: Test\nbase: national\ngaps: {front-door: Local.}\n"


def patched(project: Layout, patches: str) -> Checked:
    folder = project.root / "site_config" / "editions" / "local"
    (folder / "flowcharts").mkdir(parents=True)
    (folder / "edition.yaml").write_text(EDITION, encoding="utf-8")
    path: Path = folder / "flowcharts" / "police.yaml"
    path.write_text(f"base_hash: 00000000\npatch:\n{patches}", encoding="utf-8")
    return check_edition(project, "local")


def errors(checked: Checked) -> list[tuple[str, str, int]]:
    return [(d.code, d.key_path, d.position.line) for d in checked.diagnostics if d.code != "drift"]


def nodes(checked: Checked) -> dict[str, object]:
    assert checked.edition is not None, [d.format() for d in checked.diagnostics]
    return {n.id: n for n in checked.edition.content.trees["police"].item.nodes}


def test_insert_before_sends_every_edge_and_the_start_through_the_new_step(
    minimal_project: Layout,
) -> None:
    checked = patched(
        minimal_project,
        "  - insert_before: danger\n    step: {id: local-check, text: Check the local log.}\n",
    )
    tree = checked.edition.content.trees["police"].item  # type: ignore[union-attr]
    assert tree.start == "local-check"
    step = nodes(checked)["local-check"]
    assert isinstance(step, StepNode) and step.next == "danger"
    assert all(r.visited[0] == "local-check" for r in all_routes(tree))


def test_insert_after_a_step_keeps_its_old_next(minimal_project: Layout) -> None:
    checked = patched(
        minimal_project,
        "  - insert_after: record\n    step: {id: tell-head, text: Tell the headteacher.}\n",
    )
    found = nodes(checked)
    assert found["record"].next == "tell-head"  # type: ignore[attr-defined]
    assert found["tell-head"].next == "crime"  # type: ignore[attr-defined]


def test_add_answer_with_a_new_outcome_and_change_answer(minimal_project: Layout) -> None:
    checked = patched(
        minimal_project,
        "  - add_node:\n"
        "      {id: local-team, kind: outcome, text: Ask the local team., actions: [Call]}\n"
        "  - node: crime\n    add_answer: {label: Online only, next: local-team}\n"
        "  - node: crime\n    change_answer: {label: No, new_label: No crime}\n",
    )
    crime = nodes(checked)["crime"]
    assert isinstance(crime, QuestionNode)
    assert [a.label for a in crime.answers] == ["Yes", "No crime", "Not sure", "Online only"]


def test_set_rebinds_contacts_and_changes_text(minimal_project: Layout) -> None:
    checked = patched(
        minimal_project,
        "  - node: call-999\n"
        "    set: {text: Call 999 at once., contacts: [police-emergency, front-door]}\n",
    )
    end = nodes(checked)["call-999"]
    assert end.text == "Call 999 at once."  # type: ignore[attr-defined]
    assert end.contacts == ["police-emergency", "front-door"]  # type: ignore[attr-defined]


def test_unknown_node_is_positioned_with_a_suggestion(minimal_project: Layout) -> None:
    checked = patched(minimal_project, "  - node: crme\n    set: {text: X}\n")
    assert errors(checked) == [("unknown-reference", "patch[0].node", 3)]
    assert "did you mean 'crime'" in checked.diagnostics[0].message


def test_misused_patches_are_each_reported(minimal_project: Layout) -> None:
    checked = patched(
        minimal_project,
        "  - insert_after: danger\n    step: {id: s, text: S}\n"
        "  - node: crime\n    add_answer: {label: Yes, next: internal}\n"
        "  - node: danger\n    set: {actions: [Act]}\n"
        "  - node: record\n    change_answer: {label: Yes, next: internal}\n",
    )
    assert errors(checked) == [
        ("invalid-patch", "patch[0].insert_after", 3),
        ("duplicate-answer", "patch[1].add_answer.label", 6),
        ("invalid-patch", "patch[2].set.actions", 8),
        ("invalid-patch", "patch[3].node", 9),
    ]


def test_a_patch_that_breaks_the_graph_is_caught_by_the_tree_checks(
    minimal_project: Layout,
) -> None:
    checked = patched(
        minimal_project, "  - node: crime\n    change_answer: {label: Yes, next: nowhere}\n"
    )
    assert [d.code for d in checked.diagnostics if d.code != "drift"] == ["unknown-reference"]


def test_a_patch_that_changes_a_scenarios_route_is_reported_at_the_scenario(
    minimal_project: Layout,
) -> None:
    checked = patched(
        minimal_project, "  - node: crime\n    change_answer: {label: Yes, new_label: Crime}\n"
    )
    found = [(d.code, d.path.name, d.key_path) for d in checked.diagnostics if d.code != "drift"]
    assert found == [("scenario-walk", "playground.yaml", "answers[1]")]
