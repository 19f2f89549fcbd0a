"""The shipped local editions: their facts come from the seeds, their routes mean what they say."""

from __future__ import annotations

import re

import pytest

from generator.checks.pipeline import check_edition
from generator.checks.routes import all_routes
from generator.content.project import Layout
from generator.editions.resolve import Gap, ResolvedEdition
from generator.models import Contact
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
LOCAL_EDITIONS = ("essex", "worcestershire", "leicester", "example-school")
SEED_OF_SOURCE = {
    "essex-contacting-agencies": "000_",
    "essex-trust-cp-policy": "001_",
    "dfe-multi-agency-response-2022": "002_",
    "leicester-partnership-school-policy": "003_",
    "westlands-first-school-policy": "004_",
}


@pytest.fixture(scope="module")
def editions() -> dict[str, ResolvedEdition]:
    resolved = {}
    for edition_id in ("national", *LOCAL_EDITIONS):
        checked = check_edition(Layout(REPO), edition_id)
        assert checked.edition is not None, [d.format() for d in checked.diagnostics]
        resolved[edition_id] = checked.edition
    return resolved


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not in this checkout")
def test_every_number_and_address_from_a_seed_is_in_that_seed(
    editions: dict[str, ResolvedEdition],
) -> None:
    checked = 0
    for edition in editions.values():
        for located in edition.content.contacts.values():
            contact = located.item
            prefix = SEED_OF_SOURCE.get(contact.source.source)
            if prefix is None:
                continue
            [seed] = SEEDS.glob(f"{prefix}*.txt")
            text = seed.read_text(encoding="utf-8")
            for channel in contact.channels:
                if channel.type == "phone":
                    assert digits(channel.value) in digits(text), (contact.id, channel.value)
                    checked += 1
                elif channel.type == "email":
                    assert channel.value.lower() in text.lower(), (contact.id, channel.value)
                    checked += 1
    assert checked >= 10


def test_local_roles_are_bound_to_local_contacts_or_declared(
    editions: dict[str, ResolvedEdition],
) -> None:
    national_gaps = set(editions["national"].edition.item.gaps)
    for edition_id in LOCAL_EDITIONS:
        edition = editions[edition_id]
        for role_id in national_gaps:
            resolved = edition.resolve_contact(role_id)
            assert isinstance(resolved, Contact | Gap), (edition_id, role_id)
            if isinstance(resolved, Gap):
                assert "use your local edition" not in resolved.note, (edition_id, role_id)


def test_leicester_publishes_no_local_number(editions: dict[str, ResolvedEdition]) -> None:
    leicester = editions["leicester"]
    assert set(leicester.content.contacts) == set(editions["national"].content.contacts)
    assert all(isinstance(leicester.resolve_contact(r), Gap) for r in ("lado", "early-help"))


def test_essex_significant_harm_goes_to_the_priority_line(
    editions: dict[str, ResolvedEdition],
) -> None:
    tree = editions["essex"].content.trees["essex-levels-of-need"].item
    outcomes = {r.outcome for r in all_routes(tree) if r.choices[0].label == "Yes"}
    assert outcomes == {"priority-line"}
    hub = editions["essex"].resolve_contact("childrens-social-care-front-door")
    assert isinstance(hub, Contact) and hub.channels[0].value == "0345 603 7627"


def test_essex_urgent_routes_show_the_priority_line_and_others_the_request_for_support(
    editions: dict[str, ResolvedEdition],
) -> None:
    essex = editions["essex"]
    urgent = essex.resolve_contact("childrens-social-care-urgent")
    front_door = essex.resolve_contact("childrens-social-care-front-door")
    assert isinstance(urgent, Contact) and urgent.id == "essex-children-and-families-hub"
    assert "Priority Line" in urgent.name
    assert isinstance(front_door, Contact) and front_door.id == "essex-request-for-support"
    assert front_door.urgency == "same-day"
    concerns = {n.id: n for n in essex.content.trees["concerns-about-a-child"].item.nodes}
    assert "childrens-social-care-urgent" in concerns["refer-immediately"].contacts
    assert "childrens-social-care-urgent" not in concerns["make-referral"].contacts
    assert "childrens-social-care-front-door" in concerns["make-referral"].contacts


def test_essex_patches_reach_through_to_the_example_school(
    editions: dict[str, ResolvedEdition],
) -> None:
    school = editions["example-school"]
    assert school.chain == ("example-school", "essex", "national")
    nodes = [n.id for n in school.content.trees["concerns-about-a-child"].item.nodes]
    assert "essex-check-level-of-need" in nodes and "hollyfield-record-on-the-log" in nodes
    dsl = school.resolve_contact("designated-safeguarding-lead")
    assert isinstance(dsl, Contact) and "(fictional)" in dsl.name
    assert school.resolve_contact("lado") == editions["essex"].resolve_contact("lado")


def test_worcestershire_out_of_hours_route(editions: dict[str, ResolvedEdition]) -> None:
    tree = editions["worcestershire"].content.trees["worcestershire-family-front-door"].item
    route = next(r for r in all_routes(tree) if r.outcome == "out-of-hours")
    assert [c.label for c in route.choices][-1] == "No, evenings or weekends"
    night = editions["worcestershire"].resolve_contact("childrens-social-care-out-of-hours")
    assert isinstance(night, Contact) and night.channels[0].value == "01905 768020"


def test_every_shipped_edition_is_free_of_drift(editions: dict[str, ResolvedEdition]) -> None:
    from generator.editions.drift import find_drift

    assert {e: [d.override.item_id for d in find_drift(x)] for e, x in editions.items()} == {
        e: [] for e in editions
    }


def test_the_example_school_uses_only_drama_range_numbers(
    editions: dict[str, ResolvedEdition],
) -> None:
    school = editions["example-school"]
    own = [c.item for c in school.content.contacts.values() if c.item.id.startswith("hollyfield")]
    assert own
    for contact in own:
        for channel in contact.channels:
            if channel.type == "phone":
                assert channel.value.startswith("020 7946 0"), channel.value
            if channel.type == "email":
                assert channel.value.endswith(".example"), channel.value
