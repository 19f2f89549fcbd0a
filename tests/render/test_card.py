"""The who-to-call card: rows resolved for the edition, gaps declared, never invented."""

from __future__ import annotations

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.card import card_html, card_rows
from tests.conftest import REPO


def rows(edition_id: str) -> dict[str, dict[str, object]]:
    checked = check_edition(Layout(REPO), edition_id)
    assert checked.edition is not None
    return {str(row["role"]): row for row in card_rows(checked.edition)}


def test_worcestershire_card_has_its_front_door_and_out_of_hours_numbers() -> None:
    card = rows("worcestershire")
    assert card["Children's social care (front door)"]["number"] == "01905 822666"
    assert card["Children's social care (out of hours)"]["number"] == "01905 768020"
    assert card["Police (emergency)"]["href"] == "tel:999"
    assert card["Local Authority Designated Officer (LADO)"]["gap"] is True


def test_national_card_declares_local_numbers_as_not_published() -> None:
    card = rows("national")
    assert card["Children's social care (front door)"]["gap"] is True
    assert card["Children's social care (front door)"]["number"] is None
    assert card["NSPCC Helpline"]["number"] == "0808 800 5000"


def test_card_html_escapes_and_names_the_edition() -> None:
    checked = check_edition(Layout(REPO), "example-school")
    assert checked.edition is not None
    html = card_html(checked.edition, "2026-11-25T10:00:00Z")
    assert "Hollyfield Primary School (fictional) safeguarding guidance" in html
    assert 'href="tel:+442079460100"' in html
    assert "@page { size: A4" in html


def test_a_line_that_serves_urgent_and_other_referrals_shows_once() -> None:
    worcestershire = rows("worcestershire")
    assert "Children's social care (urgent)" not in worcestershire  # same line as the front door
    essex = rows("essex")
    assert "Priority Line" in str(essex["Children's social care (urgent)"]["who"])
    assert essex["Children's social care (front door)"]["number"] == "0345 603 7627"
