"""Safety rules over routes: checked on every route of every tree after overlays, met only
by steps and outcomes, reported at the rule and at the overlay that broke it, with the
shortest breaking route."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.checks.pipeline import check_edition
from generator.checks.safety import breaches, check_safety_rules, route_text, rules_for_tree
from generator.content.project import Layout
from generator.errors import Severity
from tests.conftest import REPO, make_project, tag

TODAY = datetime.date(2026, 11, 30)


def errors(layout: Layout, edition: str = "national") -> list[str]:
    checked = check_edition(layout, edition)
    return [d.format(layout.root) for d in checked.diagnostics if d.severity is Severity.ERROR]


def test_rules_met_on_every_route(ruled: Layout) -> None:
    assert errors(ruled) == []


def test_rules_are_part_of_the_routes_guarantees(ruled: Layout) -> None:
    checked = check_edition(ruled, "national")
    assert checked.edition is not None
    tree = checked.edition.content.trees["police"].item
    assert [r.id for r in rules_for_tree(checked.edition, tree)] == [
        "crime-reaches-police",
        "danger-reaches-999-first",
    ]


def test_an_outcome_without_the_police_breaks_the_rule_with_the_route(ruled: Layout) -> None:
    tag(ruled, "contacts: [police-emergency, front-door]", "contacts: [front-door]")
    found = errors(ruled)
    assert len(found) == 1, found
    line = found[0]
    assert line.startswith("content/safety-rules.yaml:10:7: error: rules[0].reaches: ")
    assert "(safety-rule)" in line
    assert "crime-reaches-police" in line
    assert "danger [No] > record > crime [Yes] > refer-police" in line


def test_a_question_that_mentions_the_police_does_not_meet_the_rule(ruled: Layout) -> None:
    # the question names the police, the outcome no longer does
    tag(
        ruled,
        "    text: Has a crime been reported, such as rape or sexual assault?\n",
        "    text: Has a crime been reported, such as rape or sexual assault?\n"
        "    contacts: [police-emergency]\n",
    )
    tag(ruled, "contacts: [police-emergency, front-door]", "contacts: [front-door]")
    assert any("crime-reaches-police" in line for line in errors(ruled))


def test_first_means_the_first_step_or_outcome_after_the_fact(ruled: Layout) -> None:
    # the 999 outcome now names only the front door; a later step naming 999 would not do
    tag(ruled, "    contacts: [police-emergency]\n", "    contacts: [front-door]\n")
    found = errors(ruled)
    assert len(found) == 1, found
    assert "danger-reaches-999-first" in found[0]
    assert "to reach first, 999, got the route danger [Yes] > call-999" in found[0]


def test_unless_exempts_a_route(ruled: Layout) -> None:
    text = ruled.safety_rules_file.read_text(encoding="utf-8")
    ruled.safety_rules_file.write_text(
        text.replace(
            "    when: [crime-reported]\n",
            "    when: [crime-reported]\n    unless: [adult-involved]\n",
        ),
        encoding="utf-8",
    )
    tag(ruled, "contacts: [police-emergency, front-door]", "contacts: [front-door]")
    tag(ruled, "facts: [crime-reported]}", "facts: [crime-reported, adult-involved]}")
    assert errors(ruled) == []


def test_unknown_facts_are_positioned_errors(ruled: Layout) -> None:
    tag(ruled, "facts: [crime-reported]}", "facts: [crime-reportd]}")
    [line] = errors(ruled)
    assert line.startswith("flowcharts/police.yaml:24:50: error: ")
    assert "nodes[2].answers[0].facts[0]: expected a fact of content/safety-rules.yaml" in line
    assert "'crime-reportd' (did you mean 'crime-reported'?) (unknown-reference)" in line


def test_a_rule_no_route_carries_is_a_warning(ruled: Layout) -> None:
    tag(ruled, ", facts: [crime-reported]}", "}")
    checked = check_edition(ruled, "national")
    warnings = [d for d in checked.diagnostics if d.code == "rule-applies-nowhere"]
    assert len(warnings) == 1 and warnings[0].severity is Severity.WARNING


def test_an_edition_may_add_a_rule_but_not_replace_one(ruled: Layout) -> None:
    local = ruled.editions_dir / "local"
    local.mkdir()
    (local / "edition.yaml").write_text(
        "id: local\nname: Local edition\nauthority: Local authority\nbase: national\n"
        "gaps:\n  front-door: The local authority publishes this number.\n",
        encoding="utf-8",
    )
    (local / "content").mkdir()
    (local / "content" / "safety-rules.yaml").write_text(
        "rules:\n"
        "  - id: crime-reaches-police\n"
        "    statement: A weaker local rule.\n"
        "    when: [crime-reported]\n"
        "    reaches: [{label: the DSL, any_of: [front-door]}]\n"
        "    basis: local\n"
        "    sources: [{source: kcsie-2025, where: Part 5}]\n",
        encoding="utf-8",
    )
    checked = check_edition(ruled, "local")
    codes = [d.code for d in checked.diagnostics if d.severity is Severity.ERROR]
    assert "duplicate-id" in codes


def test_breaches_pick_the_shortest_route(ruled: Layout) -> None:
    tag(ruled, "contacts: [police-emergency, front-door]", "contacts: [front-door]")
    checked = check_edition(ruled, "national")
    assert checked.edition is not None
    tree = checked.edition.content.trees["police"].item
    found = breaches(checked.edition, tree)
    assert [b.rule.item.id for b in found] == ["crime-reaches-police"]
    assert route_text(tree, found[0].route) == "danger [No] > record > crime [Yes] > refer-police"
    assert check_safety_rules(checked.edition, TODAY)


def shipped_copy(tmp_path: Path) -> Layout:
    """A copy of the shipped content, trees and editions as a project of its own."""
    staged = tmp_path / "staged"
    for folder in ("content", "flowcharts", "site_config/editions"):
        shutil.copytree(REPO / folder, staged / folder)
    return make_project(tmp_path / "project", staged)


def test_an_edition_that_drops_the_police_step_fails_check_with_rule_overlay_and_route(
    tmp_path: Path,
) -> None:
    layout = shipped_copy(tmp_path)
    patch_file = layout.editions_dir / "leicester" / "flowcharts" / "kcsie-part-5.yaml"
    patch_file.write_text(
        patch_file.read_text(encoding="utf-8")
        + "  - node: report-sexual-assault\n"
        + "    set:\n"
        + "      contacts: [childrens-social-care-front-door]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--edition", "leicester"],
        cwd=layout.root,
        capture_output=True,
        text=True,
        env={**os.environ, "SAFEGUIDE_TODAY": "2026-11-30"},
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    output = result.stdout + result.stderr
    lines = [line for line in output.splitlines() if "(safety-rule)" in line]
    rule_line = next(line for line in lines if line.startswith("content/safety-rules.yaml:"))
    assert "rule 'sexual-violence-reaches-police'" in rule_line
    overlay_line = next(
        line
        for line in lines
        if line.startswith("site_config/editions/leicester/flowcharts/kcsie-part-5.yaml:")
    )
    assert ": error: patch[1]: " in overlay_line  # the operation that dropped the police
    route = (
        "report-received > immediate-danger [No] > dsl-considers > what-was-reported "
        "[Sexual assault, including touching or kissing without consent] > report-sexual-assault"
    )
    assert route in rule_line and route in overlay_line
    assert "does not reach the police" in overlay_line
