"""Ofcom's drama-range numbers: accepted only in an edition marked ``example: true``."""

from __future__ import annotations

from pathlib import Path

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.errors import Diagnostic

REFUSAL = (
    "expected a real number, got {number}, a fictional number from Ofcom's drama range "
    "(allowed only in an edition marked example: true)"
)

LOCAL_CONTACT = """\
contacts:
  - add:
      id: local-front-door
      name: Local front door
      channels:
        - {type: phone, value: 01632 960123}
      when_to_use: Refer a concern.
      urgency: same-day
      area: Localshire
      fulfils: [front-door]
      source: {source: kcsie-2025, where: Part 1}
      verified: 2026-11-24
"""


def _edition(project: Layout, edition_id: str, base: str, extra: str = "") -> Path:
    folder = project.editions_dir / edition_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.yaml").write_text(
        f"id: {edition_id}\nname: {edition_id} edition\nauthority: Test\nbase: {base}\n"
        f"bindings:\n  front-door: local-front-door\n{extra}",
        encoding="utf-8",
    )
    return folder


def _local_with_drama_number(project: Layout, extra: str = "") -> Path:
    folder = _edition(project, "local", "national", extra)
    (folder / "content").mkdir()
    (folder / "content" / "contacts.yaml").write_text(LOCAL_CONTACT, encoding="utf-8")
    return folder


def _fictional(found: list[Diagnostic]) -> list[str]:
    return [d.format(relative_to=d.path.parent) for d in found if d.code == "fictional-number"]


def test_refused_in_national_content_at_the_value(minimal_project: Layout) -> None:
    contacts = minimal_project.contacts_file
    contacts.write_text(contacts.read_text().replace("value: 0800 1111", "value: 020 7946 0999"))
    found = check_edition(minimal_project, "national").diagnostics
    assert _fictional(found) == [
        "contacts.yaml:25:16: error: contacts[1].channels[0].value: "
        + REFUSAL.format(number="020 7946 0999")
        + " (fictional-number)"
    ]


def test_refused_in_a_local_edition(minimal_project: Layout) -> None:
    _local_with_drama_number(minimal_project)
    found = check_edition(minimal_project, "local").diagnostics
    assert _fictional(found) == [
        "contacts.yaml:6:32: error: contacts[0].add.channels[0].value: "
        + REFUSAL.format(number="01632 960123")
        + " (fictional-number)"
    ]


def test_accepted_in_an_example_edition(minimal_project: Layout) -> None:
    _local_with_drama_number(minimal_project, extra="example: true\n")
    checked = check_edition(minimal_project, "local")
    assert checked.diagnostics == [], [d.format() for d in checked.diagnostics]


def test_refused_when_a_non_example_edition_inherits_it(minimal_project: Layout) -> None:
    _local_with_drama_number(minimal_project, extra="example: true\n")
    _edition(minimal_project, "child", "local")
    found = check_edition(minimal_project, "child").diagnostics
    assert len(_fictional(found)) == 1
    assert found[0].path.parts[-4:] == ("editions", "local", "content", "contacts.yaml")


def test_a_drama_number_in_text_is_refused(minimal_project: Layout) -> None:
    section = minimal_project.sections_dir / "responding.yaml"
    text = section.read_text()
    section.write_text(text.replace("summary: ", "summary: Call 0113 496 0500 first. ", 1))
    found = check_edition(minimal_project, "national").diagnostics
    assert [(d.key_path, d.message) for d in found if d.code == "fictional-number"] == [
        ("summary", REFUSAL.format(number="0113 496 0500"))
    ]
