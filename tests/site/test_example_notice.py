"""A built example edition shows "Example edition: fictional details" on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.site.build import build_edition

pytestmark = pytest.mark.slow

NOTICE = (
    '<p class="sg-example-notice" role="note"><strong>Example edition: fictional details'
    "</strong></p>"
)


def test_every_page_of_an_example_edition_carries_the_notice(
    minimal_project: Layout, tmp_path: Path
) -> None:
    settings = minimal_project.edition_file("national")
    settings.write_text(settings.read_text() + "example: true\n", encoding="utf-8")
    out = tmp_path / "site"
    build_edition(minimal_project, "national", out)
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 5
    without = [p for p in pages if NOTICE not in p.read_text(encoding="utf-8")]
    assert sorted(p.relative_to(out).as_posix() for p in without) == [
        "print/whole-edition.html",
        "scenarios/facilitator-pack.html",
        "scenarios/handouts/all-handouts.html",
        "scenarios/handouts/police-cards.html",
        "who-to-call.html",
    ]  # printed documents, outside the theme: each says it in its own way
    for printed in without:
        assert "Example edition: fictional details" in printed.read_text(encoding="utf-8")


def test_a_real_edition_shows_no_notice(minimal_project: Layout, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_edition(minimal_project, "national", out)
    assert "sg-example-notice" not in (out / "index.html").read_text(encoding="utf-8")
