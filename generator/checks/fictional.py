"""Fictional numbers: Ofcom's drama ranges are allowed only in an edition marked
``example: true``.

The models accept a drama-range number (it is a well-formed UK number); only the resolved
edition knows whether it is an example, so the refusal lives here and covers every
contact the edition publishes, its own or inherited, and any number written in text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from generator.checks.leaf_values import leaf_values
from generator.content.collect import Located
from generator.content.loader import KeyPath
from generator.editions.resolve import ResolvedEdition
from generator.errors import Diagnostic
from generator.models import ContentModel
from generator.models.contact import PHONE_CHANNELS, Channel
from generator.models.phones import PhoneError, is_drama_number, parse_phone

_WRITTEN_NUMBER = re.compile(r"(?<![\w.:/@])\+?\(?\d[\d ()-]{8,}\d(?![\w/@])")
"""A run of digits, spaces, brackets and dashes long enough to be a UK number."""


def _refusal(written: str) -> str:
    return (
        f"expected a real number, got {written}, a fictional number from Ofcom's drama range "
        "(allowed only in an edition marked example: true)"
    )


def _drama_in_text(text: str) -> list[str]:
    """The drama-range numbers written in ``text``, as written."""
    found = []
    for match in _WRITTEN_NUMBER.finditer(text):
        written = match.group(0).strip("( -")
        digits = re.sub(r"\D", "", written)
        if written.startswith("+44"):
            digits = "0" + digits[2:]
        if is_drama_number(digits):
            found.append(written)
    return found


def _fictional_in(located: Located[ContentModel]) -> Iterator[tuple[KeyPath, str]]:
    for path, value in leaf_values(located.item):
        if not isinstance(value, str):
            continue
        if path and path[-1] == "value" and _is_phone_channel(located.item, path[:-1]):
            try:
                if parse_phone(value).fictional:
                    yield path, value
            except PhoneError:
                pass  # reported by the model
            continue
        for written in _drama_in_text(value):
            yield path, written


def _is_phone_channel(item: object, path: KeyPath) -> bool:
    for part in path:
        item = item[part] if isinstance(part, int) else getattr(item, part, None)  # type: ignore[index]
    return isinstance(item, Channel) and item.type in PHONE_CHANNELS


def check_fictional_numbers(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """A drama-range number anywhere in a non-example edition is an error at the value."""
    if edition.edition.item.example:
        return []
    content = edition.content
    problems = []
    for group in (
        content.contacts,
        content.sections,
        content.trees,
        content.scenarios,
        content.roles,
    ):
        for located in group.values():
            for path, written in _fictional_in(located):
                problems.append(located.diagnostic(path, _refusal(written), "fictional-number"))
    for layer in edition.layers or (edition.edition,):
        for path, written in _fictional_in(layer):
            problems.append(layer.diagnostic(path, _refusal(written), "fictional-number"))
    return problems
