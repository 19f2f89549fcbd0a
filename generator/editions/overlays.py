"""Read the overlay files of one edition folder into validated, located operations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.collect import Located
from generator.content.loader import Document, load_documents
from generator.content.validate import validate
from generator.errors import Diagnostic, Position
from generator.models import ContentModel, SafetyRulesFile
from generator.models.overlay import (
    ContactsOverlay,
    ScenarioOverlay,
    SectionOverlay,
    SourcesOverlay,
    TreeOverlay,
)

EDITION_FILE = "edition.yaml"
ASSETS_FOLDER = "assets"
"""Logos and other files an edition's branding refers to."""
ONE_ITEM_FOLDERS: dict[str, tuple[str, type[ContentModel]]] = {
    "content/sections": ("sections", SectionOverlay),
    "content/scenarios": ("scenarios", ScenarioOverlay),
    "flowcharts": ("trees", TreeOverlay),
}
LIST_FILES: dict[str, type[ContentModel]] = {
    "content/contacts.yaml": ContactsOverlay,
    "content/sources.yaml": SourcesOverlay,
    "content/safety-rules.yaml": SafetyRulesFile,
}


@dataclass(frozen=True)
class Overlays:
    """Every overlay file of one edition, validated and located."""

    sections: list[Located[SectionOverlay]] = field(default_factory=list)
    scenarios: list[Located[ScenarioOverlay]] = field(default_factory=list)
    trees: list[Located[TreeOverlay]] = field(default_factory=list)
    contacts: Located[ContactsOverlay] | None = None
    sources: Located[SourcesOverlay] | None = None
    safety_rules: Located[SafetyRulesFile] | None = None
    """Facts and safety rules the edition adds (it may not replace or drop the base's)."""

    def is_empty(self) -> bool:
        """True when the edition changes no content, only settings."""
        return not (
            self.sections
            or self.scenarios
            or self.trees
            or self.contacts
            or self.sources
            or self.safety_rules
        )


def only_comments(document: Document) -> bool:
    """True for an overlay file holding comments and nothing else (such as the examples
    ``new-edition`` writes): it changes nothing. A file with no comment at all is still
    reported as empty."""
    if document.data is not None:
        return False
    try:
        text = document.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    kept = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(kept) and all(line.startswith("#") for line in kept)


def _unexpected(path: Path, folder: Path) -> Diagnostic:
    allowed = ", ".join(
        [EDITION_FILE, *LIST_FILES, *(f"{f}/<id>.yaml" for f in ONE_ITEM_FOLDERS), "assets/"]
    )
    return Diagnostic(
        path,
        Position(1, 1),
        "-",
        f"expected one of {allowed} in an edition folder, got '{path.relative_to(folder)}'",
        "unexpected-file",
    )


def _file_id_matches(located: Located[ContentModel], problems: list[Diagnostic]) -> None:
    operation = located.item
    stem = located.document.path.stem
    kind = getattr(operation, "kind", None)
    if kind in ("add", "replace"):
        found = getattr(getattr(operation, kind), "id")  # noqa: B009
        path: tuple[str, ...] = (kind, "id")
    elif kind == "remove":
        found, path = getattr(operation, "remove"), ("remove",)  # noqa: B009
    else:
        return
    if found != stem:
        problems.append(
            located.diagnostic(
                path, f"expected id '{stem}' to match the file name, got '{found}'", "id-mismatch"
            )
        )


def read_overlays(folder: Path, cache_dir: Path | None = None) -> tuple[Overlays, list[Diagnostic]]:
    """Load and validate every overlay file under an edition ``folder`` (files parsed
    before come from ``cache_dir``)."""
    problems: list[Diagnostic] = []
    overlays = Overlays()
    known: set[Path] = {folder / EDITION_FILE}

    def load(paths: list[Path]) -> list[Document]:
        known.update(paths)
        documents, failures = load_documents(paths, within=folder, cache_dir=cache_dir)
        problems.extend(failures)
        return documents

    for relative, (attribute, model) in ONE_ITEM_FOLDERS.items():
        target: list[Located[ContentModel]] = getattr(overlays, attribute)
        for document in load(sorted((folder / relative).glob("*.yaml"))):
            if only_comments(document):
                continue
            item, found = validate(document, model)
            problems.extend(found)
            if item is not None:
                located = Located(item, document)
                _file_id_matches(located, problems)
                target.append(located)
    lists: dict[str, Located[ContentModel]] = {}
    for relative, model in LIST_FILES.items():
        for document in load([p for p in (folder / relative,) if p.is_file()]):
            if only_comments(document):
                continue
            item, found = validate(document, model)
            problems.extend(found)
            if item is not None:
                lists[relative] = Located(item, document)
    overlays = Overlays(
        sections=overlays.sections,
        scenarios=overlays.scenarios,
        trees=overlays.trees,
        contacts=lists.get("content/contacts.yaml"),  # type: ignore[arg-type]
        sources=lists.get("content/sources.yaml"),  # type: ignore[arg-type]
        safety_rules=lists.get("content/safety-rules.yaml"),  # type: ignore[arg-type]
    )
    for path in sorted(folder.rglob("*")):
        in_assets = (folder / ASSETS_FOLDER) in path.parents
        if path.is_file() and path not in known and not in_assets and not path.name.startswith("."):
            problems.append(_unexpected(path, folder))
    return overlays, problems
