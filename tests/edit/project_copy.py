"""A throwaway copy of the repository's project, for tests that let the editor write."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.content.project import Layout
from tests.conftest import REPO


def copy_project(destination: Path) -> Layout:
    """The repository's content, flowcharts, editions and config, copied to ``destination``
    (mkdocs.yml's hook pointing at this checkout), so nothing in the repository changes."""
    destination.mkdir(parents=True, exist_ok=True)
    for folder in ("content", "flowcharts", "site_config", "schemas"):
        shutil.copytree(REPO / folder, destination / folder)
    hook = REPO / "generator" / "site" / "engine" / "hook.py"
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- generator/site/engine/hook.py", f"- {hook.as_posix()}")
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Layout(destination)
