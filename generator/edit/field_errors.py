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


_PHONE_REASONS = (
    (re.compile(r"\((\d+) digits\)"), "it has {0} digits, which is not a whole UK number"),
    (re.compile(r"premium-rate"), "it is a premium-rate number, which callers pay extra for"),
    (re.compile(r"expected digits"), "use only digits, spaces and a + at the start"),
    (re.compile(r"fictional|drama", re.IGNORECASE), "it is a fictional (drama) number"),
)


def _phone_words(message: str) -> str:
    for pattern, words in _PHONE_REASONS:
        found = pattern.search(message)
        if found:
            digits = found.group(1) if found.groups() else ""
            if digits and int(digits) < 10:
                return "This phone number is not valid: it is too short"
            return "This phone number is not valid: " + words.format(digits)
    return "This phone number is not valid: it is not a UK number"


def plain_words(diagnostic: Diagnostic, label: str = "") -> str:
    """The diagnostic as a sentence for someone who has never read YAML."""
    message, code = diagnostic.message, diagnostic.code
    what = f"'{label}'" if label else "This"
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
