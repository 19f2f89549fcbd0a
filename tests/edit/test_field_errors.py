"""Check diagnostics beside the form field that caused them, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.edit.field_errors import Entry, place, plain_words
from generator.errors import Diagnostic, Position, Severity
from generator.models.phones import PhoneError, parse_phone

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
        "expected a UK number of 10 or 11 digits counting the 0, got '0123', which is too "
        "short (4 digits)",
        "invalid-phone",
    )
    source = _at("contacts[2].add.source.source", "expected a source, got 'x'", "unknown-reference")
    other_entry = _at("contacts[0].add.name", "expected text, got nothing", "missing-key")
    other_file = _at("bindings", "expected role 'lado' ...", "placeholder", Path("/p/e.yaml"))
    placed = place([phone, source, other_entry, other_file], [ENTRY], Path("/p"))
    assert list(placed.by_field) == ["phone", "source"]
    problem = placed.by_field["phone"][0]
    assert problem.words.startswith("This phone number is too short: it has 4 digits")
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
    url = _at("x", "expected an https:// address, got 'www'", "invalid-url")
    assert "https://" in plain_words(url, "Web address")


def _refusal(number: str) -> str:
    with pytest.raises(PhoneError) as refused:
        parse_phone(number)
    return str(refused.value)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (
            "0800 111",
            "This phone number is too short: it has 7 digits, and a UK number has 10 or 11 "
            "digits, counting the 0 at the start. Copy it again from the source.",
        ),
        (
            "07700 90012",
            "This phone number is too short: it has 10 digits, and a UK number has 10 or 11 "
            "digits, counting the 0 at the start (one starting 07 has 11). Copy it again from "
            "the source.",
        ),
        (
            "0161 123 45678",
            "This phone number is too long: it has 12 digits, and a UK number has 10 or 11 "
            "digits, counting the 0 at the start. Copy it again from the source.",
        ),
        (
            "0909 879 1000",
            "This is a premium-rate number: callers pay a high rate to ring it, so the "
            "guidance cannot print it. Use the service's ordinary number (one starting 01, 02, "
            "03 or 0800).",
        ),
        (
            "0033 1 23 45 67 89",
            "This is not a UK number. A number abroad is written with + and its country code "
            "(perhaps +33 1 23 45 67 89).",
        ),
        (
            "33 1 23 45 67 89",
            "This is not a UK number. A number abroad is written with + and its country code "
            "(perhaps +33 1 23 45 67 89).",
        ),
        (
            "+33 1 23",
            "This is not a UK number, and not a valid number for its country code +33. "
            "Copy it again from the source.",
        ),
        (
            "12345",
            "This is not a UK number: a UK number starts with 0 (a number abroad with + and "
            "its country code), and a short code is one such as 999, 101 or 116 123. Copy it "
            "again from the source.",
        ),
        (
            "0800 CHILDLINE",
            "Write the phone number in digits: letters (as in 0800 CHILDLINE) stand for digits.",
        ),
    ],
)
def test_each_phone_refusal_is_said_in_plain_words(number: str, words: str) -> None:
    """The model's reason (too short, too long, premium rate, not a UK number...) becomes
    a sentence beside the phone field, without the technical wording."""
    refusal = _at("contacts[2].add.channels[0].value", _refusal(number), "invalid-phone")
    placed = place([refusal], [ENTRY], Path("/p"))
    assert [p.words for p in placed.by_field["phone"]] == [words]
    assert "expected" not in words


def test_a_fictional_number_outside_an_example_edition_is_explained_beside_the_phone() -> None:
    refusal = _at(
        "contacts[2].add.channels[0].value",
        "expected a real number, got 01632 960123, a fictional number from Ofcom's drama range "
        "(allowed only in an edition marked example: true)",
        "fictional-number",
    )
    placed = place([refusal], [ENTRY], Path("/p"))
    words = placed.by_field["phone"][0].words
    assert words.startswith("01632 960123 is a fictional number from Ofcom's drama range")
    assert "only an example or training edition may print it" in words
    assert "Use the real number from the source" in words
