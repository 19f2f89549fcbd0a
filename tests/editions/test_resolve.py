"""Editions on a base: chains, overlay operations, role bindings, and their positioned errors."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.checks.pipeline import Checked, check_edition
from generator.content.item_hash import short_hash
from generator.content.project import Layout
from generator.editions.resolve import Gap
from generator.errors import Diagnostic, Severity
from generator.models import Contact

LOCAL_CONTACT = """\
      id: local-front-door
      name: Local front door
      channels:
        - {type: phone, value: 020 7946 0001}
      when_to_use: Refer a concern.
      urgency: same-day
      area: Localshire
      fulfils: [front-door]
      source: {source: kcsie-2025, where: Part 1}
      verified: 2026-11-24
"""


def write(project: Layout, relative: str, text: str) -> Path:
    path = project.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


LOCAL_GAP = "gaps:\n  front-door: Not published locally.\n"


def edition(
    project: Layout, edition_id: str, base: str | None = "national", extra: str = LOCAL_GAP
) -> None:
    base_line = f"base: {base}\n" if base else ""
    write(
        project,
        f"site_config/editions/{edition_id}/edition.yaml",
        f"id: {edition_id}\nname: {edition_id} edition\nauthority: Test\n{base_line}{extra}",
    )


def local(project: Layout, edition_id: str = "local") -> Checked:
    return check_edition(project, edition_id)


def problems(checked: Checked) -> list[tuple[str, str, str, int]]:
    return [
        (d.code, d.path.name, d.key_path, d.position.line)
        for d in checked.diagnostics
        if d.severity is Severity.ERROR
    ]


def test_an_edition_inherits_everything_from_its_base(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    checked = local(minimal_project)
    assert checked.edition is not None, [d.format() for d in checked.diagnostics]
    assert checked.edition.chain == ("local", "national")
    assert set(checked.edition.content.trees) == {"police"}
    gap = checked.edition.resolve_contact("front-door")
    assert isinstance(gap, Gap) and gap.note == "Not published locally."


def test_the_national_gaps_are_slots_a_new_edition_must_fill(minimal_project: Layout) -> None:
    edition(minimal_project, "local", extra="")
    assert problems(local(minimal_project)) == [("unbound-role", "edition.yaml", "bindings", 1)]


def test_added_contact_bound_to_a_role_fills_the_base_gap(minimal_project: Layout) -> None:
    edition(minimal_project, "local", extra="bindings:\n  front-door: local-front-door\n")
    write(
        minimal_project,
        "site_config/editions/local/content/contacts.yaml",
        "contacts:\n  - add:\n" + LOCAL_CONTACT,
    )
    checked = local(minimal_project)
    assert checked.edition is not None, [d.format() for d in checked.diagnostics]
    resolved = checked.edition.resolve_contact("front-door")
    assert isinstance(resolved, Contact) and resolved.id == "local-front-door"
    national = check_edition(minimal_project, "national").edition
    assert national is not None and "local-front-door" not in national.content.contacts


def test_three_levels_resolve_leaf_first(minimal_project: Layout) -> None:
    edition(minimal_project, "county", extra="bindings:\n  front-door: local-front-door\n")
    write(
        minimal_project,
        "site_config/editions/county/content/contacts.yaml",
        "contacts:\n  - add:\n" + LOCAL_CONTACT,
    )
    edition(
        minimal_project,
        "school",
        base="county",
        extra="gaps:\n  front-door: The school has its own arrangement.\n",
    )
    checked = check_edition(minimal_project, "school")
    assert checked.edition is not None, [d.format() for d in checked.diagnostics]
    assert checked.edition.chain == ("school", "county", "national")
    assert isinstance(checked.edition.resolve_contact("front-door"), Gap)
    assert "local-front-door" in checked.edition.content.contacts


def test_a_cycle_of_bases_is_a_positioned_error(minimal_project: Layout) -> None:
    edition(minimal_project, "a", base="b")
    edition(minimal_project, "b", base="a")
    checked = check_edition(minimal_project, "a")
    assert checked.edition is None
    [found] = [d for d in checked.diagnostics if d.code == "base-cycle"]
    assert (found.path.parent.name, found.key_path, found.position.line) == ("b", "base", 4)
    assert "a -> b -> a" in found.message


def test_an_unknown_base_suggests_the_nearest(minimal_project: Layout) -> None:
    edition(minimal_project, "local", base="nationl")
    assert problems(local(minimal_project)) == [("unknown-reference", "edition.yaml", "base", 4)]
    assert "did you mean 'national'" in local(minimal_project).diagnostics[0].message


def test_replace_and_remove_need_a_base_item(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    write(
        minimal_project,
        "site_config/editions/local/content/sections/respondng.yaml",
        "remove: respondng\n",
    )
    write(
        minimal_project,
        "site_config/editions/local/content/contacts.yaml",
        "contacts:\n  - add:\n" + LOCAL_CONTACT.replace("local-front-door", "childline"),
    )
    found = problems(local(minimal_project))
    assert ("unknown-reference", "respondng.yaml", "remove", 1) in found
    assert ("duplicate-id", "contacts.yaml", "contacts[0].add.id", 3) in found


def test_two_operations_on_one_id_conflict(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    write(
        minimal_project,
        "site_config/editions/local/content/contacts.yaml",
        "contacts:\n  - remove: childline\n  - remove: childline\n",
    )
    assert problems(local(minimal_project)) == [
        ("conflicting-operations", "contacts.yaml", "contacts[1]", 3)
    ]


def test_an_operation_must_be_exactly_one_of_add_replace_remove(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    write(
        minimal_project,
        "site_config/editions/local/content/sections/responding.yaml",
        "remove: responding\nadd: {id: responding}\n",
    )
    [found] = local(minimal_project).diagnostics
    assert found.code == "overlay-operation"
    assert "exactly one of add, replace, remove" in found.message


def test_replace_without_base_hash_is_refused(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    text = (minimal_project.root / "content/sections/responding.yaml").read_text()
    indented = "".join(f"  {line}\n" for line in text.splitlines())
    write(
        minimal_project,
        "site_config/editions/local/content/sections/responding.yaml",
        "replace:\n" + indented,
    )
    [found] = local(minimal_project).diagnostics
    assert (found.code, found.position.line) == ("overlay-operation", 1)
    assert "expected base_hash" in found.message


def test_removing_a_section_that_a_tree_links_to_is_caught(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    write(
        minimal_project,
        "site_config/editions/local/content/sections/responding.yaml",
        "remove: responding\n",
    )
    found = problems(local(minimal_project))
    assert ("unknown-reference", "police.yaml", "nodes[4].sections[0]", 39) in found


def test_a_stray_file_in_an_edition_folder_is_an_error(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    write(minimal_project, "site_config/editions/local/notes.txt", "hello")
    write(minimal_project, "site_config/editions/local/assets/logo.svg", "<svg/>")
    assert problems(local(minimal_project)) == [("unexpected-file", "notes.txt", "-", 1)]


def test_file_name_must_match_the_id_it_changes(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    write(
        minimal_project,
        "site_config/editions/local/content/sections/other.yaml",
        "remove: responding\n",
    )
    assert ("id-mismatch", "other.yaml", "remove", 1) in problems(local(minimal_project))


def hash_of_base_section(project: Layout) -> str:
    national = check_edition(project, "national").edition
    assert national is not None
    return short_hash(national.content.sections["responding"].item)


def replace_section(project: Layout, base_hash: str, summary: str) -> None:
    text = (project.root / "content/sections/responding.yaml").read_text()
    text = text.replace(
        "summary: Listen, reassure, record and tell the DSL straight away.", f"summary: {summary}"
    )
    indented = "".join(f"  {line}\n" for line in text.splitlines())
    write(
        project,
        "site_config/editions/local/content/sections/responding.yaml",
        f"base_hash: {base_hash}\nreplace:\n{indented}",
    )


def test_a_replace_made_against_the_current_base_has_no_drift(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    replace_section(minimal_project, hash_of_base_section(minimal_project), "Local summary.")
    checked = local(minimal_project)
    assert checked.diagnostics == []
    assert checked.edition is not None
    assert checked.edition.content.sections["responding"].item.summary == "Local summary."


@pytest.fixture
def drifted(minimal_project: Layout) -> Diagnostic:
    edition(minimal_project, "local")
    replace_section(minimal_project, hash_of_base_section(minimal_project), "Local summary.")
    base = minimal_project.root / "content/sections/responding.yaml"
    base.write_text(base.read_text().replace("straight away.", "at once."), encoding="utf-8")
    [found] = local(minimal_project).diagnostics
    return found


def test_when_the_base_moves_on_check_warns_with_both_texts(drifted: Diagnostic) -> None:
    assert (drifted.code, drifted.severity, drifted.key_path) == (
        "drift",
        Severity.WARNING,
        "base_hash",
    )
    assert drifted.position.line == 1
    assert "base now" in drifted.detail and "at once." in drifted.detail
    assert "local's replacement (" in drifted.detail
    assert "+summary: Local summary." in drifted.detail
    assert "Local summary." in drifted.detail


def git(project: Layout, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(project.root), *args],
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_drift_shows_the_old_base_from_git_history_as_a_diff(minimal_project: Layout) -> None:
    git(minimal_project, "init", "-q")
    edition(minimal_project, "local")
    replace_section(minimal_project, hash_of_base_section(minimal_project), "Local summary.")
    git(minimal_project, "add", "-A")
    git(minimal_project, "commit", "-q", "-m", "local edition")
    base = minimal_project.root / "content/sections/responding.yaml"
    base.write_text(base.read_text().replace("straight away.", "at once."), encoding="utf-8")
    [found] = local(minimal_project).diagnostics
    assert found.code == "drift"
    assert "-summary: Listen, reassure, record and tell the DSL straight away." in found.detail
    assert "+summary: Listen, reassure, record and tell the DSL at once." in found.detail
