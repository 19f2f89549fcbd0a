"""ProperDocs and MkDocs build the same site: the shipped national edition built with each
differs in nothing but the ``<meta name="generator">`` line that names the engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.site.engine.choice import PLUGIN_ENGINES
from tests.conftest import REPO

pytestmark = pytest.mark.slow

GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(engine: str, out: Path) -> None:
    """``safeguide build --engine ENGINE`` of the shipped project, a process each (a process
    runs one engine)."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "generator", "--project", str(REPO)),
            *("build", "--edition", "national", "--engine", engine, "--out", str(out)),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1764460800"},
        check=False,
    )
    assert done.returncode == 0, done.stderr


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_properdocs_and_mkdocs_differ_only_in_the_generator_line(tmp_path: Path) -> None:
    built = {}
    for engine in PLUGIN_ENGINES:
        build(engine, tmp_path / engine)
        built[engine] = files(tmp_path / engine)
    properdocs, mkdocs = built["properdocs"], built["mkdocs"]
    assert sorted(properdocs) == sorted(mkdocs)
    assert len(properdocs) > 100
    material = f"mkdocs-material-{version('mkdocs-material')}"
    named = {
        "properdocs": f"mkdocs-ProperDocs {version('properdocs')}, {material}",
        "mkdocs": f"mkdocs-{version('mkdocs')}, {material}",
    }
    for engine in PLUGIN_ENGINES:
        assert GENERATOR_META.findall(built[engine]["index.html"]) == [
            f'<meta name="generator" content="{named[engine]}">'.encode()
        ]
    differing = [path for path in properdocs if properdocs[path] != mkdocs[path]]
    assert differing, "the generator line names each engine"
    assert all(path.endswith(".html") for path in differing), differing
    for path in differing:
        assert GENERATOR_META.sub(b"", properdocs[path]) == GENERATOR_META.sub(b"", mkdocs[path]), (
            path
        )
