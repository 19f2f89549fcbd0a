"""The national edition's meaning, pinned route by route rather than by wording.

Each test walks every route of a shipped tree (``all_routes``) and asserts where the
official guidance says a DSL must end up: who is contacted, which duties are statutory,
which routes keep a matter in school.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.pipeline import check_edition
from generator.checks.routes import all_routes
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.models import OutcomeNode, QuestionNode
from tests.trees.routes import outcome, routes_choosing, tree

REPO = Layout(Path(__file__).resolve().parent.parent)
SEEDS = REPO.root.parent / "shared" / "seeds"
POLICE = {"police-emergency", "police-non-emergency"}
SOCIAL_CARE = {"childrens-social-care-front-door", "childrens-social-care-out-of-hours"}
LAW_OR_STATUTORY_GUIDANCE = {
    "kcsie-2026",
    "fgm-multi-agency-statutory-guidance",
    "forced-marriage-statutory-guidance-2023",
    "dfe-school-attendance-2024",
    "counter-terrorism-and-security-act-2015",
    "working-together-2023",
    "fgm-act-2003",
    "children-act-1989",
    "marriage-minimum-age-act-2022",
    "protection-of-children-act-1978",
}


@pytest.fixture(scope="module")
def national() -> ResolvedEdition:
    checked = check_edition(REPO, "national")
    assert checked.edition is not None, [d.format() for d in checked.diagnostics]
    return checked.edition


# --- Police: reported rape, harassment, under-10 -------------------------------------


def test_reported_rape_reaches_police_and_childrens_social_care(national: ResolvedEdition) -> None:
    police = tree(national, "when-to-call-the-police")
    for route in routes_choosing(
        police, "what-was-reported", "Rape, assault by penetration or sexual assault"
    ):
        contacts = set(outcome(police, route).contacts)
        assert contacts & POLICE and contacts & SOCIAL_CARE, route


def test_danger_to_life_reaches_999_first(national: ResolvedEdition) -> None:
    police = tree(national, "when-to-call-the-police")
    for route in routes_choosing(police, "immediate-danger", "Yes"):
        end = outcome(police, route)
        assert end.urgent and "police-emergency" in end.contacts


def test_every_urgent_outcome_names_the_emergency_number(national: ResolvedEdition) -> None:
    for located in national.content.trees.values():
        for node in located.item.nodes:
            if isinstance(node, OutcomeNode) and node.urgent:
                assert "police-emergency" in node.contacts, (located.item.id, node.id)


# --- KCSIE Part five -------------------------------------------------------------------


def test_under_10_alleged_perpetrator_still_reaches_police_and_social_care(
    national: ResolvedEdition,
) -> None:
    part5 = {n.id: n for n in tree(national, "kcsie-part-5").nodes}
    for step_id in ("report-rape", "report-sexual-assault"):
        step = part5[step_id]
        assert set(step.contacts) & POLICE and set(step.contacts) & SOCIAL_CARE
        assert step.detail is not None
        assert "under 10, still report" in step.detail and "welfare" in step.detail


def test_part_5_sexual_violence_never_ends_without_police_and_social_care(
    national: ResolvedEdition,
) -> None:
    part5 = tree(national, "kcsie-part-5")
    nodes = {n.id: n for n in part5.nodes}
    labels = [a.label for a in nodes["what-was-reported"].answers]  # type: ignore[union-attr]
    for label in labels[:3]:  # rape, sexual assault, causing sexual activity
        for route in routes_choosing(part5, "what-was-reported", label):
            named = {ref for node_id in route.visited for ref in nodes[node_id].contacts}
            assert named & POLICE and named & SOCIAL_CARE, route


def test_part_5_options_combine_and_the_endings_include_unfounded_reports(
    national: ResolvedEdition,
) -> None:
    part5 = {n.id: n for n in tree(national, "kcsie-part-5").nodes}
    options = [a.label for a in part5["choose-an-option"].answers]  # type: ignore[union-attr]
    assert options == [
        "Manage internally",
        "Manage internally with early help",
        "Refer to children's social care (a child has been harmed or is at risk)",
    ]
    endings = [a.label for a in part5["end-of-criminal-process"].answers]  # type: ignore[union-attr]
    assert endings == [
        "Conviction or caution",
        "Not guilty, or no further action by the police or prosecutors",
        "The report was found to be unsubstantiated, unfounded, false or malicious",
    ]


# --- Sharing nudes (UKCIS) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("tree_id", "node_id"),
    [("sharing-nudes", "adult-involved"), ("when-to-call-the-police", "nudes-adult-involved")],
)
def test_an_adult_involved_in_sharing_nudes_always_reaches_police(
    national: ResolvedEdition, tree_id: str, node_id: str
) -> None:
    nudes = tree(national, tree_id)
    for route in routes_choosing(nudes, node_id, "Yes"):
        assert set(outcome(nudes, route).contacts) & POLICE, route


@pytest.mark.parametrize("node_id", ["coercion-or-capacity", "unusual-or-violent", "under-13"])
def test_each_aggravating_answer_refers_to_police_and_social_care(
    national: ResolvedEdition, node_id: str
) -> None:
    nudes = tree(national, "sharing-nudes")
    for route in routes_choosing(nudes, node_id, "Yes"):
        contacts = set(outcome(nudes, route).contacts)
        assert contacts & POLICE and contacts & SOCIAL_CARE


def test_an_experimental_incident_can_be_handled_in_school(national: ResolvedEdition) -> None:
    nudes = tree(national, "sharing-nudes")
    routes = list(routes_choosing(nudes, "any-other-concern", "No, it appears experimental"))
    for route in routes:
        end = outcome(nudes, route)
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)
        assert "designated-safeguarding-lead" in end.contacts
    # Only a route that answered "No" to all five UKCIS questions gets there.
    for question in (
        "adult-involved",
        "coercion-or-capacity",
        "unusual-or-violent",
        "under-13",
        "immediate-risk",
    ):
        assert all(
            any(c.node_id == question and c.label == "No" for c in r.choices) for r in routes
        )


def test_reckless_sharing_without_intent_to_harm_is_weighed_not_reported_automatically(
    national: ResolvedEdition,
) -> None:
    """Both trees that ask give the same answer: intent to harm goes to the police; an image
    passed on without consent but not to harm is weighed by the DSL."""
    nudes = tree(national, "sharing-nudes")
    police = tree(national, "when-to-call-the-police")
    weighed = [
        (
            nudes,
            "shared-to-harm",
            "Yes, passed on or shown without consent, but not to harm anyone",
        ),
        (police, "nudes-passed-on", "Yes"),
    ]
    for found, node_id, label in weighed:
        for route in routes_choosing(found, node_id, label):
            end = outcome(found, route)
            assert end.text.startswith("Passed on without consent but not to harm")
            assert "police-emergency" not in end.contacts
            assert any("advice" in a for a in end.actions)
    harm = [
        (
            nudes,
            "shared-to-harm",
            "Yes, to hurt, humiliate, threaten or bully someone (intent to harm)",
        ),
        (
            police,
            "nudes-aggravating",
            "It was shared to hurt, humiliate or threaten (intent to harm)",
        ),
    ]
    for found, node_id, label in harm:
        for route in routes_choosing(found, node_id, label):
            assert set(outcome(found, route).contacts) & POLICE


def test_the_urgent_nudes_outcome_has_crisis_help_and_sextortion_advice(
    national: ResolvedEdition,
) -> None:
    nudes = tree(national, "sharing-nudes")
    for route in routes_choosing(nudes, "immediate-risk", "Yes"):
        end = outcome(nudes, route)
        text = " ".join(end.actions).lower()
        assert "mental health" in text and "not to pay" in text and "block" in text
        assert "initial review" in text


# --- KCSIE Part one, missing child, allegations ---------------------------------------


def test_part_1_referral_routes_end_with_every_social_care_decision(
    national: ResolvedEdition,
) -> None:
    part1 = tree(national, "concerns-about-a-child")
    ends = {
        r.outcome
        for r in routes_choosing(part1, "dsl-decides", "Referral to children's social care")
    }
    assert ends == {"immediate-protection", "section-47", "section-17", "no-formal-assessment"}


def test_part_1_urgent_outcome_keeps_the_child_safe_until_advice(
    national: ResolvedEdition,
) -> None:
    part1 = {n.id: n for n in tree(national, "concerns-about-a-child").nodes}
    urgent = part1["refer-immediately"]
    assert isinstance(urgent, OutcomeNode) and urgent.urgent
    text = " ".join(urgent.actions).lower()
    assert "keep the child in school" in text and "do not tell the parent" in text
    assert "leading questions" in text and "photograph" in text
    # A child who already has a social worker: they are told too; after a mental health
    # crisis, follow-up and a safety plan for the child's return.
    assert "social worker" in text and "safety plan" in text and "camhs" in text


def test_part_1_new_concern_about_a_known_child_reaches_the_social_worker_today(
    national: ResolvedEdition,
) -> None:
    part1 = tree(national, "concerns-about-a-child")
    for route in routes_choosing(part1, "has-social-worker", "Yes, or an assessment is under way"):
        end = outcome(part1, route)
        assert end.id == "tell-social-worker" and set(end.contacts) & SOCIAL_CARE
        assert "same day" in end.text


def test_part_1_students_aged_18_are_not_referred_as_children(national: ResolvedEdition) -> None:
    part1 = tree(national, "concerns-about-a-child")
    for route in routes_choosing(part1, "student-age", "Yes, 18 or over"):
        end = outcome(part1, route)
        assert end.id == "adult-student"
        assert "police-non-emergency" in end.contacts


def test_police_harm_by_a_parent_goes_to_social_care_first(national: ResolvedEdition) -> None:
    police = tree(national, "when-to-call-the-police")
    label = "A parent, carer or another adult at home may have hurt or harmed a child"
    for route in routes_choosing(police, "what-was-reported", label):
        end = outcome(police, route)
        assert "childrens-social-care-front-door" in end.contacts
        assert "police-non-emergency" not in end.contacts
        assert "strategy discussion" in end.text


def test_police_under_10_note_is_only_about_sexual_violence_and_parents_are_told(
    national: ResolvedEdition,
) -> None:
    police = {n.id: n for n in tree(national, "when-to-call-the-police").nodes}
    assert not any("Under 10" in a for a in police["weigh-the-factors"].actions)
    manage = police["manage-in-school"]
    assert isinstance(manage, OutcomeNode)
    assert any("parents" in a for a in manage.actions)


def test_a_child_not_found_is_always_reported_to_the_police(national: ResolvedEdition) -> None:
    missing = tree(national, "missing-child")
    for route in routes_choosing(missing, "found-after-search", "No"):
        end = outcome(missing, route)
        assert set(end.contacts) & POLICE
        assert any("found" in action for action in end.actions), "tell the police when found"
    for route in routes_choosing(missing, "significant-harm-now", "Yes"):
        assert outcome(missing, route).urgent


def test_allegations_meeting_the_harm_threshold_reach_the_lado_within_one_working_day(
    national: ResolvedEdition,
) -> None:
    allegations = tree(national, "allegations-against-staff")
    for route in routes_choosing(allegations, "harm-threshold", "Yes, or it might"):
        end = outcome(allegations, route)
        assert "lado" in end.contacts
        assert "one working day" in " ".join([end.text, *end.actions])


def test_every_route_to_the_lado_first_passes_the_first_response(
    national: ResolvedEdition,
) -> None:
    """No shortcut (former staff, non-recent, the proprietor, an adult survivor) skips the
    first actions: no promise of secrecy, a written record, nobody tells the adult."""
    allegations = tree(national, "allegations-against-staff")
    nodes = {n.id: n for n in allegations.nodes}
    first = nodes["first-response"]
    text = " ".join(first.actions).lower()
    assert "secret" in text and "write down" in text and "current employer" in text
    for route in all_routes(allegations):
        if route.outcome in {"refer-to-lado", "adult-survivor"}:
            assert "first-response" in route.visited, route


def test_an_adult_survivor_is_told_what_is_shared_and_the_school_checks_its_records(
    national: ResolvedEdition,
) -> None:
    allegations = tree(national, "allegations-against-staff")
    label = "An adult who says they were abused as a child"
    for route in routes_choosing(allegations, "non-recent", label):
        end = outcome(allegations, route)
        text = " ".join(end.actions).lower()
        assert "shared with the lado" in text and "records" in text
        assert "do not contact or warn" in text and "teaching regulation agency" in text


def test_after_the_lado_the_parents_the_adult_and_the_child_are_all_supported(
    national: ResolvedEdition,
) -> None:
    end = next(
        n for n in tree(national, "allegations-against-staff").nodes if n.id == "after-the-lado"
    )
    text = " ".join(end.actions).lower()
    assert "parents or carers updated" in text
    assert "named contact" in text
    assert "whatever the outcome" in text


def test_a_child_missing_education_is_not_a_police_report_by_default(
    national: ResolvedEdition,
) -> None:
    missing = tree(national, "missing-child")
    label = (
        "No: the family seems to have moved away or not come back from a holiday,"
        " and nothing else is a worry"
    )
    for route in routes_choosing(missing, "whereabouts-unknown", label):
        end = outcome(missing, route)
        assert end.id == "child-missing-education"
        assert "education-access" in end.contacts
        text = " ".join(end.actions).lower()
        assert "home visit" in text and "on the school roll" in text and "record" in text


def test_a_missing_child_with_a_social_worker_reaches_both_the_social_worker_and_police(
    national: ResolvedEdition,
) -> None:
    missing = tree(national, "missing-child")
    for route in routes_choosing(
        missing, "social-worker-whereabouts", "No: nobody can confirm where the child is"
    ):
        end = outcome(missing, route)
        assert set(end.contacts) & POLICE
        assert set(end.contacts) & (SOCIAL_CARE | {"childrens-social-care-urgent"})
        assert any("social worker" in a for a in end.actions)


def test_every_missing_child_outcome_has_a_record_line(national: ResolvedEdition) -> None:
    for node in tree(national, "missing-child").nodes:
        if isinstance(node, OutcomeNode):
            assert any("record" in a.lower() for a in node.actions), node.id


def test_a_low_level_concern_is_recorded_in_school_not_referred(
    national: ResolvedEdition,
) -> None:
    allegations = tree(national, "allegations-against-staff")
    label = "No, but the behaviour does not fit the staff code of conduct"
    for route in routes_choosing(allegations, "harm-threshold", label):
        end = outcome(allegations, route)
        assert end.id == "low-level-concern"
        assert any("recorded" in action for action in end.actions)


# --- Duties: FGM, private fostering, basis and citations ------------------------------


def test_known_fgm_in_a_girl_under_18_is_a_statutory_personal_police_report(
    national: ResolvedEdition,
) -> None:
    fgm = tree(national, "fgm-mandatory-reporting")
    known = "A girl under 18 has told me FGM was done to her, or I have seen signs of it"
    for route in routes_choosing(fgm, "what-do-you-know", known):
        end = outcome(fgm, route)
        assert set(end.contacts) & POLICE and "designated-safeguarding-lead" in end.contacts
        assert set(end.contacts) & SOCIAL_CARE
    # The duty is personal to teachers: a teacher reports, within one month at the latest.
    for route in routes_choosing(fgm, "are-you-a-teacher", "Yes, I teach (qualified or not)"):
        end = outcome(fgm, route)
        assert end.basis == "statutory" and set(end.contacts) & POLICE
        assert "fgm-act-2003" in {c.source for c in end.sources}
        assert "one month" in " ".join([end.detail or "", *end.actions])
    # Other staff are not under the duty: they tell the DSL at once and never promise secrecy.
    staff = "No, I am a teaching assistant or other member of staff"
    for route in routes_choosing(fgm, "are-you-a-teacher", staff):
        end = outcome(fgm, route)
        assert end.basis != "statutory"
        assert any("secrecy" in action for action in end.actions)
    suspected = "A girl may be at risk, or someone else suspects it"
    for route in routes_choosing(fgm, "what-do-you-know", suspected):
        assert outcome(fgm, route).basis != "statutory", "the duty covers known cases only"
    # A teacher told by the girl never promises secrecy and explains that they must report.
    for route in routes_choosing(fgm, "are-you-a-teacher", "Yes, I teach (qualified or not)"):
        assert any("secrecy" in action for action in outcome(fgm, route).actions)
    # Someone else's account that FGM has probably already been done is a suspected case:
    # police and children's social care the same day, her medical care, the family not alerted.
    already = "Someone else says FGM has probably already been done to a girl under 18"
    for route in routes_choosing(fgm, "what-do-you-know", already):
        end = outcome(fgm, route)
        assert end.basis != "statutory"
        assert set(end.contacts) & POLICE and set(end.contacts) & SOCIAL_CARE
        text = " ".join([end.text, *end.actions]).lower()
        assert "medical" in text and "do not tell the family" in text
    # A woman of 18 or over: the duty does not apply, but her younger sisters get the
    # at-risk protections (police, the family not alerted, a protection order before travel).
    for route in routes_choosing(fgm, "what-do-you-know", "The woman is 18 or over"):
        end = outcome(fgm, route)
        assert set(end.contacts) & POLICE and set(end.contacts) & SOCIAL_CARE
        text = " ".join(end.actions)
        assert "Protection Order" in text and "Do not tell or contact the family" in text


def test_students_aged_18_and_over_are_not_routed_as_children(national: ResolvedEdition) -> None:
    health = tree(national, "health-help-after-sexual-abuse")
    assert health.start == "under-18", "the age check comes before any referral"
    for route in routes_choosing(health, "under-18", "No, 18 or over"):
        end = outcome(health, route)
        assert "sarc" in end.contacts and not end.urgent
        assert any("as a child" in action for action in end.actions)
    marriage = tree(national, "forced-marriage-and-honour-based-abuse")
    for route in routes_choosing(marriage, "age", "No, 18 or over"):
        end = outcome(marriage, route)
        assert not set(end.contacts) & {"childrens-social-care-urgent"}
        if end.id != "no-concern":
            assert "forced-marriage-unit" in end.contacts
            assert any("as a child" in action for action in end.actions)


def test_recent_sexual_assault_gets_same_day_health_help(national: ResolvedEdition) -> None:
    health = tree(national, "health-help-after-sexual-abuse")
    for route in routes_choosing(health, "how-recent", "In the last five days, or not known"):
        end = outcome(health, route)
        assert "sarc" in end.contacts and "today" in end.text
        assert "victim-support-health-after-sexual-assault" in {c.source for c in end.sources}
    for route in routes_choosing(health, "urgent-care", "Yes"):
        end = outcome(health, route)
        assert end.urgent and end.contacts[0] == "police-emergency" and "sarc" in end.contacts
        assert "chisva" in end.contacts, "the urgent route offers a ChISVA too"
        assert any("on the phone" in action for action in end.actions), "a child not in school"
    # A child who may already be pregnant gets a test and advice, not only emergency
    # contraception timings.
    pregnant = "More than five days ago, and the child thinks they may be pregnant"
    for route in routes_choosing(health, "how-recent", pregnant):
        end = outcome(health, route)
        assert "pregnancy test" in end.text and "sarc" in end.contacts
        assert any("exploitation" in action for action in end.actions)
    # An assault in the last five days goes to the SARC today, pregnancy worry or not:
    # the time-critical answer is offered first.
    how_recent = next(n for n in health.nodes if n.id == "how-recent")
    assert isinstance(how_recent, QuestionNode)
    assert how_recent.answers[0].next == "sarc-today"
    # Every outcome says what to record, including the adult student's.
    for node in health.nodes:
        if isinstance(node, OutcomeNode):
            assert any(action.startswith("Record") for action in node.actions), node.id


def test_statutory_duties_cite_law_or_statutory_guidance(national: ResolvedEdition) -> None:
    statutory = 0
    for located in national.content.trees.values():
        for node in located.item.nodes:
            if node.basis == "statutory":
                statutory += 1
                assert {c.source for c in node.sources} & LAW_OR_STATUTORY_GUIDANCE, node.id
    for located in national.content.sections.values():
        for block in located.item.body:
            if block.basis == "statutory":
                statutory += 1
                assert {c.source for c in block.sources} & LAW_OR_STATUTORY_GUIDANCE
    assert statutory >= 5


def test_every_node_cites_its_source(national: ResolvedEdition) -> None:
    uncited = [
        (located.item.id, node.id)
        for located in national.content.trees.values()
        for node in located.item.nodes
        if not node.sources
    ]
    assert uncited == []


# --- Coverage: trees, sections, scenarios, roles, sources -----------------------------

REQUIRED_TREES = {
    "kcsie-part-5",
    "when-to-call-the-police",
    "sharing-nudes",
    "concerns-about-a-child",
    "missing-child",
    "allegations-against-staff",
    "fgm-mandatory-reporting",
    "forced-marriage-and-honour-based-abuse",
    "private-fostering",
    "health-help-after-sexual-abuse",
    "domestic-abuse",
    "child-exploitation",
    "mental-health-and-self-harm",
    "online-safety-and-filtering",
    "children-with-a-social-worker",
}


def test_every_required_tree_ships_with_at_least_two_scenarios(national: ResolvedEdition) -> None:
    trees = set(national.content.trees)
    assert trees >= REQUIRED_TREES
    per_tree = {t: 0 for t in trees}
    for located in national.content.scenarios.values():
        per_tree[located.item.tree] += 1
    assert {t: n for t, n in per_tree.items() if n < 2} == {}


def test_the_fifteen_guidance_topics_ship_with_review_dates(national: ResolvedEdition) -> None:
    sections = national.content.sections
    assert len(sections) >= 15
    for located in sections.values():
        assert located.item.review_by and located.item.sources
    police = sections["contacting-the-police"].item
    assert any("| Crime |" in block.text for block in police.body), "crime table as a table"


def test_local_roles_are_bound_by_default_or_declared_as_gaps(national: ResolvedEdition) -> None:
    roles = national.content.roles
    must_bind = {
        "childrens-social-care-front-door",
        "childrens-social-care-out-of-hours",
        "lado",
        "police-non-emergency",
        "police-schools-officer",
        "early-help",
        "sarc",
        "education-access",
        "local-safeguarding-partnership",
        "prevent-referral",
        "virtual-school-head",
        "mental-health-lead",
        "operation-encompass-contact",
        "filtering-and-monitoring-provider",
    }
    assert must_bind <= set(roles)
    gaps = set(national.edition.item.gaps)
    for role_id in must_bind:
        assert roles[role_id].item.default or role_id in gaps, role_id
    assert roles["police-emergency"].item.default == "police-999"
    assert roles["police-non-emergency"].item.default == "police-101"


def test_superseded_guidance_points_at_its_replacement(national: ResolvedEdition) -> None:
    sources = {k: v.item for k, v in national.content.sources.items()}
    assert sources["working-together-2018"].superseded_by == "working-together-2023"
    assert sources["kcsie-2025"].superseded_by == "kcsie-2026"
    assert sources["kcsie-2024"].superseded_by == "kcsie-2026"
    assert sources["kcsie-2022"].superseded_by == "kcsie-2026"


# --- No real person is named ----------------------------------------------------------

NAMED_CONTACT = re.compile(r"Contacts?: ([A-Z][a-z]+(?: [A-Z]\.?)? [A-Z][a-z']+(?:-[A-Z][a-z]+)?)")
NAMED_GOVERNOR = re.compile(r"(?:Chair of Governors|Vice Chair) ([A-Z][a-z]+ [A-Z][a-z]+)")
SEED_EMAIL = re.compile(r"([a-z0-9._-]+)@[a-z0-9.-]+\.(?:gov|police|org|nhs)\.uk", re.IGNORECASE)


def real_names_in_seeds() -> set[str]:
    """People named in the seeds: directory contacts, and officers named beside their email."""
    names: set[str] = set()
    for seed in SEEDS.glob("*.txt"):
        text = seed.read_text(encoding="utf-8")
        names.update(NAMED_CONTACT.findall(text))
        names.update(NAMED_GOVERNOR.findall(text))
        for line in text.splitlines():
            if SEED_EMAIL.search(line):
                names.update(re.findall(r"\b([A-Z][a-z]+ [A-Z][a-z]+)(?=,| \u2013| -)", line))
    return names


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not in this checkout")
def test_no_person_named_in_the_seeds_is_published() -> None:
    names = real_names_in_seeds()
    assert len(names) >= 10, names  # the extraction itself works
    published = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in (REPO.content, REPO.flowcharts_dir, REPO.editions_dir)
        for path in folder.rglob("*.yaml")
    )
    assert sorted(n for n in names if n in published) == []


def test_private_fostering_is_notified_only_when_every_condition_holds(
    national: ResolvedEdition,
) -> None:
    fostering = tree(national, "private-fostering")
    notified = {
        route.outcome
        for route in all_routes(fostering)
        if [c.label for c in route.choices] == ["Yes", "Yes", "Yes"]
    }
    assert notified == {"notify-local-authority"}
    for route in all_routes(fostering):
        if route.outcome == "notify-local-authority":
            assert [c.label for c in route.choices] == ["Yes", "Yes", "Yes"]
    end = next(n for n in fostering.nodes if n.id == "notify-local-authority")
    assert end.basis == "statutory" and "childrens-social-care-front-door" in end.contacts


def test_malicious_sharing_gets_the_same_answer_in_both_trees_that_ask(
    national: ResolvedEdition,
) -> None:
    """The same facts give the same answer in every tree: both the nudes tree and the police
    tree carry image-shared-to-harm, so the rule that it reaches the police binds both."""
    from generator.checks.safety import breaches, rules_for_tree

    for tree_id in ("sharing-nudes", "when-to-call-the-police"):
        found = tree(national, tree_id)
        assert "image-shared-to-harm-reaches-police" in [
            r.id for r in rules_for_tree(national, found)
        ], tree_id
        assert breaches(national, found) == []


def test_the_catalogue_records_which_kcsie_is_in_force_and_since_when() -> None:
    """Checked on 2026-11-30: KCSIE 2026 has applied since 1 September 2026; 2025 before it."""
    import datetime

    from generator.editions.in_force import source_status

    checked = check_edition(REPO, "national")
    assert checked.edition is not None
    catalogue = {key: located.item for key, located in checked.edition.content.sources.items()}
    assert catalogue["kcsie-2026"].in_force_from == datetime.date(2026, 9, 1)
    assert catalogue["kcsie-2025"].superseded_by == "kcsie-2026"
    day = datetime.date(2026, 11, 30)
    assert source_status(catalogue, "kcsie-2026", day).state == "in force"
    assert source_status(catalogue, "kcsie-2025", day).state == "superseded"
    before = datetime.date(2026, 8, 31)
    assert source_status(catalogue, "kcsie-2025", before).state == "in force"
    assert source_status(catalogue, "kcsie-2026", before).state == "upcoming"
    cited = [
        str(path.relative_to(REPO.root))
        for folder in ("content", "flowcharts", "site_config/editions")
        for path in (REPO.root / folder).rglob("*.yaml")
        if "source: kcsie-2025" in path.read_text(encoding="utf-8")
    ]
    assert cited == []
