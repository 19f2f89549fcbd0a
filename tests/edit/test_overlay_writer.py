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
from generator.editions.scaffold_examples import contacts_example, sources_example
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


def test_an_entry_added_to_a_scaffold_file_of_comments_only_keeps_its_comments(
    tmp_path: Path,
) -> None:
    """`new-edition` writes commented examples (they load as None); the editor's first
    entry goes below them, and the next one below that, the comments unchanged."""
    folder = tmp_path / "north-shire"
    (folder / "content").mkdir(parents=True)
    contacts = folder / "content" / "contacts.yaml"
    sources = folder / "content" / "sources.yaml"
    contacts.write_text(contacts_example(["lado"]), encoding="utf-8")
    sources.write_text(sources_example(), encoding="utf-8")
    examples = {p: p.read_text(encoding="utf-8") for p in (contacts, sources)}

    t = Transaction(folder)
    first = {"add": {"id": "north-shire-front-door", "name": "Front door (fictional)"}}
    assert append_to_list(t, "content/contacts.yaml", "contacts", first, "overlay-contacts") == 0
    second = {"add": {"id": "north-shire-lado", "name": "LADO (fictional)"}}
    assert append_to_list(t, "content/contacts.yaml", "contacts", second, "overlay-contacts") == 1
    source = {"add": {"id": "north-shire-policy", "title": "Policy (fictional)"}}
    assert append_to_list(t, "content/sources.yaml", "sources", source, "overlay-sources") == 0

    text = contacts.read_text(encoding="utf-8")
    assert text.startswith(examples[contacts])  # every comment line, unchanged, first
    assert text[len(examples[contacts]) :] == (
        "contacts:\n"
        "  - add:\n"
        "      id: north-shire-front-door\n"
        "      name: Front door (fictional)\n"
        "  - add:\n"
        "      id: north-shire-lado\n"
        "      name: LADO (fictional)\n"
    )
    loaded = load_document(contacts)
    assert [c["add"]["id"] for c in loaded.data["contacts"]] == [
        "north-shire-front-door",
        "north-shire-lado",
    ]
    text = sources.read_text(encoding="utf-8")
    assert text.startswith(examples[sources])
    assert "\nsources:\n  - add:\n      id: north-shire-policy\n" in text
    assert "schema=" not in text  # the file existed: no $schema line is added to it


def test_a_patch_added_to_a_commented_tree_example_keeps_it(tmp_path: Path) -> None:
    folder = tmp_path / "north-shire"
    (folder / "flowcharts").mkdir(parents=True)
    path = folder / "flowcharts" / "missing-child.yaml"
    example = "## Local changes to the base tree.\n# base_hash: 1234abcd\n# patch:\n"
    path.write_text(example, encoding="utf-8")
    t = Transaction(folder)
    assert append_patch(t, "missing-child", {"node": "a", "set": {"text": "b"}}, "1234abcd") == 0
    text = path.read_text(encoding="utf-8")
    assert text == example + "base_hash: 1234abcd\npatch:\n  - node: a\n    set:\n      text: b\n"
