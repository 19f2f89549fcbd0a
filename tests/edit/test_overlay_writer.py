"""Round-trip writes keep comments and key order, never write what the loader refuses,
and can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.loader import load_document
from generator.edit.overlay_writer import (
    Transaction,
    Unwritable,
    append_patch,
    append_to_list,
    set_roles,
    set_settings,
    transaction,
)
from tests.conftest import REPO

SCHOOL = REPO / "site_config" / "editions" / "example-school"


@pytest.fixture
def school(tmp_path: Path) -> Path:
    folder = tmp_path / "example-school"
    import shutil

    shutil.copytree(SCHOOL, folder)
    return folder


@pytest.mark.parametrize(
    "relative",
    [
        "edition.yaml",
        "content/contacts.yaml",
        "content/sources.yaml",
        "flowcharts/concerns-about-a-child.yaml",
    ],
)
def test_loading_and_writing_the_example_school_files_changes_nothing(
    school: Path, relative: str
) -> None:
    before = (school / relative).read_text(encoding="utf-8")
    t = Transaction(school)
    t.write_data(relative, t.load(relative))
    assert (school / relative).read_text(encoding="utf-8") == before


def test_an_added_contact_keeps_the_files_comments_and_order(school: Path) -> None:
    path = school / "content" / "contacts.yaml"
    before = path.read_text(encoding="utf-8")
    t = Transaction(school)
    contact = {
        "id": "hollyfield-office",
        "name": "School office (fictional)",
        "channels": [{"type": "phone", "value": "020 7946 0199"}],
        "when_to_use": "Line one\nLine two",
        "urgency": "advice",
        "area": "Hollyfield",
        "description": "",
    }
    index = append_to_list(t, "content/contacts.yaml", "contacts", {"add": contact}, "x")
    after = path.read_text(encoding="utf-8")
    assert index == 3
    assert after.startswith(before)  # every earlier line, comments included, unchanged
    added = after[len(before) :]
    assert added.index("id: hollyfield-office") < added.index("name:") < added.index("urgency:")
    assert "description" not in added  # empty fields are left out
    assert "when_to_use: |\n        Line one\n        Line two\n" in added


def test_settings_and_roles_are_set_in_place(school: Path) -> None:
    t = Transaction(school)
    set_settings(t, {"name": "Hollyfield (renamed)", "example": True})
    set_roles(t, {"lado": "hollyfield-dsl"}, {"mental-health-lead": "Not published."})
    text = (school / "edition.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/edition.schema")
    assert "# A fictional Essex primary school's edition" in text
    assert "name: Hollyfield (renamed)\n" in text
    assert "  lado: hollyfield-dsl\n" in text
    assert "  mental-health-lead: hollyfield-mental-health-lead" not in text  # moved to gaps
    assert "gaps:\n  mental-health-lead: Not published.\n" in text


def test_a_patch_is_appended_to_an_existing_tree_overlay_with_its_hash(school: Path) -> None:
    t = Transaction(school)
    index = append_patch(
        t, "concerns-about-a-child", {"node": "talk-to-dsl", "set": {"text": "New"}}, "00000000"
    )
    text = (school / "flowcharts" / "concerns-about-a-child.yaml").read_text(encoding="utf-8")
    assert index == 1
    assert 'base_hash: "b19e2aad"' in text  # the recorded hash is kept, quotes included
    assert "# Hollyfield's own on-site step" in text


def test_a_new_tree_overlay_starts_with_its_schema_line_and_the_base_hash(school: Path) -> None:
    t = Transaction(school)
    append_patch(t, "missing-child", {"node": "a", "set": {"text": "b"}}, "1234abcd")
    text = (school / "flowcharts" / "missing-child.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0].endswith("../../../../schemas/overlay-tree.schema.json")
    assert "base_hash: 1234abcd\npatch:\n  - node: a\n" in text
    assert not isinstance(load_document(school / "flowcharts" / "missing-child.yaml"), Exception)


def test_text_the_loader_refuses_is_never_written(school: Path) -> None:
    path = school / "content" / "sources.yaml"
    before = path.read_bytes()
    t = Transaction(school)
    with pytest.raises(Unwritable) as refused:
        t.write("content/sources.yaml", "sources:\n  - add: {id: x\n")
    assert refused.value.diagnostic.path == path
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_undo_restores_changed_files_and_removes_new_ones(school: Path) -> None:
    before = (school / "edition.yaml").read_bytes()
    with pytest.raises(RuntimeError), transaction(school) as t:
        set_settings(t, {"name": "Changed"})
        append_patch(t, "missing-child", {"node": "a", "set": {"text": "b"}}, "1234abcd")
        raise RuntimeError
    assert (school / "edition.yaml").read_bytes() == before
    assert not (school / "flowcharts" / "missing-child.yaml").exists()
