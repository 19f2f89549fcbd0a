"""``safeguide export``: a plain docs folder and a plugin-free mkdocs.yml that an engine
without plugins (Zensical) builds whole, and that ProperDocs builds into the same pages as
``safeguide build`` once the post-build pass has run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.content.project import Layout
from generator.site.build import build_edition
from generator.site.completeness import missing_pages
from generator.site.export import plain_config
from generator.site.generate import generate
from generator.site.postprocess import postprocess_site

BIN = Path(sys.executable).parent


def run(cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=os.environ, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def export(layout: Layout, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "export", "national", str(out)],
        cwd=layout.root,
        capture_output=True,
        text=True,
        env=os.environ,
        check=False,
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_plain_config_drops_the_hook_and_carries_the_edition(
    minimal_project: Layout,
) -> None:
    project = yaml.safe_load(minimal_project.mkdocs_config.read_text(encoding="utf-8"))
    assert project["hooks"] and project["extra"]["safeguide"]
    generated = generate(minimal_project, "national")
    assert generated.site is not None
    config = plain_config(project, generated.site)
    assert "hooks" not in config and "safeguide" not in config["extra"]
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["theme"]["variant"] == "classic"
    assert config["nav"] == generated.site.nav
    assert config["site_name"] == generated.site.site_name
    theme = generated.site.theme
    assert theme is not None and theme.print_line
    assert config["extra"]["safeguide_print_line"] == theme.print_line
    assert config["extra"]["polyfills"] == ["assets/vendor/iframe-worker-shim.js"]
    assert config["extra_css"][-1] == "assets/stylesheets/edition.css"
    assert config["plugins"] == project["plugins"]


@pytest.mark.slow
def test_properdocs_builds_the_export_into_the_published_pages(
    minimal_project: Layout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")
    out = tmp_path / "exported"
    done = export(minimal_project, out)
    assert done.returncode == 0, done.stderr
    assert "national: exported 8 pages and" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["docs", "mkdocs.yml", "overrides"]
    assert (out / "docs" / "guidance" / "responding.md").is_file()
    assert (out / "overrides" / "main.html").is_file()

    run(out, str(BIN / "properdocs"), "build", "-q", "-f", "mkdocs.yml")
    run(tmp_path, sys.executable, "-m", "generator", "postprocess", str(out / "site"))
    published = tmp_path / "published"
    build_edition(minimal_project, "national", published)
    exported, built = files(out / "site"), files(published)
    assert sorted(exported) == sorted(built)
    index = "search/search_index.json"
    differing = sorted(p for p in built if exported[p] != built[p])
    assert differing in ([], ["search/search_index.js", index])
    # the search index holds the same entries; only their order follows the files' order
    entries = [json.loads(exported[index])["docs"], json.loads(built[index])["docs"]]
    assert sorted(entries[0], key=json.dumps) == sorted(entries[1], key=json.dumps)


@pytest.mark.slow
def test_zensical_builds_every_page_of_the_export(minimal_project: Layout, tmp_path: Path) -> None:
    out = tmp_path / "exported"
    assert export(minimal_project, out).returncode == 0
    built = run(out, str(BIN / "zensical"), "build", "-f", "mkdocs.yml")
    assert "No issues found" in built.stdout + built.stderr
    site = out / "site"
    generated = generate(minimal_project, "national")
    assert generated.site is not None
    assert missing_pages(generated.site, site) == []
    assert (site / "contacts.json").is_file() and (site / "flowcharts" / "police.svg").is_file()
    page = (site / "guidance" / "responding.html").read_text(encoding="utf-8")
    assert '<p class="sg-print-edition">' in page  # the theme override ran
    assert 'name="generator" content="zensical-' in page

    done = postprocess_site(site)
    assert done.changed > 0 and postprocess_site(site).changed == 0
    page = (site / "guidance" / "responding.html").read_text(encoding="utf-8")
    assert page.count('http-equiv="Content-Security-Policy"') == 1
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/' not in not_found and '"base": "."' in not_found


@pytest.mark.slow
def test_an_export_of_broken_content_changes_nothing(
    minimal_project: Layout, tmp_path: Path
) -> None:
    out = tmp_path / "exported"
    assert export(minimal_project, out).returncode == 0
    before = files(out)
    tree = minimal_project.flowcharts_dir / "police.yaml"
    tree.write_text(tree.read_text().replace("next: crime", "next: nowhere"))
    done = export(minimal_project, out)
    assert done.returncode == 1
    assert "(unknown-reference)" in done.stderr
    assert "national: not exported;" in done.stderr
    assert files(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".exported.tmp-")] == []
