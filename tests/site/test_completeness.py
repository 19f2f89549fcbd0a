"""The guard after the engine: a build whose engine wrote fewer pages than safeguide
generated (its plugin not run, or the configuration excluding pages) fails with one line
and leaves the previous site in place."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.render.pages import Page
from generator.render.site import RenderedSite
from generator.site.completeness import missing_pages

pytestmark = pytest.mark.slow

# safeguide's command line in a process whose engine ignores safeguide's plugin, as an
# engine without a plugin API does: the plugin's on_files hands over no generated file.
PLUGIN_IGNORED = textwrap.dedent(
    """
    import sys
    from generator.site.engine import runtime
    runtime.start(sys.argv[1])
    from generator.site.engine.plugin import SafeguidePlugin
    SafeguidePlugin.on_files = lambda self, files, *, config: files
    from generator.cli import main
    main(sys.argv[2:], prog_name="safeguide")
    """
)


def safeguide(
    layout: Layout, *args: str, ignore_plugin: str | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", *args]
    if ignore_plugin is not None:
        command = [sys.executable, "-c", PLUGIN_IGNORED, ignore_plugin, *args]
    return subprocess.run(
        command, cwd=layout.root, capture_output=True, text=True, env=os.environ, check=False
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("engine", ["properdocs", "mkdocs"])
def test_an_engine_that_ignores_the_plugin_fails_the_build(
    minimal_project: Layout, engine: str
) -> None:
    assert safeguide(minimal_project, "build").returncode == 0
    site = minimal_project.root / "site" / "national"
    before = snapshot(site)
    result = safeguide(minimal_project, "build", "--engine", engine, ignore_plugin=engine)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(
        f"mkdocs.yml:1:1: error: -: expected {engine} to build all 8 pages generated for "
        "edition 'national', got 0 (missing index.md, "
    )
    assert errors[0].endswith(
        " and 3 more): the engine did not run safeguide's plugin, or the configuration "
        "excludes generated pages (engine-incomplete)"
    )
    assert lines[-3:] == [
        errors[0],
        "1 error(s), 0 warning(s)",
        "national: not built; the previous site is unchanged",
    ]
    assert snapshot(site) == before


def test_a_configuration_that_excludes_generated_pages_fails_the_build(
    minimal_project: Layout,
) -> None:
    config = minimal_project.mkdocs_config
    config.write_text(config.read_text() + "exclude_docs: |\n  flowcharts/\n", encoding="utf-8")
    result = safeguide(minimal_project, "build")
    assert result.returncode == 1, result.stderr
    assert "to build all 8 pages generated for edition 'national', got 6 (missing " in (
        result.stderr
    )
    assert "flowcharts/police.md" in result.stderr and "flowcharts/police-routes.md" in (
        result.stderr
    )
    assert result.stderr.splitlines()[0].endswith("(engine-incomplete)")
    assert not (minimal_project.root / "site" / "national").exists()


def test_pages_are_found_with_or_without_directory_urls(tmp_path: Path) -> None:
    site = RenderedSite(
        "national",
        "Test",
        [Page(src, "", "") for src in ("index.md", "guidance/a.md", "guidance/index.md")],
        {},
        [],
    )
    for html in ("index.html", "guidance/a/index.html", "guidance/index.html"):
        (tmp_path / html).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / html).write_text("x")
    assert missing_pages(site, tmp_path) == []
    (tmp_path / "guidance" / "a" / "index.html").unlink()
    assert missing_pages(site, tmp_path) == ["guidance/a.md"]
    (tmp_path / "guidance" / "a.html").write_text("x")
    assert missing_pages(site, tmp_path) == []
