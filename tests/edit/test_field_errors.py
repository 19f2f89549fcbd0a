"""Check diagnostics beside the form field that caused them, in plain words."""

from __future__ import annotations

from pathlib import Path

from generator.edit.field_errors import Entry, place, plain_words
from generator.errors import Diagnostic, Position, Severity

FILE = Path("/p/site_config/editions/north/content/contacts.yaml")
ENTRY = Entry(
    FILE,
    "contacts[2].add",
    {
        "name": "name",
        "phone": "channels[0].value",
        "email": "channels[1].value",
        "source": "source.source",
    },
    {"phone": "Phone number"},
)


def _at(key_path: str, message: str, code: str, path: Path = FILE) -> Diagnostic:
    return Diagnostic(path, Position(3, 7), key_path, message, code)


def test_a_diagnostic_goes_to_the_field_whose_key_path_it_names() -> None:
    phone = _at(
        "contacts[2].add.channels[0].value",
        "expected a valid UK phone number or short code, got '0123' (4 digits)",
        "invalid-phone",
    )
    source = _at("contacts[2].add.source.source", "expected a source, got 'x'", "unknown-reference")
    other_entry = _at("contacts[0].add.name", "expected text, got nothing", "missing-key")
    other_file = _at("bindings", "expected role 'lado' ...", "placeholder", Path("/p/e.yaml"))
    placed = place([phone, source, other_entry, other_file], [ENTRY], Path("/p"))
    assert list(placed.by_field) == ["phone", "source"]
    problem = placed.by_field["phone"][0]
    assert problem.words == "This phone number is not valid: it is too short"
    assert problem.technical.startswith("site_config/editions/north/content/contacts.yaml:3:7:")
    assert problem.technical.endswith("(invalid-phone)")
    assert len(placed.general) == 2
    assert placed.first_field() == "phone"
    assert placed.blocking


def test_plain_words_name_the_field_and_say_what_to_do() -> None:
    missing = _at(
        "contacts[2].add.when_to_use", "expected key 'when_to_use', got nothing", "missing-key"
    )
    assert plain_words(missing, "When to use") == "'When to use' must be filled in."
    unbound = Diagnostic(
        FILE,
        Position(1, 1),
        "bindings",
        "expected role 'lado' to be bound ... got neither",
        "placeholder",
        Severity.WARNING,
    )
    assert "'lado'" in plain_words(unbound) and "Roles page" in plain_words(unbound)
    premium = _at(
        "x", "expected a number callers can afford, got a premium-rate number", "invalid-phone"
    )
    assert "premium-rate" in plain_words(premium)
    url = _at("x", "expected an https:// address, got 'www'", "invalid-url")
    assert "https://" in plain_words(url, "Web address")
