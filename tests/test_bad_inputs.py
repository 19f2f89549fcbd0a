"""The bad-input corpus (tests/bad_inputs/): every case fails with exactly its expected
positioned lines, exit code 1, no traceback, and the site built before left untouched.

Each case is a folder: ``case.yaml`` says what it is (``about``), the command (``args``,
default ``build``), the exact diagnostic lines expected and any links or generated files;
``files/`` is laid over a copy of tests/fixtures/minimal. The command runs through the real
command-line entry point from the project folder, against one site built once beforehand.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.site.build import build_edition
from tests.conftest import FIXTURES, make_project

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.yaml").is_file())
DIAGNOSTIC = re.compile(r":\d+:\d+: (?:error|warning): ")
TODAY = "2026-11-26"  # review dates in the expected lines are judged against this day


def _digest(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` with a hash of its bytes and its mtime."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_file():
            stat = path.stat()
            found[key] = f"{hashlib.sha256(path.read_bytes()).hexdigest()} {stat.st_mtime_ns}"
        else:
            found[key] = "folder"
    return found


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site every case's build would replace: built once, from the good fixture."""
    root = tmp_path_factory.mktemp("published")
    layout = make_project(root / "project", FIXTURES / "minimal")
    out = root / "site" / "national"
    build_edition(layout, "national", out)
    return out


def read_case(name: str) -> dict[str, Any]:
    """A case's ``case.yaml``."""
    spec: dict[str, Any] = yaml.safe_load((CORPUS / name / "case.yaml").read_text("utf-8"))
    return spec


def set_up_case(name: str, root: Path) -> Path:
    """A copy of the minimal project with the case's files, links and generated files."""
    spec = read_case(name)
    project = make_project(root / "project", FIXTURES / "minimal").root
    for relative in spec.get("delete", []):
        (project / relative).unlink()
    files = CORPUS / name / "files"
    if files.is_dir():
        shutil.copytree(files, project, dirs_exist_ok=True)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("id: secret\ntitle: Not for the site\n", "utf-8")
    for link, target in spec.get("symlinks", {}).items():
        path = project / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(Path(target.replace("OUTSIDE", str(outside))))
    for relative, recipe in spec.get("generate", {}).items():
        (project / relative).write_text(recipe["text"] + recipe["pad"] * recipe["times"], "utf-8")
    return project


def run_case(name: str, root: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the case's command in its project folder; return click's result."""
    spec = read_case(name)
    project = set_up_case(name, root)
    monkeypatch.chdir(project)
    monkeypatch.setenv("SAFEGUIDE_TODAY", TODAY)
    args = list(spec.get("args", ["build"]))
    if args[0] == "build":
        args += ["--out", str(out)]
    return CliRunner().invoke(main, args, catch_exceptions=True)


def test_the_corpus_is_large_and_every_case_expects_something() -> None:
    assert len(CASES) >= 60
    for name in CASES:
        spec = read_case(name)
        assert spec["about"] and spec["expected"], name


@pytest.mark.parametrize("name", CASES)
def test_bad_input_fails_with_exactly_the_expected_lines(
    name: str, tmp_path: Path, published: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _digest(published.parent)
    result = run_case(name, tmp_path, published, monkeypatch)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    found = [line for line in result.stderr.splitlines() if DIAGNOSTIC.search(line)]
    assert found == read_case(name)["expected"]
    after = _digest(published.parent)
    assert after == before  # the published site (and the folder around it) untouched
