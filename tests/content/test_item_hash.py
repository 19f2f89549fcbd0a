"""The fingerprint an edition records of each base item it replaces or patches."""

from __future__ import annotations

import datetime

from generator.content.item_hash import short_hash
from generator.models import Block, Citation, Section


def _section(**extra: object) -> Section:
    return Section(
        id="s",
        title="A section",
        audience=["all-staff"],
        summary="Summary.",
        body=[Block(text="Text.")],
        sources=[Citation(source="kcsie-2025", where="Part one")],
        review_by=datetime.date(2027, 9, 1),
        owner="DSL",
        **extra,  # type: ignore[arg-type]
    )


def test_a_field_left_at_its_default_does_not_change_the_hash() -> None:
    """So a later safeguide adding an optional field does not make every edition drift."""
    assert short_hash(_section()) == short_hash(_section(part=None, order=100))
    assert len(short_hash(_section())) == 8


def test_any_real_change_changes_the_hash() -> None:
    assert short_hash(_section()) != short_hash(_section(part="Part 2"))
    assert short_hash(_section()) != short_hash(_section(order=3))
