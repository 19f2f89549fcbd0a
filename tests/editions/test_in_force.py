"""Guidance published ahead of its start date: upcoming, in force, superseded, by the day."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.editions.in_force import source_status
from generator.models import Source

OLD = Source(
    id="kcsie-2025",
    title="Keeping children safe in education",
    publisher="Department for Education",
    edition="2025",
    in_force_from=datetime.date(2025, 9, 1),
    superseded_by="kcsie-2026",
)
NEW = Source(
    id="kcsie-2026",
    title="Keeping children safe in education",
    publisher="Department for Education",
    edition="2026",
    in_force_from=datetime.date(2026, 9, 1),
)
CATALOGUE = {"kcsie-2025": OLD, "kcsie-2026": NEW}


def test_before_the_start_date_the_old_edition_is_current_and_the_new_one_upcoming() -> None:
    day = datetime.date(2026, 8, 31)
    old = source_status(CATALOGUE, "kcsie-2025", day)
    assert old.state == "in force" and old.successor_upcoming and old.successor == NEW
    assert source_status(CATALOGUE, "kcsie-2026", day).state == "upcoming"


def test_on_the_start_date_the_new_edition_is_current_and_the_old_one_superseded() -> None:
    day = datetime.date(2026, 9, 1)
    assert source_status(CATALOGUE, "kcsie-2026", day).state == "in force"
    old = source_status(CATALOGUE, "kcsie-2025", day)
    assert old.state == "superseded" and old.successor == NEW


def test_a_source_without_dates_is_in_force_and_its_dated_successor_decides() -> None:
    undated = OLD.model_copy(update={"in_force_from": None})
    catalogue = {
        "kcsie-2025": undated,
        "kcsie-2026": NEW.model_copy(update={"in_force_from": None}),
    }
    assert source_status(catalogue, "kcsie-2025", datetime.date(2000, 1, 1)).state == "superseded"


def shipped_style_project(layout: Layout) -> None:
    """The minimal project's KCSIE 2025 gets a successor published ahead of 1 September 2027."""
    layout.sources_file.write_text(
        layout.sources_file.read_text(encoding="utf-8").replace(
            '    edition: "2025"\n',
            '    edition: "2025"\n    superseded_by: kcsie-2027\n',
        )
        + "  - id: kcsie-2027\n"
        "    title: Keeping children safe in education\n"
        "    publisher: Department for Education\n"
        '    edition: "2027 (for information until 1 September 2027)"\n'
        "    in_force_from: 2027-09-01\n",
        encoding="utf-8",
    )


def run(layout: Layout, today: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=layout.root,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "SAFEGUIDE_TODAY": today,
            "SOURCE_DATE_EPOCH": str(int(datetime.datetime.fromisoformat(today).timestamp())),
        },
        check=False,
    )


@pytest.mark.slow
def test_a_new_edition_of_the_guidance_takes_over_by_itself_on_its_start_date(
    minimal_project: Layout, tmp_path: Path
) -> None:
    shipped_style_project(minimal_project)
    out = tmp_path / "site"
    page = out / "guidance" / "responding.html"

    # The day before: the 2025 text is current; readers are told 2027 is coming.
    before = run(minimal_project, "2027-08-31", "build", "--out", str(out))
    assert before.returncode == 0, before.stdout + before.stderr
    html = page.read_text(encoding="utf-8")
    assert "comes into force on 1 September 2027" in html
    assert "superseded" not in html
    assert run(minimal_project, "2027-08-31", "check", "--strict").returncode == 0
    previous = tmp_path / "previous"
    shutil.copytree(out, previous)

    # The day after: a plain build warns and publishes; the page says the citation is
    # superseded; What's new lists the switch; --strict fails.
    after = run(minimal_project, "2027-09-02", "build", "--out", str(out))
    assert after.returncode == 0, after.stdout + after.stderr
    output = after.stdout + after.stderr
    assert "warning:" in output and "(superseded-source)" in output
    assert "superseded by 'kcsie-2027' (in force since 2027-09-01)" in output
    html = page.read_text(encoding="utf-8")
    assert "superseded:" in html and "is in force from 1 September 2027" in html
    assert "comes into force on" not in html
    whats_new = (out / "whats-new.html").read_text(encoding="utf-8")
    assert "source document" in whats_new
    assert "Keeping children safe in education (2027" in whats_new
    strict = run(minimal_project, "2027-09-02", "check", "--strict")
    assert strict.returncode == 1
    assert "(superseded-source)" in strict.stdout + strict.stderr

    # `safeguide changes` lists the switch against the build of the day before too.
    changes = run(minimal_project, "2027-09-02", "changes", "national", "--since", str(previous))
    assert "changed source kcsie-2025: Keeping children safe in education (2025) (state)" in (
        changes.stdout
    ), changes.stdout + changes.stderr
    assert "changed source kcsie-2027" in changes.stdout
