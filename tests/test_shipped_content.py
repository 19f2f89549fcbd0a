"""The content shipped in this repository checks cleanly and builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.site.build import build_edition

REPO = Layout(Path(__file__).resolve().parent.parent)
PERSONAL_EMAIL = re.compile(r"^[a-z]+[._][a-z]+@", re.IGNORECASE)


@pytest.mark.parametrize("edition_id", REPO.edition_ids())
def test_every_edition_checks_without_errors_or_warnings(
    edition_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFEGUIDE_TODAY", "2026-11-24")
    checked = check_edition(REPO, edition_id)
    assert [d.format() for d in checked.diagnostics] == []


def test_national_content_exercises_every_model() -> None:
    checked = check_edition(REPO, "national")
    assert checked.edition is not None
    content = checked.edition.content
    assert len(content.sections) >= 3
    assert len(content.contacts) >= 10
    assert len(content.trees) >= 2
    assert len(content.scenarios) >= 1
    kinds = {node.kind for tree in content.trees.values() for node in tree.item.nodes}
    assert kinds == {"question", "step", "outcome"}


def test_no_personal_email_addresses_are_published() -> None:
    checked = check_edition(REPO, "national")
    assert checked.edition is not None
    emails = [
        channel.value
        for contact in checked.edition.content.contacts.values()
        for channel in contact.item.channels
        if channel.type == "email"
    ]
    assert [e for e in emails if PERSONAL_EMAIL.match(e)] == []


@pytest.mark.slow
def test_national_edition_builds_strictly(tmp_path: Path) -> None:
    out = tmp_path / "national"
    build_edition(REPO, "national", out, strict=True)
    assert (out / "index.html").is_file()
    assert len(list((out / "flowcharts").glob("*.json"))) == len(
        list(REPO.flowcharts_dir.glob("*.yaml"))
    )
