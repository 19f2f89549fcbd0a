"""The folders of generator/ are the pipeline's stages and imports run one way, and one
package talks to the site engine: the import-linter contracts in pyproject.toml pass on the
package as it is and fail on a copy with one import that runs back up, or one import of the
engine outside generator/site/engine/."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

STAGES = ["site", "render", "changes", "checks", "editions", "content", "models"]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run the real import-linter on the package under ``root`` with the project's contract."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "generator", tmp_path / "generator")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_generator_lists_the_stages() -> None:
    folders = {p.name for p in (REPO / "generator").iterdir() if (p / "__init__.py").exists()}
    assert set(STAGES) <= folders
    modules = {p.name for p in (REPO / "generator").glob("*.py")}
    assert modules == {
        "__init__.py",
        "__main__.py",
        "cli.py",
        "errors.py",
        "exports.py",
        "text_cache.py",
    }


def test_each_stage_init_is_small() -> None:
    for stage in STAGES:
        init = (REPO / "generator" / stage / "__init__.py").read_text(encoding="utf-8")
        assert init.startswith('"""'), f"{stage}/__init__.py has no docstring"
        assert len(init.splitlines()) <= 60, f"{stage}/__init__.py holds more than names"


@pytest.mark.slow
def test_the_contract_holds_on_the_package_as_it_is(package_copy: Path) -> None:
    result = lint_imports(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.slow
def test_an_upward_import_breaks_the_contract(package_copy: Path) -> None:
    # models is near the bottom; importing a renderer from it runs back up
    common = package_copy / "generator" / "models" / "common.py"
    common.write_text(
        common.read_text(encoding="utf-8") + "\nimport generator.render.pages  # upward\n",
        encoding="utf-8",
    )
    result = lint_imports(package_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert "generator.models.common -> generator.render.pages" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "statement"),
    [
        ("site/build.py", "import mkdocs.plugins"),
        ("cli.py", "from mkdocs.commands.serve import serve"),
        ("render/pages.py", "import mkdocs"),
    ],
)
def test_an_engine_import_outside_the_engine_package_breaks_the_contract(
    package_copy: Path, module: str, statement: str
) -> None:
    source = package_copy / "generator" / module
    source.write_text(
        source.read_text(encoding="utf-8") + f"\n{statement}  # outside the engine package\n",
        encoding="utf-8",
    )
    result = lint_imports(package_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Only generator.site.engine imports the engine BROKEN" in result.stdout
    importer = "generator." + module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> mkdocs" in result.stdout


def test_engine_imports_are_written_in_the_engine_package_only() -> None:
    """What import-linter enforces, as a reader greps for it."""
    pattern = re.compile(r"^\s*(from|import)\s+(mkdocs|properdocs)\b", re.MULTILINE)
    importers = {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "generator").rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert importers
    assert all(path.startswith("generator/site/engine/") for path in importers), importers
