"""UK phone numbers: validation, display form and ``tel:`` link, via ``phonenumbers``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo

REGION = "GB"
_ALLOWED_CHARACTERS = re.compile(r"^\+?[0-9 ()-]+$")
_REJECTED_TYPES = {
    PhoneNumberType.PREMIUM_RATE: "a premium-rate number",
    PhoneNumberType.SHARED_COST: None,  # 0845/0870 style numbers are common for councils
}


class PhoneError(ValueError):
    """A number that cannot be published; the message says why."""


@dataclass(frozen=True)
class Phone:
    """A validated number: how to show it and how to link it."""

    display: str
    tel: str
    short_code: bool
    fictional: bool = False
    """In one of Ofcom's drama ranges: allowed only in an edition marked ``example: true``."""


OFCOM_DRAMA_PAGE = (
    "https://www.ofcom.org.uk/phones-telecoms-and-internet/information-for-industry/"
    "numbering/numbers-for-drama"
)
DRAMA_RANGES: tuple[tuple[str, str], ...] = (
    ("01632960000", "01632960999"),  # no area
    ("02079460000", "02079460999"),  # London
    ("01134960000", "01134960999"),  # Leeds
    ("01144960000", "01144960999"),  # Sheffield
    ("01154960000", "01154960999"),  # Nottingham
    ("01164960000", "01164960999"),  # Leicester
    ("01174960000", "01174960999"),  # Bristol
    ("01184960000", "01184960999"),  # Reading
    ("01214960000", "01214960999"),  # Birmingham
    ("01314960000", "01314960999"),  # Edinburgh
    ("01414960000", "01414960999"),  # Glasgow
    ("01514960000", "01514960999"),  # Liverpool
    ("01614960000", "01614960999"),  # Manchester
    ("01914980000", "01914980999"),  # Tyneside, Durham, Sunderland
    ("02896496000", "02896496999"),  # Northern Ireland
    ("02920180000", "02920180999"),  # Cardiff
    ("07700900000", "07700900999"),  # mobile
    ("08081570000", "08081570999"),  # freephone
    ("09098790000", "09098790999"),  # premium rate
    ("03069990000", "03069990999"),  # UK-wide
)
"""Ofcom's numbers for TV and radio drama, first and last of each range, as dialled in the
UK: never allocated to a line, so a fictional edition can print them safely. The list is
Ofcom's "Telephone numbers for TV and radio drama" (:data:`OFCOM_DRAMA_PAGE`)."""


def is_drama_number(national: str) -> bool:
    """True when ``national`` (the digits dialled in the UK, with the leading 0) lies in one
    of Ofcom's drama ranges (:data:`DRAMA_RANGES`)."""
    return any(
        len(national) == len(first) and first <= national <= last for first, last in DRAMA_RANGES
    )


def _national_digits(number: phonenumbers.PhoneNumber) -> str | None:
    """The UK number as dialled in the UK (0 and the national number), or None if not UK."""
    if number.country_code != 44:
        return None
    return f"0{number.national_number}"


def _short_code_display(digits: str) -> str:
    if digits.startswith("116") and len(digits) == 6:
        return f"116 {digits[3:]}"
    return digits


RELAY_PREFIXES = ("18000", "18001")


@functools.lru_cache(maxsize=4096)  # a build formats the same few numbers many times
def parse_phone(text: str) -> Phone:
    """Parse a UK number, short code or Relay UK number; raise :class:`PhoneError` if invalid.

    Relay UK numbers are a prefix (18000 for emergencies, 18001 otherwise)
    followed by the number dialled: ``18001 0345 603 7627``.
    """
    compact = re.sub(r"[^0-9]", "", text)
    for prefix in RELAY_PREFIXES:
        if (
            compact.startswith(prefix)
            and len(compact) > len(prefix)
            and text.strip().startswith(prefix)
        ):
            rest = text.strip()[len(prefix) :]
            target = _parse_plain(rest)
            national = re.sub(r"[^0-9]", "", target.display)
            return Phone(
                f"{prefix} {target.display}",
                f"tel:{prefix}{national}",
                short_code=False,
                fictional=target.fictional,
            )
    return _parse_plain(text)


def _parse_plain(text: str) -> Phone:
    written = text.strip()
    if re.search(r"[^\W\d_]", written):
        raise PhoneError(
            f"expected a phone number in digits, got {text!r}, which is not a number "
            "(it has letters: write the digits they stand for)"
        )
    if not _ALLOWED_CHARACTERS.match(written):
        raise PhoneError(f"expected digits, spaces and an optional leading +, got {text!r}")
    digits = re.sub(r"[^0-9+]", "", text)
    if digits.startswith("00"):
        plus = f"+{digits[2:]}"
        if _is_valid(plus):
            plus = phonenumbers.format_number(
                phonenumbers.parse(plus), PhoneNumberFormat.INTERNATIONAL
            )
        raise PhoneError(
            f"expected a UK number, or a number abroad written with + and its country code, "
            f"got {text!r}, not a UK number (write {plus}, with + for 00)"
        )
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        raise PhoneError(f"expected a phone number, got {text!r}, which is not a number") from None
    national = _national_digits(number)
    if national is not None and is_drama_number(national):
        display = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        return Phone(display, f"tel:{e164}", short_code=False, fictional=True)
    if not digits.startswith(("+", "0")) and shortnumberinfo.is_valid_short_number_for_region(
        number, REGION
    ):
        return Phone(_short_code_display(digits), f"tel:{digits}", short_code=True)
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(_why_invalid(text, digits, number))
    kind = phonenumbers.number_type(number)
    if _REJECTED_TYPES.get(kind):
        raise PhoneError(
            f"expected a number callers can afford, got {text!r}, {_REJECTED_TYPES[kind]} "
            "(callers pay a high rate)"
        )
    is_uk = phonenumbers.region_code_for_number(number) == REGION
    display = phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if is_uk else PhoneNumberFormat.INTERNATIONAL
    )
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Phone(display, f"tel:{e164}", short_code=False)


_ELEVEN_DIGIT_PREFIXES = ("02", "03", "07", "09")
"""UK numbers starting so always have 11 digits, counting the 0 (01 and 08 may have 10)."""


def _is_valid(digits: str) -> bool:
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return False
    national = _national_digits(number)
    return phonenumbers.is_valid_number(number) or (
        national is not None and is_drama_number(national)
    )


def _why_invalid(text: str, digits: str, number: phonenumbers.PhoneNumber) -> str:
    """Why ``number`` cannot be published: too short, too long, not a UK number, not in use."""
    count = len(digits.lstrip("+"))
    if not digits.startswith(("+", "0")):
        if _is_valid(f"+{digits}"):
            abroad = phonenumbers.format_number(
                phonenumbers.parse(f"+{digits}"), PhoneNumberFormat.INTERNATIONAL
            )
            return (
                f"expected a UK number starting with 0, or a number abroad written with + and its "
                f"country code, got {text!r}, not a UK number (a number abroad written without +:"
                f" {abroad}?)"
            )
        return (
            f"expected a UK number starting with 0 or a short code such as 999, 101 or 116 123, "
            f"got {text!r}, which is neither ({count} digits)"
        )
    if number.country_code != 44:
        region = phonenumbers.region_code_for_country_code(number.country_code or 0)
        return (
            f"expected a valid number, got {text!r}, not a UK number and not a valid number "
            f"for its country code +{number.country_code} ({region})"
        )
    national = _national_digits(number) or digits
    length = len(national)
    reason = phonenumbers.is_possible_number_with_reason(number)
    short = length < 10 or (length == 10 and national.startswith(_ELEVEN_DIGIT_PREFIXES))
    short = short or (length < 11 and any(_is_valid(national + d) for d in "0123456789"))
    if short or reason == phonenumbers.ValidationResult.TOO_SHORT:
        return (
            f"expected a UK number of 10 or 11 digits counting the 0, got {text!r}, which is too "
            f"short ({length} digits"
            + (
                f"; numbers starting {national[:2]} have 11)"
                if national.startswith(_ELEVEN_DIGIT_PREFIXES)
                else ")"
            )
        )
    if length > 11 or reason == phonenumbers.ValidationResult.TOO_LONG:
        return (
            f"expected a UK number of 10 or 11 digits counting the 0, got {text!r}, which is too "
            f"long ({length} digits)"
        )
    return (
        f"expected a UK number in a range in use, got {text!r}, which no UK line can have "
        f"({length} digits: the length is right, the code is not)"
    )
