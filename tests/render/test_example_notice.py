"""The example edition says "Example edition: fictional details" on every printed page too."""

from __future__ import annotations

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.render.card import card_html
from generator.render.example_notice import EXAMPLE_NOTICE
from generator.render.facilitator_pack import facilitator_pack_html
from generator.render.print_edition import whole_edition_html
from tests.conftest import REPO

NOTICE = f'<p class="example" role="note">{EXAMPLE_NOTICE}</p>'


def _resolved(edition_id: str) -> ResolvedEdition:
    checked = check_edition(Layout(REPO), edition_id)
    assert checked.edition is not None
    return checked.edition


def test_the_example_school_card_and_printed_edition_carry_the_notice() -> None:
    school = _resolved("example-school")
    assert NOTICE in card_html(school, "2026-11-25T10:00:00Z")
    assert NOTICE in whole_edition_html(school, [], "0" * 64, "2026-11-25T10:00:00Z")
    assert EXAMPLE_NOTICE in facilitator_pack_html(school, "2026-11-25T10:00:00Z")


def test_a_real_edition_carries_no_notice() -> None:
    essex = _resolved("essex")
    assert EXAMPLE_NOTICE not in card_html(essex, "2026-11-25T10:00:00Z")
    assert EXAMPLE_NOTICE not in whole_edition_html(essex, [], "0" * 64, "2026-11-25T10:00:00Z")
