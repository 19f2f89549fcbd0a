"""The Graphviz wrapper: cache by DOT source and Graphviz version, missing `dot`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.project import Layout
from generator.render.flowcharts import (
    ChartRenderer,
    GraphvizMissing,
    graphviz_version,
    run_dot,
)
from generator.text_cache import default_cache_dir

DOT = 'digraph "t" { graph [id="t-graph", label="T"]; "a" -> "b"; }\n'


def test_second_render_of_the_same_source_comes_from_the_cache(tmp_path: Path) -> None:
    first = ChartRenderer(tmp_path)
    svg = first.svg(DOT)
    assert (first.rendered, first.reused) == (1, 0)
    second = ChartRenderer(tmp_path)
    assert second.svg(DOT) == svg
    assert (second.rendered, second.reused) == (0, 1)
    assert len(list((tmp_path / "svg").glob("*.svg"))) == 1


def test_changed_source_renders_again(tmp_path: Path) -> None:
    renderer = ChartRenderer(tmp_path)
    renderer.svg(DOT)
    renderer.svg(DOT.replace('"b"', '"c"'))
    assert (renderer.rendered, renderer.reused) == (2, 0)


def test_cache_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAFEGUIDE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    one, two = tmp_path / "one", tmp_path / "two"
    # Outside the project, so nothing in the content tree can pose as cached output.
    assert default_cache_dir(one).parent == tmp_path / "user-cache" / "safeguide"
    assert not default_cache_dir(one).is_relative_to(one)
    assert default_cache_dir(one) == default_cache_dir(one) != default_cache_dir(two)
    monkeypatch.setenv("SAFEGUIDE_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert default_cache_dir(one) == tmp_path / "elsewhere"


def test_build_reports_rendered_then_reused(minimal_project: Layout) -> None:
    runner = CliRunner()
    args = ["--project", str(minimal_project.root), "build"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "flowcharts: 1 rendered, 0 reused from cache" in first.output
    second = runner.invoke(main, args)
    assert "flowcharts: 0 rendered, 1 reused from cache" in second.output
    svg = minimal_project.root / "site" / "national" / "flowcharts" / "police.svg"
    assert svg.read_text(encoding="utf-8").startswith("<svg ")


def test_missing_dot_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissing, match="install the 'graphviz' package"):
        run_dot(DOT)
    with pytest.raises(GraphvizMissing):
        graphviz_version()


def test_cli_build_without_dot_exits_1_with_one_line(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("SAFEGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["--project", str(minimal_project.root), "build"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        "error: Graphviz's 'dot' program was not found on PATH: install the 'graphviz' "
        "package (for example 'apt-get install graphviz' or 'brew install graphviz') "
        "and run the command again"
    ]
    assert not (minimal_project.root / "site" / "national").exists()


def test_a_batch_gives_the_same_svg_as_one_dot_process_per_graph() -> None:
    from generator.checks.pipeline import check_edition
    from generator.content.project import Layout
    from generator.render.dot_source import ChartLinks, tree_to_dot
    from generator.render.flowcharts import run_dot, run_dot_batch
    from generator.render.tree_order import tree_order
    from tests.conftest import REPO

    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    sources = [
        tree_to_dot(t.item, checked.edition, tree_order(t.item), ChartLinks(page="x.html"))
        for t in checked.edition.content.trees.values()
    ]
    assert len(sources) >= 10
    assert run_dot_batch(sources) == [run_dot(source) for source in sources]


def test_dot_is_asked_its_version_once_per_installed_binary(tmp_path: Path) -> None:
    ChartRenderer(tmp_path).svg(DOT)
    (stored,) = (tmp_path / "dot-version").iterdir()
    assert stored.read_text(encoding="utf-8") == graphviz_version()
    stored.write_text("9.9.9-recorded", encoding="utf-8")
    again = ChartRenderer(tmp_path)
    again.svg(DOT)  # a new key: the recorded version is part of it, so dot renders again
    assert again.rendered == 1
    assert again._version == "9.9.9-recorded"
