"""Apply one edition's overlays on top of its base content. Pure: content in, content out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.content.collect import ContentSet, Located, add_safety_rules
from generator.content.loader import KeyPath
from generator.editions.overlays import Overlays
from generator.editions.tree_patch import patch_tree
from generator.errors import Diagnostic, did_you_mean
from generator.models import ContentModel
from generator.models.overlay import Operation, TreeOverlay


@dataclass(frozen=True)
class Override:
    """A base item that an edition replaced, patched or removed."""

    edition_id: str
    kind: str
    item_id: str
    operation: str
    recorded_hash: str | None
    base: Located[ContentModel]
    local: Located[ContentModel]
    """Where the operation is written (the overlay file and its key path)."""
    result: ContentModel | None
    """The item as the edition publishes it; None when removed."""


@dataclass(frozen=True)
class Added:
    """An item an edition added."""

    edition_id: str
    kind: str
    item: Located[ContentModel]


@dataclass
class _Applier:
    edition_id: str
    problems: list[Diagnostic]
    overrides: list[Override]
    added: list[Added]

    def apply(
        self,
        target: dict[str, Located[Any]],
        kind: str,
        operation: Operation[Any],
        where: Located[Any],
        seen: dict[str, KeyPath],
    ) -> None:
        item_id = operation.target_id
        op = operation.kind
        if item_id in seen:
            first = seen[item_id]
            line = where.document.position(first).line
            self.problems.append(
                where.diagnostic(
                    (),
                    f"expected one operation per {kind} id, got a second {op} of '{item_id}' "
                    f"(first at line {line})",
                    "conflicting-operations",
                )
            )
            return
        seen[item_id] = where.prefix
        if op == "add":
            assert operation.add is not None
            if item_id in target:
                self.problems.append(
                    where.diagnostic(
                        ("add", "id"),
                        f"expected a {kind} id the base does not have, got '{item_id}' "
                        "(use replace to change a base item)",
                        "duplicate-id",
                    )
                )
                return
            located = Located(operation.add, where.document, (*where.prefix, "add"))
            target[item_id] = located
            self.added.append(Added(self.edition_id, kind, located))
            return
        if item_id not in target:
            hint = did_you_mean(item_id, target)
            self.problems.append(
                where.diagnostic(
                    (op,) if op == "remove" else (op, "id"),
                    f"expected the id of a {kind} in the base edition, got '{item_id}'{hint}",
                    "unknown-reference",
                )
            )
            return
        base = target[item_id]
        if op == "replace":
            assert operation.replace is not None
            target[item_id] = Located(operation.replace, where.document, (*where.prefix, "replace"))
            result: ContentModel | None = operation.replace
        else:
            del target[item_id]
            result = None
        self.overrides.append(
            Override(
                self.edition_id,
                kind,
                item_id,
                op,
                operation.base_hash,
                base,
                where,
                result,
            )
        )

    def patch(self, trees: dict[str, Located[Any]], located: Located[TreeOverlay]) -> None:
        item_id = located.document.path.stem
        if item_id not in trees:
            hint = did_you_mean(item_id, trees)
            self.problems.append(
                located.diagnostic(
                    ("patch",),
                    f"expected the file name to be a tree of the base edition, got "
                    f"'{item_id}'{hint}",
                    "unknown-reference",
                )
            )
            return
        base = trees[item_id]
        patched, problems = patch_tree(base.item, located)
        self.problems.extend(problems)
        trees[item_id] = Located(patched, located.document, ("patch",))
        self.overrides.append(
            Override(
                self.edition_id,
                "tree",
                item_id,
                "patch",
                located.item.base_hash,
                base,
                located,
                patched,
            )
        )


def _each(
    applier: _Applier,
    target: dict[str, Located[Any]],
    kind: str,
    operations: Sequence[tuple[Operation[Any], Located[Any]]],
) -> None:
    seen: dict[str, KeyPath] = {}
    for operation, where in operations:
        applier.apply(target, kind, operation, where, seen)


def apply_overlays(
    base: ContentSet, overlays: Overlays, edition_id: str
) -> tuple[ContentSet, list[Override], list[Added], list[Diagnostic]]:
    """The content of an edition: ``base`` with ``overlays`` applied, and what changed."""
    content = ContentSet(
        sources=dict(base.sources),
        roles=dict(base.roles),
        contacts=dict(base.contacts),
        sections=dict(base.sections),
        trees=dict(base.trees),
        scenarios=dict(base.scenarios),
        facts=dict(base.facts),
        rules=dict(base.rules),
    )
    applier = _Applier(edition_id, [], [], [])
    lists: list[tuple[Located[Any] | None, str, str, dict[str, Located[Any]]]] = [
        (overlays.sources, "sources", "source", content.sources),
        (overlays.contacts, "roles", "role", content.roles),
        (overlays.contacts, "contacts", "contact", content.contacts),
    ]
    for document, field_name, kind, target in lists:
        if document is not None:
            ops = [
                (op, Located(op, document.document, (field_name, i)))
                for i, op in enumerate(getattr(document.item, field_name))
            ]
            _each(applier, target, kind, ops)
    singles: list[tuple[str, list[Located[Any]], dict[str, Located[Any]]]] = [
        ("section", list(overlays.sections), content.sections),
        ("scenario", list(overlays.scenarios), content.scenarios),
    ]
    if overlays.safety_rules is not None:
        rules = overlays.safety_rules
        add_safety_rules(rules.item, rules.document, content, applier.problems, by_edition=True)
    for kind, located_list, target in singles:
        _each(applier, target, kind, [(o.item, o) for o in located_list])
    seen: dict[str, KeyPath] = {}
    for located in overlays.trees:
        if located.item.kind == "patch":
            applier.patch(content.trees, located)
        else:
            applier.apply(content.trees, "tree", located.item, located, seen)
    return content, applier.overrides, applier.added, applier.problems
