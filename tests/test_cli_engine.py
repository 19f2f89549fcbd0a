"""``safeguide build --engine``: ProperDocs by default, MkDocs when asked for, through the
project's setting or the option; neither prints an end-of-life or MkDocs 2 notice."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.project import Layout

pytestmark = pytest.mark.slow

NOTICES = re.compile(r"end of life|MkDocs 2|NO_MKDOCS_2_WARNING|ProperDocs", re.IGNORECASE)


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``safeguide`` as a user runs it, in an environment without NO_MKDOCS_2_WARNING
    (Material sets it in any process that imported it, this one included)."""
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def generator_line(site: Path) -> str:
    found = re.search(
        r'<meta name="generator" content="([^"]*)">', (site / "index.html").read_text()
    )
    assert found is not None
    return found.group(1)


def set_engine(layout: Layout, engine: str) -> None:
    config = layout.mkdocs_config.read_text(encoding="utf-8")
    assert "    engine: properdocs\n" in config
    layout.mkdocs_config.write_text(
        config.replace("    engine: properdocs\n", f"    engine: {engine}\n"), encoding="utf-8"
    )


def test_properdocs_builds_by_default_and_prints_no_notice(minimal_project: Layout) -> None:
    result = run(minimal_project.root, "build", "--out", "out")
    assert result.returncode == 0, result.stderr
    assert generator_line(minimal_project.root / "out").startswith("mkdocs-ProperDocs 1.6.7,")
    assert not NOTICES.search(result.stdout + result.stderr), result.stderr


def test_engine_option_and_setting_choose_mkdocs(minimal_project: Layout) -> None:
    result = run(minimal_project.root, "build", "--engine", "mkdocs", "--out", "option")
    assert result.returncode == 0, result.stderr
    assert generator_line(minimal_project.root / "option").startswith("mkdocs-1.6.1,")
    assert not NOTICES.search(result.stdout + result.stderr), result.stderr

    set_engine(minimal_project, "mkdocs")
    result = run(minimal_project.root, "build", "--out", "setting")
    assert result.returncode == 0, result.stderr
    assert generator_line(minimal_project.root / "setting").startswith("mkdocs-1.6.1,")
    result = run(minimal_project.root, "build", "--engine", "properdocs", "--out", "again")
    assert generator_line(minimal_project.root / "again").startswith("mkdocs-ProperDocs")


def test_an_unknown_engine_is_a_usage_error(minimal_project: Layout) -> None:
    result = run(minimal_project.root, "build", "--engine", "hugo")
    assert result.returncode == 2
    assert "'hugo' is not one of 'properdocs', 'mkdocs', 'zensical'" in result.stderr
    set_engine(minimal_project, "hugo")
    for command in ("build", "serve"):
        result = run(minimal_project.root, command)
        assert result.returncode == 2, command
        assert result.stderr.splitlines()[-1] == (
            "Error: mkdocs.yml: extra.safeguide.engine: expected one of properdocs, mkdocs, "
            "zensical, got 'hugo'"
        )
    assert not (minimal_project.root / "site").exists()
