"""Drift: a base item an edition replaced or patched has changed since the edition did so.

Each replace or patch records ``base_hash``, the short hash of the base item it was made
against. When the base moves on, ``check`` warns (``--strict`` fails) and shows how the
base item changed (a diff of it as it was, found in git history by its hash, and as it is
now) and the edition's own change as written: its patch operations, or a diff from the
base to its replacement. Keys stay in the order of the files.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import ValidationError

from generator.content.item_hash import short_hash
from generator.content.loader import parse_document
from generator.editions.git_history import file_versions
from generator.editions.overlay_apply import Override
from generator.editions.resolve import ResolvedEdition
from generator.errors import Diagnostic, Severity, display_path
from generator.models import Contact, ContentModel, DecisionTree, Role, Scenario, Section, Source

MODELS: dict[str, type[ContentModel]] = {
    "section": Section,
    "tree": DecisionTree,
    "scenario": Scenario,
    "contact": Contact,
    "role": Role,
    "source": Source,
}


@dataclass(frozen=True)
class Drift:
    """An override whose base item no longer has the hash the edition recorded."""

    override: Override
    current_hash: str


def find_drift(edition: ResolvedEdition) -> list[Drift]:
    """Every override of ``edition`` (and its bases) whose base item has moved on."""
    found = []
    for override in edition.overrides:
        if override.recorded_hash is None:
            continue
        current = short_hash(override.base.item)
        if current != override.recorded_hash:
            found.append(Drift(override, current))
    return found


def _candidates(data: Any, prefix: tuple[str | int, ...], item_id: str) -> Iterator[Any]:
    """Follow ``prefix`` into ``data``; at a list, try every entry that leads to ``item_id``."""
    if not prefix:
        if isinstance(data, dict) and data.get("id") == item_id:
            yield data
        return
    head, rest = prefix[0], prefix[1:]
    if isinstance(head, int) and isinstance(data, list):
        for entry in data:
            yield from _candidates(entry, rest, item_id)
    elif isinstance(data, dict) and head in data:
        yield from _candidates(data[head], rest, item_id)


def _old_base_raw(override: Override) -> Any | None:
    """The base item as written when the edition recorded its hash (file key order), found
    in git history; None when no version of the file has it."""
    model = MODELS[override.kind]
    document = override.base.document
    for _commit, text in file_versions(document.path):
        try:
            data = parse_document(document.path, text).data
        except Exception:
            continue
        for raw in _candidates(data, override.base.prefix, override.item_id):
            try:
                item = model.model_validate(raw)
            except ValidationError:
                continue
            if short_hash(item) == override.recorded_hash:
                return raw
    return None


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    """The raw value at ``path`` in a document's data, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _yaml_lines(data: Any) -> list[str]:
    """Raw YAML data as written (keys in file order, not sorted)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88).splitlines()


def _diff(before: list[str], after: list[str], old_name: str, new_name: str) -> list[str]:
    return list(difflib.unified_diff(before, after, old_name, new_name, lineterm="", n=2))


SHORT_ITEM_LINES = 40
"""A base item no longer in git history is shown whole only when it is this short."""


def drift_detail(drift: Drift) -> str:
    """What changed in the base (a diff of the base item, then and now) and the edition's own
    change as written in its overlay file: the patch operations, or a diff from the base to
    its replacement. Never the whole resolved item."""
    override = drift.override
    now = _yaml_lines(_at(override.base.document.data, override.base.prefix))
    before_raw = _old_base_raw(override)
    before = None if before_raw is None else _yaml_lines(before_raw)
    base_file = display_path(override.base.document.path)
    lines = []
    if before is None:
        lines.append(
            f"base {override.kind} '{override.item_id}' when changed ({override.recorded_hash}):"
            f" not found in git history; base now ({drift.current_hash}) in {base_file}"
        )
        if len(now) <= SHORT_ITEM_LINES:
            lines += ["  " + line for line in now]
    else:
        lines.append(
            f"base {override.kind} '{override.item_id}' changed from {override.recorded_hash} "
            f"to {drift.current_hash} ({base_file}):"
        )
        lines += _diff(before, now, "base when changed", "base now")
    local = override.local
    written = _at(local.document.data, local.prefix)
    where = display_path(local.document.path)
    if override.operation == "patch":
        operations = written.get("patch") if isinstance(written, dict) else None
        lines.append(f"{override.edition_id}'s patch ({where}):")
        lines += ["  " + line for line in _yaml_lines(operations)]
    elif override.operation == "replace":
        replacement = written.get("replace") if isinstance(written, dict) else None
        lines.append(
            f"{override.edition_id}'s replacement ({where}), as a diff from the base "
            + ("when changed:" if before is not None else "now:")
        )
        lines += _diff(
            before if before is not None else now,
            _yaml_lines(replacement),
            "base" + (" when changed" if before is not None else " now"),
            f"{override.edition_id}'s version",
        )
    else:
        lines.append(f"{override.edition_id} removes it ({where}).")
    return "\n".join(lines)


def check_drift(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """A warning per drifted override, pointing at its ``base_hash``."""
    del today
    problems = []
    for drift in find_drift(edition):
        override = drift.override
        diagnostic = override.local.diagnostic(
            ("base_hash",),
            f"expected the base {override.kind} '{override.item_id}' to be as when "
            f"{override.edition_id} changed it ({override.recorded_hash}), got a base that has "
            f"changed since ({drift.current_hash}); review this edition's version, then set "
            f"base_hash: {drift.current_hash}",
            "drift",
            Severity.WARNING,
        )
        problems.append(
            Diagnostic(
                diagnostic.path,
                diagnostic.position,
                diagnostic.key_path,
                diagnostic.message,
                diagnostic.code,
                diagnostic.severity,
                drift_detail(drift),
            )
        )
    return problems
