"""Shared fixtures: a throwaway copy of a project built from the repo's config and test content."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.content.project import Layout

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(destination: Path, content: Path) -> Layout:
    """A project at ``destination``: the repo's mkdocs.yml, pages and theme, plus ``content``.

    mkdocs.yml is copied with its hook pointing at this checkout's hook module.
    """
    destination.mkdir(parents=True, exist_ok=True)
    hook = REPO / "generator" / "site" / "engine" / "hook.py"
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- generator/site/engine/hook.py", f"- {hook.as_posix()}")
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("site_config/pages", "site_config/theme"):
        shutil.copytree(REPO / folder, destination / folder, dirs_exist_ok=True)
    shutil.copytree(content, destination, dirs_exist_ok=True)
    return Layout(destination)


def interruptible() -> None:
    """Ctrl-C as at a terminal, for a child process (its ``preexec_fn``): a test run started
    in the background (``make test &``, a CI runner's shell) ignores SIGINT, and an ignored
    signal stays ignored in every child, so a server under test would never see it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds in session- and module-wide fixtures cache into a temporary folder, not the
    user's cache folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFEGUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts with an empty cache of its own (charts, printed sections, templates),
    so what one test renders never shows up as reused in another."""
    monkeypatch.setenv("SAFEGUIDE_CACHE_DIR", str(tmp_path / "safeguide-cache"))


@pytest.fixture(autouse=True)
def no_card_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds skip printing the card to PDF (about a second each); the card tests turn it on."""
    monkeypatch.setenv("SAFEGUIDE_CARD_PDF", "off")


SHIPPED_EDITIONS = ("national", "essex", "worcestershire", "leicester", "example-school")


@pytest.fixture(scope="session")
def shipped_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every shipped edition built once, in parallel, by the project's engine: the folder
    holding ``<id>/`` for each. Shared by the tests that read built pages (links, output
    safety, the browser suite), which only read it."""
    from generator.site.build_all import build_editions

    out = tmp_path_factory.mktemp("shipped")
    results = build_editions(Layout(REPO), list(SHIPPED_EDITIONS), out)
    assert all(r.built for r in results), [d.format() for r in results for d in r.diagnostics]
    return out


@pytest.fixture(scope="session")
def zensical_national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped national edition built by ``safeguide build --engine zensical``, once per
    session: the Zensical tests and the browser tests share it. PDFs are not printed (a
    Zensical build of the minimal project prints them, tests/site/engine/test_zensical.py)."""
    out = tmp_path_factory.mktemp("zensical") / "national"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764460800", "SAFEGUIDE_CARD_PDF": "off"}
    command = [sys.executable, "-m", "generator", "--project", str(REPO), "build"]
    done = subprocess.run(
        [*command, "--engine", "zensical", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "101 pages built by zensical in " in done.stderr
    return out


@pytest.fixture
def minimal_project(tmp_path: Path) -> Layout:
    """A copy of tests/fixtures/minimal as a full project."""
    return make_project(tmp_path / "project", FIXTURES / "minimal")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


RULES = """\
facts:
  - {id: crime-reported, meaning: A crime such as rape or sexual assault has been reported.}
  - {id: immediate-danger, meaning: A child is in immediate danger.}
  - {id: adult-involved, meaning: An adult is involved.}
rules:
  - id: crime-reaches-police
    statement: Every route with a reported crime reaches the police.
    when: [crime-reported]
    reaches:
      - {label: the police, any_of: [police-emergency]}
    basis: guidance
    sources: [{source: kcsie-2025, where: Part 5}]
  - id: danger-reaches-999-first
    statement: Immediate danger reaches 999 first.
    when: [immediate-danger]
    first: true
    reaches:
      - {label: "999", any_of: [police-emergency]}
    basis: guidance
    sources: [{source: kcsie-2025, where: Part 1}]
"""


def tag(layout: Layout, old: str, new: str) -> None:
    tree = layout.flowcharts_dir / "police.yaml"
    text = tree.read_text(encoding="utf-8")
    assert old in text
    tree.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def ruled(minimal_project: Layout) -> Layout:
    """The minimal project with two rules and its answers tagged with their facts."""
    minimal_project.safety_rules_file.write_text(RULES, encoding="utf-8")
    tag(
        minimal_project,
        "{label: Yes, next: call-999}",
        "{label: Yes, next: call-999, facts: [immediate-danger]}",
    )
    tag(
        minimal_project,
        "{label: Yes, next: refer-police}",
        "{label: Yes, next: refer-police, facts: [crime-reported]}",
    )
    return minimal_project
