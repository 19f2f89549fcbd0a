"""The folders of generator/ are the pipeline's stages and imports run one way: the
import-linter contract in pyproject.toml passes on the package as it is and fails on a
copy with one import that runs back up."""

from __future__ import annotations

import os
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
    assert "1 kept, 0 broken" in result.stdout


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
