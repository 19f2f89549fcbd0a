"""`safeguide walk` and `safeguide paths`."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.content.project import Layout


def run(project: Layout, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(project.root), *args], input=stdin)
    return result.exit_code, result.output


def test_walk_with_answers_prints_every_step_and_the_outcome(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", "--answers", "No,yes")
    assert code == 0
    assert output.splitlines() == [
        "Is a child in immediate danger?",
        "  -> No",
        "step record: Record the concern and tell the DSL.",
        "  - Write down what was said",
        "Has a crime been reported, such as rape or sexual assault?",
        "  -> Yes",
        "outcome refer-police: Refer to the police and children's social care. [Guidance: should]",
        "  - Report to the police",
        "  - Refer to children's social care",
        "  contact: Police emergency (999)",
        "  contact: Children's social care front door (not published)",
    ]


def test_walk_accepts_answer_numbers(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", "--answers", "2, 2")
    assert code == 0
    assert "outcome internal: Manage internally under the behaviour policy." in output


def test_walk_that_stops_short_exits_1(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", "--answers", "No")
    assert code == 1
    assert "(no more answers given)" in output


def test_walk_with_a_wrong_answer_exits_1_and_lists_options(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", "--answers", "Perhaps")
    assert code == 1
    assert "error: expected one of 1. Yes, 2. No for 'Is a child in immediate danger?', " in output


def test_walk_with_answers_left_over_exits_1(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", "--answers", "Yes,No")
    assert code == 1
    assert "answers left over after the outcome: No" in output


def test_interactive_walk_asks_with_numbered_choices(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", stdin="maybe\n1\n")
    assert code == 0
    assert "  1. Yes\n  2. No\n" in output
    assert "error: expected one of" in output
    assert "outcome call-999: Call 999 now." in output


def test_walk_unknown_tree_is_a_usage_error(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "polise")
    assert code == 2
    assert "expected a tree id (known: police), got 'polise'" in output


def test_paths_prints_markdown_and_csv(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "paths", "police")
    assert code == 0
    assert output.splitlines()[0] == "| Route | Answers along the way | Outcome | Contacts |"
    code, output = run(minimal_project, "paths", "police", "--format", "csv")
    assert code == 0
    assert output.splitlines()[0] == "Route,Answers along the way,Outcome,Contacts"
    assert len(output.splitlines()) == 4


def test_walk_answer_takes_labels_that_contain_commas(minimal_project: Layout) -> None:
    tree = minimal_project.flowcharts_dir / "police.yaml"
    text = tree.read_text(encoding="utf-8")
    tree.write_text(
        text.replace(
            "{label: No, next: internal}", '{label: "No, nothing criminal", next: internal}'
        ),
        encoding="utf-8",
    )
    code, output = run(
        minimal_project, "walk", "police", "--answer", "No", "--answer", "No, nothing criminal"
    )
    assert code == 0, output
    assert "  -> No, nothing criminal" in output
    assert "outcome internal: Manage internally under the behaviour policy." in output
    # the same label through --answers is split at its comma, so it does not fit
    code, output = run(minimal_project, "walk", "police", "--answers", "No,No, nothing criminal")
    assert code == 1


def test_walk_refuses_answers_and_answer_together(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "walk", "police", "--answers", "No", "--answer", "Yes")
    assert code == 2
    assert "expected --answers or --answer, got both" in output


def test_walk_prints_steps_with_their_basis_and_contacts(minimal_project: Layout) -> None:
    tree = minimal_project.flowcharts_dir / "police.yaml"
    text = tree.read_text(encoding="utf-8")
    tree.write_text(
        text.replace(
            "    actions: [Write down what was said]\n",
            "    actions: [Write down what was said]\n    basis: guidance\n"
            "    contacts: [police-emergency]\n",
        ),
        encoding="utf-8",
    )
    code, output = run(minimal_project, "walk", "police", "--answers", "2,2")
    assert code == 0, output
    lines = output.splitlines()
    step = lines.index("step record: Record the concern and tell the DSL. [Guidance: should]")
    assert lines[step + 1 : step + 3] == [
        "  - Write down what was said",
        "  contact: Police emergency (999)",
    ]


def test_walk_prints_the_detail_of_steps_and_outcomes(minimal_project: Layout) -> None:
    """The detail text (definitions, who decides, what not to do) is part of what a route
    tells the reader, so walk prints it, wrapped, under the step or outcome."""
    tree = minimal_project.root / "flowcharts" / "police.yaml"
    text = tree.read_text(encoding="utf-8")
    tree.write_text(
        text.replace(
            "    actions: [Write down what was said]\n",
            "    actions: [Write down what was said]\n"
            "    detail: Use the child's own words. " + "Do not ask leading questions. " * 5 + "\n",
        ),
        encoding="utf-8",
    )
    code, output = run(minimal_project, "walk", "police", "--answers", "2,2")
    assert code == 0, output
    lines = output.splitlines()
    step = lines.index("step record: Record the concern and tell the DSL.")
    assert lines[step + 1].startswith("  > Use the child's own words. Do not ask leading")
    assert lines[step + 2].startswith("  > ") and len(lines[step + 1]) <= 100
    assert lines[step + 3] == "  - Write down what was said"
