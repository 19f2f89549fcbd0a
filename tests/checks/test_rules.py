"""Cross-file checks and tree graph rules, on broken variants of the fixture project."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.errors import Diagnostic

TREE = """\
id: police
title: T
summary: S
sources: [{source: kcsie-2025, where: Part 5}]
start: %(start)s
nodes:
%(nodes)s"""

GOOD_NODES = """\
  - id: ask
    kind: question
    text: Q?
    answers:
      - {label: Yes, next: yes-end}
      - {label: No, next: no-end}
  - id: yes-end
    kind: outcome
    text: Y
    actions: [a]
  - id: no-end
    kind: outcome
    text: N
    actions: [a]
"""


def diagnostics(project: Layout) -> list[Diagnostic]:
    return check_edition(project, "national").diagnostics


def with_tree(project: Layout, nodes: str, start: str = "ask") -> list[Diagnostic]:
    # The scenario walks the fixture tree; drop it so only tree rules are reported.
    (project.root / "content" / "scenarios" / "playground.yaml").unlink()
    path = project.root / "flowcharts" / "police.yaml"
    path.write_text(TREE % {"start": start, "nodes": nodes}, encoding="utf-8")
    return diagnostics(project)


def codes(found: list[Diagnostic]) -> list[tuple[str, str]]:
    return [(d.code, d.key_path) for d in found]


def replace_in(project: Layout, relative: str, old: str, new: str) -> Path:
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_fixture_is_clean(minimal_project: Layout) -> None:
    assert diagnostics(minimal_project) == []


def test_good_small_tree_is_clean(minimal_project: Layout) -> None:
    assert with_tree(minimal_project, GOOD_NODES) == []


def test_unknown_start(minimal_project: Layout) -> None:
    found = with_tree(minimal_project, GOOD_NODES, start="begin")
    assert ("unknown-reference", "start") in codes(found)


def test_unknown_next_suggests_the_near_miss(minimal_project: Layout) -> None:
    found = with_tree(minimal_project, GOOD_NODES.replace("next: no-end}", "next: no-ned}"))
    (problem,) = [d for d in found if d.code == "unknown-reference"]
    assert problem.key_path == "nodes[0].answers[1].next"
    assert "did you mean 'no-end'?" in problem.message
    assert problem.position.line == 12


def test_duplicate_answer_labels(minimal_project: Layout) -> None:
    found = with_tree(minimal_project, GOOD_NODES.replace("{label: No,", "{label: yes,"))
    assert ("duplicate-answer", "nodes[0].answers[1].label") in codes(found)


def test_unreachable_node(minimal_project: Layout) -> None:
    extra = GOOD_NODES + "  - id: orphan\n    kind: outcome\n    text: O\n    actions: [a]\n"
    assert ("unreachable-node", "nodes[3].id") in codes(with_tree(minimal_project, extra))


def test_cycle_without_loop_back_is_an_error(minimal_project: Layout) -> None:
    nodes = GOOD_NODES.replace("next: no-end}", "next: again}") + (
        "  - id: again\n    kind: step\n    text: Again\n    next: ask\n"
    )
    found = with_tree(minimal_project, nodes)
    assert any(code == "tree-cycle" for code, _ in codes(found)), found


def test_cycle_marked_loop_back_is_accepted(minimal_project: Layout) -> None:
    nodes = GOOD_NODES.replace(
        "      - {label: No, next: no-end}",
        "      - {label: No, next: no-end}\n      - {label: Not sure, next: ask, loop_back: true}",
    )
    assert with_tree(minimal_project, nodes) == []


def test_dead_end_is_an_error(minimal_project: Layout) -> None:
    nodes = GOOD_NODES.replace("next: no-end}", "next: loop-a}") + (
        "  - id: loop-a\n    kind: question\n    text: A?\n    answers:\n"
        "      - {label: Again, next: loop-a, loop_back: true}\n"
        "      - {label: Once more, next: loop-a, loop_back: true}\n"
    )
    found = with_tree(minimal_project, nodes)
    assert any(code == "dead-end" for code, _ in codes(found)), found


def test_scenario_that_does_not_reach_its_outcome(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "content/scenarios/playground.yaml",
        "answers: [No, Yes]",
        "answers: [No, No]",
    )
    found = diagnostics(minimal_project)
    assert [d.code for d in found] == ["scenario-outcome"]


def test_scenario_answer_that_is_not_offered(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "content/scenarios/playground.yaml",
        "answers: [No, Yes]",
        "answers: [No, Maybe]",
    )
    (problem,) = diagnostics(minimal_project)
    assert problem.code == "scenario-walk"
    assert problem.key_path == "answers[1]"


def test_unknown_contact_in_a_section(minimal_project: Layout) -> None:
    replace_in(minimal_project, "content/sections/responding.yaml", "childline]", "childlien]")
    # One problem, one line: Childline is not also reported unused while a reference is
    # broken (the misspelling is what leaves it unused).
    (problem,) = diagnostics(minimal_project)
    assert (problem.code, problem.key_path) == ("unknown-reference", "contacts[2]")
    assert "did you mean 'childline'?" in problem.message


def test_role_neither_bound_nor_declared_as_gap(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "site_config/editions/national/edition.yaml",
        "gaps:\n  front-door: The local authority publishes this number.\n",
        "",
    )
    found = diagnostics(minimal_project)
    assert "unbound-role" in [d.code for d in found]


def test_superseded_source_is_a_warning(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "content/sections/responding.yaml",
        "{source: kcsie-2025, where: Part 1}",
        "{source: kcsie-2024, where: Part 1}",
    )
    (problem,) = diagnostics(minimal_project)
    assert problem.severity == "warning"
    assert "kcsie-2025" in problem.message


def test_review_date_passed_is_a_warning(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFEGUIDE_TODAY", "2027-09-02")
    (problem,) = diagnostics(minimal_project)
    assert (problem.code, problem.severity, problem.key_path) == (
        "review-overdue",
        "warning",
        "review_by",
    )
    monkeypatch.setenv("SAFEGUIDE_TODAY", "2027-09-01")
    assert diagnostics(minimal_project) == []


def test_two_contacts_sharing_a_number_must_say_so(minimal_project: Layout) -> None:
    path = replace_in(minimal_project, "content/contacts.yaml", "value: 0800 1111", "value: 999")
    found = diagnostics(minimal_project)
    assert "shared-number" in [d.code for d in found]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    source: {source: kcsie-2025, where: Annex B}",
            "    shares_number_with: [police-999]\n"
            "    source: {source: kcsie-2025, where: Annex B}",
        ),
        encoding="utf-8",
    )
    assert "shared-number" not in [d.code for d in diagnostics(minimal_project)]


def test_a_contact_nothing_uses_is_a_warning(minimal_project: Layout) -> None:
    path = minimal_project.root / "content" / "contacts.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + """\
  - id: forgotten
    name: A forgotten service
    channels:
      - {type: phone, value: 0808 800 5000}
    when_to_use: Never linked from anywhere.
    urgency: support
    area: UK
    source: {source: kcsie-2025, where: Part 1}
    verified: 2026-11-24
""",
        encoding="utf-8",
    )
    found = [(d.code, d.key_path, d.severity.value) for d in diagnostics(minimal_project)]
    assert found == [("unused-contact", "contacts[2].id", "warning")]
