"""`safeguide build --all`: every edition in parallel, an index page, and drafts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.project import Layout
from tests.editions.test_resolve import edition

pytestmark = pytest.mark.slow


def test_build_all_builds_every_edition_and_an_index(minimal_project: Layout) -> None:
    edition(minimal_project, "local")
    out = minimal_project.root / "published"
    result = CliRunner().invoke(
        main, ["--project", str(minimal_project.root), "build", "--all", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    for edition_id in ("local", "national"):
        data = json.loads((out / edition_id / "edition.json").read_text())
        assert data["id"] == edition_id
    index = (out / "index.html").read_text()
    assert 'href="local/index.html"' in index and 'href="national/index.html"' in index
    assert "Built on: national &lt;- local." in index  # escaped, shown as "<-"


def test_one_broken_edition_fails_the_run_but_not_the_others(minimal_project: Layout) -> None:
    edition(minimal_project, "local", extra="")  # unbound role: not publishable
    out = minimal_project.root / "published"
    result = CliRunner().invoke(
        main, ["--project", str(minimal_project.root), "build", "--all", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "local: not built" in result.output
    assert (out / "national" / "index.html").is_file()
    assert not (out / "local").exists()


def test_draft_build_marks_unbound_roles_to_be_completed(minimal_project: Layout) -> None:
    edition(minimal_project, "local", extra="")
    out = minimal_project.root / "draft"
    args = ["--project", str(minimal_project.root), "build", "--edition", "local", "--draft"]
    result = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    contacts = (out / "contacts.html").read_text()
    assert "To be completed before publishing" in contacts
    assert "DRAFT, not for publishing" in (out / "index.html").read_text()
