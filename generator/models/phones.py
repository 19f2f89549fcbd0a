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
            return Phone(f"{prefix} {target.display}", f"tel:{prefix}{national}", short_code=False)
    return _parse_plain(text)


def _parse_plain(text: str) -> Phone:
    if not _ALLOWED_CHARACTERS.match(text.strip()):
        raise PhoneError(f"expected digits, spaces and an optional leading +, got {text!r}")
    digits = re.sub(r"[^0-9+]", "", text)
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError(f"expected a UK phone number, got {text!r} ({exc})") from None
    if not digits.startswith(("+", "0")) and shortnumberinfo.is_valid_short_number_for_region(
        number, REGION
    ):
        return Phone(_short_code_display(digits), f"tel:{digits}", short_code=True)
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(
            f"expected a valid UK phone number or short code, got {text!r} "
            f"({len(re.sub(r'[^0-9]', '', digits))} digits)"
        )
    kind = phonenumbers.number_type(number)
    if _REJECTED_TYPES.get(kind):
        raise PhoneError(
            f"expected a number callers can afford, got {_REJECTED_TYPES[kind]} {text!r}"
        )
    is_uk = phonenumbers.region_code_for_number(number) == REGION
    display = phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if is_uk else PhoneNumberFormat.INTERNATIONAL
    )
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Phone(display, f"tel:{e164}", short_code=False)
