"""``safeguide build --engine zensical``: the edition exported, built by the real
``zensical`` executable, checked by the guard, post-processed and swapped in; a missing
executable or a failed build leaves the previous site in place."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.project import Layout
from generator.errors import Position, Severity
from generator.site.completeness import missing_pages
from generator.site.engine import zensical
from generator.site.engine.zensical import Ran, find_zensical, zensical_diagnostics
from generator.site.generate import generate
from tests.conftest import REPO
from tests.test_site_links import broken_links

EPOCH = "1764460800"


def safeguide(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if ".tmp-" in p.name)


# --- Zensical's output as positioned diagnostics (no executable needed) ---------------


def test_a_warning_points_at_the_hand_written_page(minimal_project: Layout) -> None:
    (minimal_project.pages_dir / "about.md").write_text("# About\n", encoding="utf-8")
    output = (
        "Build started\nWarning: page does not exist\n    ╭─[ about.md:64:5 ]\n    │\n"
        " 64 │ [x](nowhere.md)\n1 issue found\nBuild finished in 1.2s\n"
    )
    (found,) = zensical_diagnostics(minimal_project, Ran(0, output))
    assert found.path == minimal_project.pages_dir / "about.md"
    assert (found.position, found.severity) == (Position(64, 5), Severity.WARNING)
    assert found.message == "zensical: page does not exist"


def test_under_strict_the_warnings_are_the_errors(minimal_project: Layout) -> None:
    output = (
        "Warning: page does not exist\n    ╭─[ flowcharts/police.md:3:1 ]\n"
        "Traceback (most recent call last):\n"
        "RuntimeError: Aborted because --strict flag is set\n"
    )
    (found,) = zensical_diagnostics(minimal_project, Ran(1, output))
    assert found.severity is Severity.ERROR
    assert found.path == minimal_project.mkdocs_config
    assert found.key_path == "generated page flowcharts/police.md"
    assert found.position == Position(3, 1)


def test_a_template_error_points_at_the_theme_override(minimal_project: Layout) -> None:
    output = (
        "Build started\nTraceback (most recent call last):\n  File ...\n"
        "RuntimeError: unknown method: undefined has no method named startswith "
        "(in main.html:34)\n"
    )
    (found,) = zensical_diagnostics(minimal_project, Ran(1, output))
    assert found.format(minimal_project.root) == (
        "site_config/theme/main.html:34:1: error: -: zensical build failed: unknown method: "
        "undefined has no method named startswith (in main.html:34) (engine-failed)"
    )


def test_any_other_failure_is_one_line_on_the_configuration(minimal_project: Layout) -> None:
    (found,) = zensical_diagnostics(minimal_project, Ran(1, "Error: site_dir must be within\n"))
    assert found.format(minimal_project.root) == (
        "mkdocs.yml:1:1: error: -: zensical build failed: site_dir must be within (engine-failed)"
    )
    (silent,) = zensical_diagnostics(minimal_project, Ran(3, ""))
    assert silent.message == "zensical build failed: exited with code 3 and no output"


# --- a missing executable ---------------------------------------------------------------


def test_a_missing_zensical_names_the_package_exits_1_and_keeps_the_site(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = minimal_project.root / "out"
    out.mkdir()
    (out / "index.html").write_text("the previous site", encoding="utf-8")
    before = snapshot(out)
    monkeypatch.setattr(zensical, "EXECUTABLE", "zensical-not-installed-here")
    with pytest.raises(zensical.ZensicalMissing):
        find_zensical()
    result = CliRunner().invoke(
        main,
        ["--project", str(minimal_project.root), "build", "--engine", "zensical", "--out", "out"],
    )
    assert result.exit_code == 1, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error: the zensical engine is not installed: no ")
    assert "pip install 'zensical==0.0.73'" in last and "make deps" in last
    assert snapshot(out) == before
    assert leftovers(out) == []


# --- the real executable ----------------------------------------------------------------


@pytest.mark.slow
def test_a_failed_zensical_build_is_positioned_and_keeps_the_site(
    minimal_project: Layout,
) -> None:
    done = safeguide(minimal_project.root, "build", "--engine", "zensical", "--out", "out")
    assert done.returncode == 0, done.stderr
    out = minimal_project.root / "out"
    before = snapshot(out)
    main_html = minimal_project.root / "site_config" / "theme" / "main.html"
    lines = main_html.read_text(encoding="utf-8").splitlines()
    lines.insert(28, '{% if page.title.startswith("x") %}{% endif %}')  # in a block
    main_html.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = safeguide(minimal_project.root, "build", "--engine", "zensical", "--out", "out")
    assert done.returncode == 1
    assert re.search(
        r"^site_config/theme/main\.html:\d+:1: error: -: zensical build failed: .*startswith"
        r".* \(engine-failed\)$",
        done.stderr,
        re.MULTILINE,
    ), done.stderr
    assert "national: not built; the previous site is unchanged" in done.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.mark.slow
def test_the_setting_chooses_zensical_and_the_pdfs_are_printed(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAFEGUIDE_CARD_PDF")
    config = minimal_project.mkdocs_config.read_text(encoding="utf-8")
    assert "    engine: properdocs\n" in config
    minimal_project.mkdocs_config.write_text(
        config.replace("    engine: properdocs\n", "    engine: zensical\n"), encoding="utf-8"
    )
    done = safeguide(minimal_project.root, "build", "--out", "out")
    assert done.returncode == 0, done.stderr
    assert "8 pages built by zensical in " in done.stderr
    out = minimal_project.root / "out"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'name="generator" content="zensical-' in index
    assert "PDFs: who-to-call.pdf, print/whole-edition.pdf" in done.stderr
    for pdf in ("who-to-call.pdf", "print/whole-edition.pdf"):
        assert (out / pdf).read_bytes().startswith(b"%PDF"), pdf
    assert 'href="who-to-call.pdf"' in (out / "contacts.html").read_text(encoding="utf-8")


@pytest.fixture
def national(zensical_national: Path) -> Path:
    return zensical_national


@pytest.mark.slow
def test_zensical_builds_every_page_of_national(national: Path) -> None:
    generated = generate(Layout(REPO), "national", pdfs=False)
    assert generated.site is not None
    assert missing_pages(generated.site, national) == []
    chart = "flowcharts/when-to-call-the-police.svg"
    for name in ("contacts.json", "edition.json", chart, "search.json"):
        assert (national / name).is_file(), name
    assert leftovers(national) == []
    page = (national / "index.html").read_text(encoding="utf-8")
    assert 'name="generator" content="zensical-' in page


@pytest.mark.slow
def test_zensical_pages_carry_the_policy_and_safe_outside_links(national: Path) -> None:
    themed = [
        p
        for p in national.rglob("*.html")
        if '<script id="__config" type="application/json">' in p.read_text(encoding="utf-8")
    ]
    assert len(themed) > 100
    for page in themed:
        html = page.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page
    outside = re.compile(r'<a\b[^>]*href="https?://[^"]*"[^>]*>')
    links = [m for p in themed for m in outside.findall(p.read_text(encoding="utf-8"))]
    assert links and all('rel="noopener noreferrer"' in link for link in links)


@pytest.mark.slow
def test_zensical_national_opens_from_file_with_the_chart_inline(national: Path) -> None:
    broken, pages = broken_links(national)
    assert broken == [] and pages > 100
    html = (national / "flowcharts" / "when-to-call-the-police.html").read_text(encoding="utf-8")
    assert "<svg" in html and 'href="/' not in html and "<base" not in html
    not_found = (national / "404.html").read_text(encoding="utf-8")
    assert 'href="/' not in not_found


def test_make_deps_installs_the_zensical_the_error_names() -> None:
    """`make deps` installs requirements.lock; the tests above need the executable."""
    pinned = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert zensical.PACKAGE in pinned
    assert f'zensical = ["{zensical.PACKAGE}"]' in (REPO / "pyproject.toml").read_text()
