"""The command line as users run it: a real subprocess in a project folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.project import Layout

pytestmark = pytest.mark.slow


def run(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "40", **(env or {})},
        check=False,
    )


FIVE_MISTAKES = """\
id: police
title: Do we need to call the police?
summary: A short tree for tests.
colour: red
sources: [{source: kcsie-2025, where: Part 5}]
start: danger
nodes:
  - id: danger
    kind: question
    text: Is a child in <b>immediate</b> danger?
    answers:
      - {label: Yes, next: call-999}
      - {label: No, next: call-999}
  - id: call-999
    kind: outcome
    text: Call 999 now.
    urgent: maybe
    actions: []
  - id: Bad_Id
    kind: banana
    text: x
"""


def test_check_on_clean_project_exits_0(minimal_project: Layout) -> None:
    result = run(minimal_project.root, "check", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "site_config/editions/national/edition.yaml:5:15: note: gaps.front-door: declared as "
        "not published in the source: Children's social care front door (declared-gap)",
        "0 error(s), 0 warning(s), 1 declared gap(s)",
        "ok",
    ]


def test_five_mistakes_give_five_positioned_lines_and_exit_1(minimal_project: Layout) -> None:
    (minimal_project.flowcharts_dir / "police.yaml").write_text(FIVE_MISTAKES)
    result = run(minimal_project.root, "check")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert lines == [
        "flowcharts/police.yaml:4:1: error: colour: expected one of the known keys, got unknown "
        "key 'colour' (unknown-key)",
        "flowcharts/police.yaml:10:11: error: nodes[0].text: expected text or Markdown without raw "
        "HTML, got '<b>immediate</b> dan' (raw-html)",
        "flowcharts/police.yaml:17:13: error: nodes[1].urgent: expected true or false, got 'maybe' "
        "(wrong-type)",
        "flowcharts/police.yaml:18:14: error: nodes[1].actions: expected at least 1 item(s), got a "
        "list of 0 (too-few)",
        "flowcharts/police.yaml:20:11: error: nodes[2].kind: expected kind one of 'question', "
        "'step', 'outcome', got 'banana' (invalid-choice)",
    ]
    assert result.stderr.splitlines()[-1] == "5 error(s), 0 warning(s)"


def test_paths_are_relative_to_the_current_directory(minimal_project: Layout) -> None:
    tree = minimal_project.flowcharts_dir / "police.yaml"
    tree.write_text(tree.read_text().replace("next: crime", "next: crim"))
    result = run(minimal_project.flowcharts_dir, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "police.yaml:19:11: error: nodes[1].next: expected the id of a known node, got 'crim' "
        "(did you mean 'crime'?) (unknown-reference)"
    )


def test_warnings_pass_unless_strict(minimal_project: Layout) -> None:
    section = minimal_project.sections_dir / "responding.yaml"
    section.write_text(
        section.read_text().replace("review_by: 2027-09-01", "review_by: 2020-01-01")
    )
    relaxed = run(minimal_project.root, "check")
    assert relaxed.returncode == 0
    assert "warning: review_by: expected a review date on or after" in relaxed.stderr
    strict = run(minimal_project.root, "check", "--strict")
    assert strict.returncode == 1


def test_usage_errors_exit_2(minimal_project: Layout, tmp_path: Path) -> None:
    assert run(minimal_project.root, "check", "--edition", "national", "--all").returncode == 2
    assert run(minimal_project.root, "no-such-command").returncode == 2
    outside = tmp_path / "empty"
    outside.mkdir()
    result = run(outside, "check")
    assert result.returncode == 2
    assert "no mkdocs.yml" in result.stderr


def test_unknown_edition_is_a_positioned_content_error(minimal_project: Layout) -> None:
    result = run(minimal_project.root, "check", "--edition", "nowhere")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "site_config/editions/nowhere/edition.yaml:1:1: error: -: expected an edition folder "
        "with edition.yaml (known: national), got nothing for 'nowhere' (unknown-edition)"
    )


def test_build_with_relative_out_from_a_subfolder(minimal_project: Layout) -> None:
    result = run(minimal_project.content, "build", "--out", "here")
    assert result.returncode == 0, result.stderr
    assert (minimal_project.content / "here" / "index.html").is_file()


def test_project_option_overrides_discovery(minimal_project: Layout, tmp_path: Path) -> None:
    result = run(tmp_path, "--project", str(minimal_project.root), "check")
    assert result.returncode == 0, result.stderr


def test_build_failure_reports_and_keeps_old_site(minimal_project: Layout) -> None:
    assert run(minimal_project.root, "build").returncode == 0
    index = minimal_project.root / "site" / "national" / "index.html"
    before = index.read_bytes()
    contacts = minimal_project.contacts_file
    contacts.write_text(contacts.read_text().replace("value: 0800 1111", "value: 0800 11"))
    result = run(minimal_project.root, "build")
    assert result.returncode == 1
    assert "(invalid-phone)" in result.stderr
    assert "national: not built; the previous site is unchanged" in result.stderr
    assert index.read_bytes() == before


def _add_broken_edition(project: Layout) -> Path:
    """A second edition, 'localshire', whose binding names a contact nobody defines."""
    folder = project.editions_dir / "localshire"
    folder.mkdir()
    (folder / "edition.yaml").write_text(
        "id: localshire\nname: Localshire\nauthority: Localshire Council\nbase: national\n"
        "bindings:\n  front-door: no-such-contact\n",
        encoding="utf-8",
    )
    return folder


def test_plain_check_checks_every_edition(minimal_project: Layout) -> None:
    _add_broken_edition(minimal_project)
    result = run(minimal_project.root, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "edition localshire: 1 error(s), 0 warning(s)" in lines
    assert "edition national: 0 error(s), 0 warning(s), 1 declared gap(s)" in lines
    local = lines.index("edition localshire: 1 error(s), 0 warning(s)")
    assert lines[local + 1].startswith(
        "site_config/editions/localshire/edition.yaml:6:15: error: bindings.front-door: "
    )
    assert lines[-1] == "1 error(s), 0 warning(s), 1 declared gap(s)"


def test_check_inside_an_edition_folder_checks_that_edition_only(
    minimal_project: Layout,
) -> None:
    folder = _add_broken_edition(minimal_project)
    inner = folder / "content"
    inner.mkdir()
    for where in (folder, inner):
        result = run(where, "check")
        assert result.returncode == 1
        lines = result.stderr.splitlines()
        assert not any(line.startswith("edition ") for line in lines)
        assert len([line for line in lines if ": error: " in line]) == 1
        assert "national/edition.yaml" not in result.stderr  # its declared gap is not listed
        assert lines[-1] == "1 error(s), 0 warning(s)"
    national = run(minimal_project.editions_dir / "national", "check")
    assert national.returncode == 0, national.stderr
