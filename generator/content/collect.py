"""Read the content files of a project into validated, located models."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from generator.content.loader import Document, KeyPath, load_documents
from generator.content.project import Layout
from generator.content.validate import validate
from generator.errors import Diagnostic, Position, Severity, format_key_path
from generator.models import (
    Contact,
    ContactsFile,
    ContentModel,
    DecisionTree,
    Fact,
    Role,
    SafetyRule,
    SafetyRulesFile,
    Scenario,
    Section,
    Source,
    SourcesFile,
)

T = TypeVar("T", bound=ContentModel)
T_co = TypeVar("T_co", bound=ContentModel, covariant=True)


@dataclass(frozen=True)
class Located(Generic[T_co]):
    """A validated item and where it came from, so later checks can point at it."""

    item: T_co
    document: Document
    prefix: KeyPath = ()

    def position(self, *sub_path: str | int) -> Position:
        """Position of a value inside this item."""
        return self.document.position((*self.prefix, *sub_path))

    def diagnostic(
        self,
        sub_path: KeyPath,
        message: str,
        code: str,
        severity: Severity = Severity.ERROR,
    ) -> Diagnostic:
        """A diagnostic pointing at ``sub_path`` inside this item."""
        full = (*self.prefix, *sub_path)
        return Diagnostic(
            self.document.path,
            self.document.position(full),
            format_key_path(full),
            message,
            code,
            severity,
        )


@dataclass(frozen=True)
class ContentSet:
    """Every validated item of one layer of content, by id."""

    sources: dict[str, Located[Source]] = field(default_factory=dict)
    roles: dict[str, Located[Role]] = field(default_factory=dict)
    contacts: dict[str, Located[Contact]] = field(default_factory=dict)
    sections: dict[str, Located[Section]] = field(default_factory=dict)
    trees: dict[str, Located[DecisionTree]] = field(default_factory=dict)
    scenarios: dict[str, Located[Scenario]] = field(default_factory=dict)
    facts: dict[str, Located[Fact]] = field(default_factory=dict)
    rules: dict[str, Located[SafetyRule]] = field(default_factory=dict)


def _add(
    target: dict[str, Located[T]],
    located: Located[T],
    kind: str,
    problems: list[Diagnostic],
    note: str = "",
) -> None:
    item_id: str = getattr(located.item, "id")  # noqa: B009 - every content item has an id
    if item_id in target:
        first = target[item_id]
        where = first.position("id")
        problems.append(
            located.diagnostic(
                ("id",),
                f"expected a unique {kind} id, got '{item_id}' again "
                f"(first in {first.document.path.name} at line {where.line}){note}",
                "duplicate-id",
            )
        )
        return
    target[item_id] = located


def _check_file_name(located: Located[T], problems: list[Diagnostic]) -> None:
    item_id: str = getattr(located.item, "id")  # noqa: B009
    stem = located.document.path.stem
    if item_id != stem:
        problems.append(
            located.diagnostic(
                ("id",),
                f"expected id '{stem}' to match the file name, got '{item_id}'",
                "id-mismatch",
            )
        )


def _one_per_file(
    documents: Iterable[Document],
    model: type[T],
    kind: str,
    target: dict[str, Located[T]],
    problems: list[Diagnostic],
) -> None:
    for document in documents:
        item, found = validate(document, model)
        problems.extend(found)
        if item is not None:
            located = Located(item, document)
            _check_file_name(located, problems)
            _add(target, located, kind, problems)


def add_safety_rules(
    rules_file: SafetyRulesFile,
    document: Document,
    content: ContentSet,
    problems: list[Diagnostic],
    by_edition: bool = False,
) -> None:
    """Add the facts and rules of a safety-rules file to ``content``; an id the content
    already has is an error (a local edition adds rules, never replaces or drops one)."""
    why = ": an edition may add facts and rules, never replace one" if by_edition else ""
    for index, fact in enumerate(rules_file.facts):
        _add(content.facts, Located(fact, document, ("facts", index)), "fact", problems, why)
    for index, rule in enumerate(rules_file.rules):
        located = Located(rule, document, ("rules", index))
        _add(content.rules, located, "safety rule", problems, why)


def stray_files(layout: Layout) -> list[Diagnostic]:
    """Files in the one-item-per-file folders that would be ignored: a ``.yml`` or ``.txt``
    left there by mistake is reported, not silently left out of the site."""
    problems = []
    for folder in (layout.sections_dir, layout.flowcharts_dir, layout.scenarios_dir):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or (path.suffix == ".yaml" and path.is_file()):
                continue
            problems.append(
                Diagnostic(
                    path,
                    Position(1, 1),
                    "-",
                    f"expected only <id>.yaml files in {folder.name}/, got '{path.name}'",
                    "unexpected-file",
                )
            )
    return problems


def read_content(
    layout: Layout, cache_dir: Path | None = None
) -> tuple[ContentSet, list[Diagnostic]]:
    """Load and validate every national content file; report every problem found (files
    parsed before come from ``cache_dir``)."""
    problems: list[Diagnostic] = []
    content = ContentSet()

    def load(paths: list[Path]) -> list[Document]:
        documents, failures = load_documents(paths, within=layout.root, cache_dir=cache_dir)
        problems.extend(failures)
        return documents

    problems += stray_files(layout)
    for document in load([p for p in (layout.sources_file,) if p.exists()]):
        sources_file, found = validate(document, SourcesFile)
        problems.extend(found)
        if sources_file:
            for index, source in enumerate(sources_file.sources):
                _add(
                    content.sources,
                    Located(source, document, ("sources", index)),
                    "source",
                    problems,
                )
    for document in load([p for p in (layout.contacts_file,) if p.exists()]):
        contacts_file, found = validate(document, ContactsFile)
        problems.extend(found)
        if contacts_file:
            for index, role in enumerate(contacts_file.roles):
                _add(content.roles, Located(role, document, ("roles", index)), "role", problems)
            for index, contact in enumerate(contacts_file.contacts):
                _add(
                    content.contacts,
                    Located(contact, document, ("contacts", index)),
                    "contact",
                    problems,
                )
    for document in load([p for p in (layout.safety_rules_file,) if p.exists()]):
        rules_file, found = validate(document, SafetyRulesFile)
        problems.extend(found)
        if rules_file is not None:
            add_safety_rules(rules_file, document, content, problems)
    _one_per_file(
        load(sorted(layout.sections_dir.glob("*.yaml"))),
        Section,
        "section",
        content.sections,
        problems,
    )
    _one_per_file(
        load(sorted(layout.flowcharts_dir.glob("*.yaml"))),
        DecisionTree,
        "tree",
        content.trees,
        problems,
    )
    _one_per_file(
        load(sorted(layout.scenarios_dir.glob("*.yaml"))),
        Scenario,
        "scenario",
        content.scenarios,
        problems,
    )
    for path in (layout.sources_file, layout.contacts_file):
        if not path.exists():
            problems.append(
                Diagnostic(
                    path, Position(1, 1), "-", "expected this file, got nothing", "missing-file"
                )
            )
    return content, problems
