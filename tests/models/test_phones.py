"""UK phone numbers, short codes and Relay UK: display form, tel: link, rejects."""

from __future__ import annotations

import contextlib
import re

import pytest

from generator.models.phones import DRAMA_RANGES, PhoneError, parse_phone


@pytest.mark.parametrize(
    ("raw", "display", "tel"),
    [
        ("0808 800 5000", "0808 800 5000", "tel:+448088005000"),
        ("08088005000", "0808 800 5000", "tel:+448088005000"),
        ("0800 1111", "0800 1111", "tel:+448001111"),
        ("0344 381 4772", "0344 381 4772", "tel:+443443814772"),
        ("0345 603 7627", "0345 603 7627", "tel:+443456037627"),
        ("01905 768020", "01905 768020", "tel:+441905768020"),
        ("+44 20 7946 0000", "020 7946 0000", "tel:+442079460000"),
    ],
)
def test_uk_numbers_are_shown_the_uk_way_and_linked_in_full(
    raw: str, display: str, tel: str
) -> None:
    phone = parse_phone(raw)
    assert (phone.display, phone.tel, phone.short_code) == (display, tel, False)


@pytest.mark.parametrize(
    ("raw", "display", "tel"),
    [("999", "999", "tel:999"), ("101", "101", "tel:101"), ("116 123", "116 123", "tel:116123")],
)
def test_short_codes(raw: str, display: str, tel: str) -> None:
    phone = parse_phone(raw)
    assert (phone.display, phone.tel, phone.short_code) == (display, tel, True)


def test_relay_uk_prefix_is_kept_in_display_and_link() -> None:
    phone = parse_phone("18001 0345 603 7627")
    assert phone.display == "18001 0345 603 7627"
    assert phone.tel == "tel:180010345 6037627".replace(" ", "")


def test_a_number_abroad_is_shown_in_international_form() -> None:
    phone = parse_phone("+1 202 555 0100")
    assert (phone.display, phone.tel) == ("+1 202-555-0100", "tel:+12025550100")


@pytest.mark.parametrize("raw", ["0909 879 1000", "not a number", "12", "0808 800 500", "999x"])
def test_unpublishable_numbers_are_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(PhoneError) as raised:
        parse_phone(raw)
    assert str(raised.value)
    assert "expected" in str(raised.value)


@pytest.mark.parametrize(("first", "last"), DRAMA_RANGES)
def test_every_drama_range_parses_as_fictional_from_first_to_last(first: str, last: str) -> None:
    for digits in (first, last):
        phone = parse_phone(digits)
        assert phone.fictional, digits
        assert re.sub(r"\D", "", phone.display) == digits
        assert " " in phone.display  # grouped the UK way
        assert phone.tel == f"tel:+44{digits[1:]}"


@pytest.mark.parametrize(("first", "last"), DRAMA_RANGES)
def test_the_numbers_either_side_of_a_drama_range_are_not_fictional(first: str, last: str) -> None:
    for outside in (int(first) - 1, int(last) + 1):
        digits = f"0{outside}"
        with contextlib.suppress(PhoneError):  # refused: not a drama number either
            assert not parse_phone(digits).fictional, digits


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("01632 960123", "01632 960123"),  # phonenumbers calls it invalid
        ("020 7946 0123", "020 7946 0123"),  # phonenumbers calls it valid
        ("+44 7700 900999", "07700 900999"),
        ("18001 01632 960001", "18001 01632 960001"),
    ],
)
def test_drama_numbers_are_marked_fictional_with_a_uk_display(raw: str, display: str) -> None:
    phone = parse_phone(raw)
    assert (phone.display, phone.fictional) == (display, True)


@pytest.mark.parametrize("raw", ["01632 959999", "01632 961000"])
def test_the_01632_range_edges_are_refused(raw: str) -> None:
    with pytest.raises(PhoneError):
        parse_phone(raw)


def test_real_numbers_are_not_fictional() -> None:
    assert not parse_phone("0808 800 5000").fictional
    assert not parse_phone("020 7946 1000").fictional


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("0800 111", "which is too short (7 digits)"),
        ("07700 90012", "which is too short (10 digits; numbers starting 07 have 11)"),
        ("0808 800 500", "which is too short (10 digits)"),
        ("0161 123 45678", "which is too long (12 digits)"),
        ("0909 879 1000", "a premium-rate number"),
        ("33 1 23 45 67 89", "not a UK number (a number abroad written without +"),
        ("0033 1 23 45 67 89", "not a UK number (write +33 1 23 45 67 89, with + for 00)"),
        ("+33 1 23", "not a UK number and not a valid number for its country code +33"),
        ("0800 CHILDLINE", "which is not a number (it has letters"),
        ("0209 123 4567", "which no UK line can have"),
        ("12", "which is neither (2 digits)"),
    ],
)
def test_every_refusal_says_why(raw: str, why: str) -> None:
    with pytest.raises(PhoneError) as raised:
        parse_phone(raw)
    message = str(raised.value)
    assert message.startswith("expected ") and f"got '{raw}'" in message
    assert why in message


def test_a_number_abroad_written_with_plus_is_still_accepted() -> None:
    assert parse_phone("+33 1 23 45 67 89").display == "+33 1 23 45 67 89"
