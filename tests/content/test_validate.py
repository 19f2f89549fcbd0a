"""Pydantic errors become positioned diagnostics; every error of a file is reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.loader import Document, load_document
from generator.content.validate import validate
from generator.errors import Diagnostic
from generator.models import ContactsFile, DecisionTree, Section

Write = Callable[[str, str], Path]

SECTION = """\
id: s
title: T
audience: [all-staff]
summary: S
body:
  - text: Body
sources: [{source: kcsie-2025, where: Part 1}]
review_by: 2027-09-01
owner: DSL
"""


def problems(write: Write, text: str, model: type) -> list[Diagnostic]:
    document = load_document(write("f.yaml", text))
    assert isinstance(document, Document)
    item, found = validate(document, model)
    assert (item is None) == bool(found)
    return found


def test_valid_file_gives_a_model(write: Write) -> None:
    document = load_document(write("f.yaml", SECTION))
    assert isinstance(document, Document)
    item, found = validate(document, Section)
    assert found == []
    assert isinstance(item, Section)
    assert item.body[0].style == "text"


def test_unknown_key_is_positioned_at_the_key(write: Write) -> None:
    (problem,) = problems(write, SECTION + "colour: red\n", Section)
    assert (problem.code, problem.key_path, problem.position.line, problem.position.column) == (
        "unknown-key",
        "colour",
        10,
        1,
    )


def test_missing_key(write: Write) -> None:
    (problem,) = problems(write, SECTION.replace("owner: DSL\n", ""), Section)
    assert (problem.code, problem.key_path) == ("missing-key", "owner")


def test_wrong_type_says_expected_and_got(write: Write) -> None:
    (problem,) = problems(write, SECTION.replace("audience: [all-staff]", "audience: 3"), Section)
    assert problem.key_path == "audience"
    assert problem.position.line == 3
    assert "expected" in problem.message and "got" in problem.message


def test_invalid_choice_lists_the_choices(write: Write) -> None:
    (problem,) = problems(write, SECTION.replace("[all-staff]", "[everyone]"), Section)
    assert (problem.code, problem.key_path) == ("invalid-choice", "audience[0]")
    assert "'all-staff'" in problem.message and "everyone" in problem.message


def test_too_few_items(write: Write) -> None:
    (problem,) = problems(write, SECTION.replace("audience: [all-staff]", "audience: []"), Section)
    assert (problem.code, problem.key_path) == ("too-few", "audience")


def test_custom_codes_from_validators(write: Write) -> None:
    text = """\
contacts:
  - id: c
    name: "<b>Bold</b>"
    channels:
      - {type: phone, value: 0909 879 1000}
      - {type: email, value: not-an-email}
    when_to_use: W
    urgency: advice
    area: England
    source: {source: kcsie-2025, where: A}
    verified: 2026-11-24
"""
    found = problems(write, text, ContactsFile)
    assert [(d.code, d.key_path, d.position.line) for d in found] == [
        ("raw-html", "contacts[0].name", 3),
        ("invalid-phone", "contacts[0].channels[0].value", 5),
        ("invalid-email", "contacts[0].channels[1].value", 6),
    ]


def test_every_error_in_a_file_is_reported_in_one_run(write: Write) -> None:
    text = """\
id: Bad Id
title: T
summary: S
sources: []
start: a
nodes:
  - id: a
    kind: decision
    text: Q
"""
    found = problems(write, text, DecisionTree)
    assert len(found) == 3
    assert {d.key_path for d in found} == {"id", "sources", "nodes[0].kind"}
