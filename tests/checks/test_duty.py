"""Duties carry a basis, and statutory duties cite their law, on variants of the fixture."""

from __future__ import annotations

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.errors import Severity


def replace_in(project: Layout, relative: str, old: str, new: str) -> None:
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def duty_diagnostics(project: Layout) -> list[tuple[str, str, Severity, int]]:
    found = check_edition(project, "national").diagnostics
    return [
        (d.code, d.key_path, d.severity, d.position.line)
        for d in found
        if d.code in ("duty-without-basis", "statutory-uncited")
    ]


def test_fixture_states_its_duties_with_a_basis(minimal_project: Layout) -> None:
    assert duty_diagnostics(minimal_project) == []


def test_a_block_that_says_must_without_a_basis_is_a_warning(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "content/sections/responding.yaml",
        "Listen calmly and **do not** promise",
        "You must listen calmly and **do not** promise",
    )
    assert duty_diagnostics(minimal_project) == [
        ("duty-without-basis", "body[0].text", Severity.WARNING, 7)
    ]


def test_a_node_that_says_should_without_a_basis_is_a_warning(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "flowcharts/police.yaml",
        "text: Record the concern and tell the DSL.",
        "text: You should record the concern and tell the DSL.",
    )
    [(code, key_path, severity, _line)] = duty_diagnostics(minimal_project)
    assert (code, key_path, severity) == ("duty-without-basis", "nodes[1].id", Severity.WARNING)


def test_words_containing_must_are_not_duties(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "flowcharts/police.yaml",
        "text: Record the concern and tell the DSL.",
        "text: Record the mustard-coloured bag and tell the DSL.",
    )
    assert duty_diagnostics(minimal_project) == []


def test_a_statutory_duty_without_a_citation_is_an_error(minimal_project: Layout) -> None:
    replace_in(
        minimal_project,
        "flowcharts/police.yaml",
        "    sources: [{source: kcsie-2025, where: Part 1}]\n",
        "",
    )
    assert duty_diagnostics(minimal_project) == [
        ("statutory-uncited", "nodes[0].id", Severity.ERROR, 7)
    ]
