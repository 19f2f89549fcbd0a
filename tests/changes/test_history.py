"""Change tracking: snapshots compared, history kept per build, pages flagged, the feed."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from generator.changes.history import Change, Entry, compare, history, recent_by_page
from generator.changes.snapshot import Item
from generator.cli import main
from generator.content.project import Layout
from generator.site.build import build_edition
from tests.editions.test_resolve import git

SECTION = ("section", "responding")


def test_compare_reports_added_changed_and_removed_with_fields() -> None:
    old = {
        SECTION: Item("Responding", "guidance/responding.md", {"summary": "a", "title": "R"}),
        ("contact", "gone"): Item("Gone", "contacts.md", {"x": 1}),
    }
    new = {
        SECTION: Item("Responding", "guidance/responding.md", {"summary": "b", "title": "R"}),
        ("contact", "new"): Item("New", "contacts.md", {"x": 1}),
    }
    assert [c.describe() for c in compare(old, new)] == [
        "changed section responding: Responding (summary)",
        "removed contact gone: Gone",
        "added contact new: New",
    ]
    assert compare(new, new) == []


def test_history_adds_an_entry_only_when_something_changed() -> None:
    change = Change("contact", "x", "X", "changed", "contacts.md", ("channels",))
    first = history([], [change], "2026-11-01T10:00:00Z")
    assert history(first, [], "2026-11-02T10:00:00Z") == first
    second = history(first, [change], "2026-11-03T10:00:00Z")
    assert [e.date[:10] for e in second] == ["2026-11-03", "2026-11-01"]


def test_pages_are_flagged_only_within_the_configured_days() -> None:
    change = Change("contact", "x", "X", "changed", "contacts.md")
    entries = [Entry("2026-11-20T09:00:00Z", (change,)), Entry("2026-09-01T09:00:00Z", (change,))]
    flagged = recent_by_page(entries, datetime.date(2026, 11, 25), 30)
    assert flagged == {"contacts.md": [("2026-11-20", change)]}
    assert recent_by_page(entries, datetime.date(2026, 11, 25), 0) == {}


@pytest.mark.slow
def test_each_build_records_what_changed_since_the_last_one(
    minimal_project: Layout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18
    build_edition(minimal_project, "national", out)
    assert json.loads((out / "changes.json").read_text())["entries"] == []
    contacts = minimal_project.root / "content" / "contacts.yaml"
    text = contacts.read_text().replace("0800 1111", "0800 800 5000")
    contacts.write_text(text, encoding="utf-8")
    build_edition(minimal_project, "national", out)
    [entry] = json.loads((out / "changes.json").read_text())["entries"]
    assert [(c["change"], c["item_id"], c["fields"]) for c in entry["changes"]] == [
        ("changed", "childline", ["channels"])
    ]
    page = (out / "contacts.html").read_text()
    assert "Changed recently" in page and "changed contact Childline (channels)" in page
    assert "Changed recently" not in (out / "index.html").read_text()
    whats_new = (out / "whats-new.html").read_text()
    assert "Childline" in whats_new
    feed = ET.fromstring((out / "changes.xml").read_text())
    atom = "{http://www.w3.org/2005/Atom}"
    assert [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")] == [
        "1 change on 2026-11-18"
    ]
    build_edition(minimal_project, "national", out)  # nothing new: history unchanged
    assert len(json.loads((out / "changes.json").read_text())["entries"]) == 1


@pytest.mark.slow
def test_changes_command_compares_with_a_build_folder(
    minimal_project: Layout, tmp_path: Path
) -> None:
    live = tmp_path / "live"
    build_edition(minimal_project, "national", live)
    section = minimal_project.root / "content" / "sections" / "responding.yaml"
    section.write_text(section.read_text().replace("straight away", "at once"), encoding="utf-8")
    args = ["--project", str(minimal_project.root), "changes", "national", "--since", str(live)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "changed section responding: " in result.output
    assert "(summary)" in result.output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changes_command_compares_with_a_git_ref(minimal_project: Layout) -> None:
    git(minimal_project, "init", "-q")
    git(minimal_project, "add", "-A")
    git(minimal_project, "commit", "-q", "-m", "first")
    contacts = minimal_project.root / "content" / "contacts.yaml"
    text = contacts.read_text().replace("0800 1111", "0800 800 5000")
    contacts.write_text(text, encoding="utf-8")
    runner = CliRunner()
    base = ["--project", str(minimal_project.root), "changes", "national", "--since"]
    result = runner.invoke(main, [*base, "HEAD"])
    assert result.exit_code == 0, result.output
    assert "changed contact childline: Childline (channels)" in result.output
    missing = runner.invoke(main, [*base, "no-such-ref"])
    assert missing.exit_code == 2
    assert "expected a build folder or a git ref" in missing.output
