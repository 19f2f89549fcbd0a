"""Drift: a base item an edition replaced or patched has changed since the edition did so.

Each replace or patch records ``base_hash``, the short hash of the base item it was made
against. When the base moves on, ``check`` warns (``--strict`` fails) and shows the base
text as it was (found in git history by its hash), as it is now, and the edition's version.
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
from generator.errors import Diagnostic, Severity
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


def item_yaml(item: ContentModel | None) -> str:
    """An item as readable YAML, for showing what changed."""
    if item is None:
        return "(removed)\n"
    data = item.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


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


def old_base(override: Override) -> ContentModel | None:
    """The base item as it was when the edition recorded its hash, found in git history."""
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
                return item
    return None


def drift_detail(drift: Drift) -> str:
    """The old and new base texts (as a diff when the old one is found) and the local one."""
    override = drift.override
    now = item_yaml(override.base.item)
    before = old_base(override)
    lines = []
    if before is None:
        lines.append(f"base when changed ({override.recorded_hash}): not found in git history")
        lines.append(f"base now ({drift.current_hash}):")
        lines += ["  " + line for line in now.splitlines()]
    else:
        lines.append(f"base changed from {override.recorded_hash} to {drift.current_hash}:")
        lines += [
            line.rstrip("\n")
            for line in difflib.unified_diff(
                item_yaml(before).splitlines(),
                now.splitlines(),
                "base when changed",
                "base now",
                lineterm="",
            )
        ]
    lines.append(f"{override.edition_id}'s version ({override.operation}):")
    lines += ["  " + line for line in item_yaml(override.result).splitlines()]
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
