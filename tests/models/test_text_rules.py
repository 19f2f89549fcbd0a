"""What content text may contain."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic_core import PydanticCustomError

from generator.models.text_rules import (
    check_colour,
    check_email,
    check_id,
    check_single_line,
    check_text,
    check_url,
)


def code_of(check: Callable[[str], str], value: str) -> str | None:
    try:
        check(value)
    except PydanticCustomError as exc:
        return exc.type
    return None


@pytest.mark.parametrize(
    "value",
    [
        "Call **999** now",
        "a < b and c > d",
        "Ages 5 to 11 & staff",
        "See [KCSIE](https://www.gov.uk/)",
        "Tab\tand newline\n are fine",
        "ünïcödé “quotes” — 中文",
    ],
)
def test_plain_text_and_markdown_pass(value: str) -> None:
    assert code_of(check_text, value) is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("<script>alert(1)</script>", "raw-html"),
        ("<img src=x onerror=alert(1)>", "raw-html"),
        ("close </div> tag", "raw-html"),
        ("a comment <!-- x -->", "raw-html"),
        ("[x](javascript:alert(1))", "script-url"),
        ("[x](JaVaScRiPt :alert(1))", "script-url"),
        ("[x](vbscript:msgbox)", "script-url"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "script-url"),
        ("bell\x07", "control-character"),
        ("escape \x1b[31m", "control-character"),
        ("right-to-left \u202e override", "control-character"),
    ],
)
def test_dangerous_text_is_refused(value: str, code: str) -> None:
    assert code_of(check_text, value) == code


@pytest.mark.parametrize(
    ("check", "good", "bad", "code"),
    [
        (check_id, "front-door", "Front_Door", "invalid-id"),
        (check_id, "lado-2", "-lado", "invalid-id"),
        (check_id, "a" * 64, "a" * 65, "invalid-id"),
        (check_url, "https://www.gov.uk/x?y=1", "www.gov.uk", "invalid-url"),
        (check_url, "http://example.org", "ftp://example.org", "invalid-url"),
        (check_url, "https://example.org/a%3Cb", "http://<", "invalid-url"),
        (check_url, "https://example.org/", 'https://example.org/"onmouseover=x', "invalid-url"),
        (check_email, "help@nspcc.org.uk", "help at nspcc", "invalid-email"),
        (check_email, "a.b+c@example.org", "a@b", "invalid-email"),
        (check_colour, "#1f4e79", "blue", "invalid-colour"),
        (check_single_line, "One line", "two\nlines", "multi-line"),
    ],
)
def test_format_rules(check: Callable[[str], str], good: str, bad: str, code: str) -> None:
    assert code_of(check, good) is None
    assert code_of(check, bad) == code


def test_single_line_is_trimmed() -> None:
    assert check_single_line("  padded  \n") == "padded"
