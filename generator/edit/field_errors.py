"""``check`` diagnostics placed beside the form fields that caused them, in plain words.

A form knows where its entry went: the file and the key path of the entry (for example
``contacts[3].add`` in ``content/contacts.yaml``) and, per field, the key path inside the
entry (``channels[0].value``). A diagnostic in that file whose key path starts with the
entry's goes to the field with the longest matching path; the rest are listed at the top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic, Severity

_GOT = re.compile(r"^expected (?P<expected>.+?), got (?P<got>.+)$", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """One diagnostic as the officer reads it: plain words, and the technical line."""

    words: str
    technical: str
    severity: str


@dataclass
class FieldErrors:
    """Problems by form field name, and those that belong to no field."""

    by_field: dict[str, list[Problem]] = field(default_factory=dict)
    general: list[Problem] = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        """Whether any problem is an error (warnings and notes do not block a save)."""
        problems = [*self.general, *(p for ps in self.by_field.values() for p in ps)]
        return any(p.severity == Severity.ERROR.value for p in problems)

    def first_field(self) -> str | None:
        """The name of the first field with a problem (the page focuses it)."""
        return next(iter(self.by_field), None)


@dataclass(frozen=True)
class Entry:
    """Where a form's entry was written and which key path each field fills."""

    path: Path
    prefix: str
    fields: Mapping[str, str]
    """Form field name -> key path inside the entry, e.g. ``"phone": "channels[0].value"``."""
    labels: Mapping[str, str] = field(default_factory=dict)


def _matches(key_path: str, prefix: str) -> bool:
    if not prefix:
        return True
    return key_path == prefix or key_path.startswith((prefix + ".", prefix + "["))


def _field_for(rest: str, fields: Mapping[str, str]) -> str | None:
    best, best_length = None, -1
    for name, sub in fields.items():
        if (rest == sub or rest.startswith((sub + ".", sub + "["))) and len(sub) > best_length:
            best, best_length = name, len(sub)
    return best


def field_of(diagnostic: Diagnostic, entries: Iterable[Entry]) -> tuple[str, str] | None:
    """(field name, its label) of the first entry the diagnostic points into, else None."""
    for entry in entries:
        if diagnostic.path != entry.path or not _matches(diagnostic.key_path, entry.prefix):
            continue
        rest = diagnostic.key_path[len(entry.prefix) :].lstrip(".")
        name = _field_for(rest, entry.fields)
        if name is not None:
            return name, entry.labels.get(name, "")
    return None


def in_entries(diagnostic: Diagnostic, entries: Iterable[Entry]) -> bool:
    """Whether the diagnostic points inside one of the entries (a field or not)."""
    return any(
        diagnostic.path == e.path and _matches(diagnostic.key_path, e.prefix) for e in entries
    )


def place(diagnostics: Iterable[Diagnostic], entries: Iterable[Entry], root: Path) -> FieldErrors:
    """Sort ``diagnostics`` into the entries' fields and the general list."""
    placed = FieldErrors()
    entries = list(entries)
    for diagnostic in diagnostics:
        found = field_of(diagnostic, entries)
        name, label = found if found is not None else (None, "")
        problem = Problem(
            plain_words(diagnostic, label), diagnostic.format(root), diagnostic.severity.value
        )
        if name is None:
            placed.general.append(problem)
        else:
            placed.by_field.setdefault(name, []).append(problem)
    return placed


_UK_LENGTH = "a UK number has 10 or 11 digits, counting the 0 at the start"
_CHECK_SOURCE = "Copy it again from the source."

_PHONE_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"too short \((?P<n>\d+) digits(?:; numbers starting (?P<p>\d+) have 11)?"),
        "This phone number is too short: it has {n} digits, and {uk}{starting}. {check}",
    ),
    (
        re.compile(r"too long \((?P<n>\d+) digits\)"),
        "This phone number is too long: it has {n} digits, and {uk}. {check}",
    ),
    (
        re.compile(r"premium-rate"),
        "This is a premium-rate number: callers pay a high rate to ring it, so the guidance "
        "cannot print it. Use the service's ordinary number (one starting 01, 02, 03 or 0800).",
    ),
    (
        re.compile(r"it has letters"),
        "Write the phone number in digits: letters (as in 0800 CHILDLINE) stand for digits.",
    ),
    (
        re.compile(r"with \+ for 00|written without \+: (?P<abroad>\+[\d ]+)"),
        "This is not a UK number. A number abroad is written with + and its country code{abroad}.",
    ),
    (
        re.compile(r"for its country code (?P<code>\+\d+)"),
        "This is not a UK number, and not a valid number for its country code {code}. {check}",
    ),
    (
        re.compile(r"short code such as"),
        "This is not a UK number: a UK number starts with 0 (a number abroad with + and its "
        "country code), and a short code is one such as 999, 101 or 116 123. {check}",
    ),
    (
        re.compile(r"no UK line can have"),
        "No UK phone line has this number: the length is right, but the code at the start "
        "is not one in use. {check}",
    ),
    (
        re.compile(r"expected digits|which is not a number"),
        "This is not a phone number: use only digits, spaces and a + at the start.",
    ),
)


def _phone_words(message: str) -> str:
    for pattern, words in _PHONE_REASONS:
        found = pattern.search(message)
        if found:
            parts = {k: v for k, v in found.groupdict().items() if v}
            abroad = re.search(r"write (\+[\d ]+\d)", message)
            if "abroad" in parts or abroad:
                written = parts.get("abroad") or (abroad.group(1) if abroad else "")
                parts["abroad"] = f" (perhaps {written.rstrip('? ')})" if written else ""
            return words.format(
                uk=_UK_LENGTH,
                check=_CHECK_SOURCE,
                starting=f" (one starting {parts['p']} has 11)" if "p" in parts else "",
                **{"n": "", "code": "", "abroad": "", **parts},
            )
    return "This phone number is not valid: it is not a UK number. " + _CHECK_SOURCE


_FICTIONAL = (
    "{written} is a fictional number from Ofcom's drama range: only an example or training "
    "edition may print it. Use the real number from the source; or, if this edition is for "
    "training only, mark it as an example edition (example: true in its edition.yaml)."
)


def plain_words(diagnostic: Diagnostic, label: str = "") -> str:
    """The diagnostic as a sentence for someone who has never read YAML."""
    message, code = diagnostic.message, diagnostic.code
    what = f"'{label}'" if label else "This"
    if code == "fictional-number":
        found = re.search(r"got (.+?), a fictional number", message)
        return _FICTIONAL.format(written=found.group(1) if found else "This")
    if code == "invalid-phone" or "phone number" in message:
        return _phone_words(message)
    if code == "missing-key" or code == "empty":
        return f"{what} must be filled in." if label else "Something required is missing."
    if code == "unknown-reference":
        hint = re.search(r"\(did you mean '([^']+)'\?\)", message)
        suggestion = f" Did you mean '{hint.group(1)}'?" if hint else ""
        return f"{what} names something this edition does not have.{suggestion}"
    if code in ("unbound-role", "placeholder"):
        role = re.search(r"role '([^']+)'", message)
        name = f"The role '{role.group(1)}'" if role else "A role"
        return (
            f"{name} has no contact and is not declared as a gap yet: choose one on the Roles page."
        )
    if code == "unused-contact":
        return "Nothing uses this contact yet: bind it to a role, or name it on a step."
    if code == "declared-gap":
        role_name = message.rsplit(": ", 1)[-1]
        return f"'{role_name}' is declared as a gap: the site tells readers to confirm it locally."
    if code == "invalid-email":
        return f"{what} is not an email address we can use."
    if code == "invalid-url":
        return f"{what} is not a web address we can link to (it should start with https://)."
    if code == "duplicate-id":
        return f"{what} is already used; choose another short name."
    if code == "invalid-id":
        return (
            f"{what} must be lowercase words joined by hyphens, e.g. 'front-door' "
            "(letters a to z, digits, hyphens)."
        )
    found = _GOT.match(message)
    if found:
        return f"{what} is not accepted: expected {found['expected']}, but it is {found['got']}."
    return f"{what}: {message}"
