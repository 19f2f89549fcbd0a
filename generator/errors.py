"""Positioned diagnostics: the one shape every stage reports problems in."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a diagnostic is: errors fail a build, warnings fail only ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """Information that never fails a run, e.g. a declared gap listed by ``check``."""


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


START = Position(1, 1)


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one place: ``path:line:col: error: key.path: message (CODE)``."""

    path: Path
    position: Position
    key_path: str
    message: str
    code: str
    severity: Severity = Severity.ERROR
    detail: str = ""
    """Optional context printed under the one-line diagnostic, e.g. the texts behind a drift."""

    def format(self, relative_to: Path | None = None) -> str:
        """Render as one unwrapped line, the path relative to ``relative_to`` when possible."""
        shown = display_path(self.path, relative_to)
        message = " ".join(self.message.split())
        return (
            f"{shown}:{self.position.line}:{self.position.column}: {self.severity.value}: "
            f"{self.key_path or '-'}: {message} ({self.code})"
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, then position, then code, so output is stable."""
        return (str(self.path), self.position.line, self.position.column, self.code, self.message)


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """Show ``path`` relative to ``relative_to`` (default: the current directory)."""
    base = relative_to if relative_to is not None else Path.cwd()
    try:
        return os.path.relpath(path, base)
    except ValueError:  # a different drive on Windows
        return str(path)


def format_key_path(parts: Sequence[str | int]) -> str:
    """``("nodes", 2, "next")`` -> ``nodes[2].next``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def did_you_mean(found: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``known`` to ``found``, or nothing."""
    close = get_close_matches(found, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def errors_in(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that are errors."""
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def warnings_in(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that are warnings."""
    return [d for d in diagnostics if d.severity is Severity.WARNING]


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in a stable order with exact duplicates removed."""
    unique = {(d.sort_key(), d.key_path, d.severity): d for d in diagnostics}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], k[1], k[2].value))]


class ContentError(Exception):
    """Raised when content has errors; carries every diagnostic found."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__(f"{len(errors_in(self.diagnostics))} content error(s)")
