"""Where a project's files live: root discovery and the fixed layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = "mkdocs.yml"


class ProjectNotFound(Exception):
    """No ``mkdocs.yml`` in the current directory or any ancestor."""


def find_project_root(start: Path | None = None) -> Path:
    """The nearest ancestor of ``start`` (default: cwd) that holds ``mkdocs.yml``."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    raise ProjectNotFound(f"no {CONFIG_FILE} in {here} or any folder above it")


@dataclass(frozen=True)
class Layout:
    """Paths of a project's content, by the layout in DESIGN.md."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def sources_file(self) -> Path:
        return self.content / "sources.yaml"

    @property
    def contacts_file(self) -> Path:
        return self.content / "contacts.yaml"

    @property
    def safety_rules_file(self) -> Path:
        return self.content / "safety-rules.yaml"

    @property
    def sections_dir(self) -> Path:
        return self.content / "sections"

    @property
    def scenarios_dir(self) -> Path:
        return self.content / "scenarios"

    @property
    def flowcharts_dir(self) -> Path:
        return self.root / "flowcharts"

    @property
    def editions_dir(self) -> Path:
        return self.root / "site_config" / "editions"

    @property
    def pages_dir(self) -> Path:
        return self.root / "site_config" / "pages"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def schemas_dir(self) -> Path:
        return self.root / "schemas"

    def site_dir(self, edition_id: str) -> Path:
        """Default output folder of an edition."""
        return self.root / "site" / edition_id

    def edition_file(self, edition_id: str) -> Path:
        return self.editions_dir / edition_id / "edition.yaml"

    def edition_ids(self) -> list[str]:
        """Every edition folder that has an edition.yaml, sorted."""
        if not self.editions_dir.is_dir():
            return []
        return sorted(p.parent.name for p in self.editions_dir.glob("*/edition.yaml"))

    def edition_files(self, edition_id: str) -> list[Path]:
        """Every file of one edition folder (settings, overlays, assets), sorted."""
        folder = self.editions_dir / edition_id
        return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []

    def input_files(self) -> list[Path]:
        """Every content file of the national layer, sorted."""
        files = [self.sources_file, self.contacts_file]
        files += [p for p in (self.safety_rules_file,) if p.exists()]
        files += sorted(self.sections_dir.glob("*.yaml"))
        files += sorted(self.scenarios_dir.glob("*.yaml"))
        files += sorted(self.flowcharts_dir.glob("*.yaml"))
        return files
