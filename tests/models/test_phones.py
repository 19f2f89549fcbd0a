"""UK phone numbers, short codes and Relay UK: display form, tel: link, rejects."""

from __future__ import annotations

import pytest

from generator.models.phones import PhoneError, parse_phone


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


@pytest.mark.parametrize("raw", ["0909 879 0000", "not a number", "12", "0808 800 500", "999x"])
def test_unpublishable_numbers_are_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(PhoneError) as raised:
        parse_phone(raw)
    assert str(raised.value)
    assert "expected" in str(raised.value)
