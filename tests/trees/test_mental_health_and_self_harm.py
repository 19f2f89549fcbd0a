"""The mental health, self-harm and suicide risk tree, pinned route by route.

KCSIE 2026 Part one ("mental health"): staff observe and only trained professionals
diagnose; a mental health concern that is also a safeguarding concern goes to the DSL
at once under the child protection policy. DfE "Mental health and behaviour in schools"
(2018), the DfE guidance on the senior mental health lead and NICE NG225 (self-harm)
shape what the DSL does next.
"""

from __future__ import annotations

from generator.checks.routes import all_routes
from generator.checks.safety import breaches, rules_for_tree
from generator.editions.resolve import ResolvedEdition
from generator.models import OutcomeNode
from tests.trees.routes import POLICE, SOCIAL_CARE, node_index, outcome, routes_choosing, tree

TREE = "mental-health-and-self-harm"
CRISIS_LINES = {"childline", "samaritans", "shout"}
WITH_US = "Yes, and the child is with us (in school or on a trip)"
AWAY = "Yes, and the child is somewhere else (at home, at night, or messaging us)"
LINKED_TO_HARM = (
    "It is linked to abuse, neglect, exploitation or domestic abuse,"
    " or the child is at risk of significant harm"
)
SELF_HARM = (
    "The child has self-harmed or has thoughts of suicide, with no sign of harm from anyone else"
)
NOT_SAFE_TO_TELL = "Yes, or the DSL is not sure (for example the child fears what a parent will do)"
SAFE_TO_TELL = "No, it is safe to tell them"
MENTAL_HEALTH_PROBLEM = (
    "Signs of a mental health problem without self-harm or suicidal thoughts"
    " (for example lasting low mood, anxiety, disordered eating)"
)
ONLINE = (
    "Harmful online content about suicide or self-harm was seen or shared,"
    " and the child is not at risk"
)
WELLBEING = (
    "Sadness or worry that fits what has happened, with no risk"
    " (for example a pet died, exam nerves)"
)


def _text(end: OutcomeNode) -> str:
    return " ".join([end.text, end.detail or "", *end.actions])


def test_danger_to_life_calls_999_first_in_school_and_off_site(national: ResolvedEdition) -> None:
    """An overdose, a serious injury, or a plan and the means now: 999 is the first thing
    after the answer, in school or away from it (KCSIE Part one, immediate danger). In
    school nobody leaves the child alone and means are removed only if it is safe; off
    site at night, 999 comes first and children's social care's out-of-hours service
    follows where there is a safeguarding concern."""
    mental = tree(national, TREE)
    assert mental.start == "danger-now", "danger to life is asked before anything else"
    for label in (WITH_US, AWAY):
        for route in routes_choosing(mental, "danger-now", label):
            end = outcome(mental, route)
            assert route.visited[1] == end.id, "999 is the first thing after the answer"
            assert end.urgent and end.contacts[0] == "police-emergency"
            assert "childrens-social-care-urgent" in end.contacts
            assert "childrens-social-care-out-of-hours" in end.contacts
            assert "designated-safeguarding-lead" in end.contacts
            assert "safety plan" in _text(end)
    (with_us,) = routes_choosing(mental, "danger-now", WITH_US)
    in_school = outcome(mental, with_us)
    assert in_school.actions[0].startswith("Call 999")
    assert any("do not leave them alone" in action for action in in_school.actions)
    assert any("only if it is safe" in action for action in in_school.actions)
    assert any("unless the harm may come from home" in action for action in in_school.actions)
    (away,) = routes_choosing(mental, "danger-now", AWAY)
    off_site = outcome(mental, away)
    assert off_site.actions[0].startswith("Call 999")
    first_social_care = next(
        i for i, action in enumerate(off_site.actions) if "out-of-hours service" in action
    )
    assert first_social_care > 0, "out-of-hours social care is called after 999, not before"


def test_every_child_route_passes_the_dsl_the_same_day_without_secrecy(
    national: ResolvedEdition,
) -> None:
    """Below the danger question, every route for a child goes through the DSL step: staff
    listen, never promise to keep it secret, do not diagnose, and tell the DSL straight
    away about self-harm or talk of suicide, never later than the same day."""
    mental = tree(national, TREE)
    nodes = node_index(mental)
    tell = nodes["tell-dsl"]
    assert tell.contacts == ["designated-safeguarding-lead"]
    text = " ".join(tell.actions)
    assert "Do not promise to keep it secret" in text and "same day" in text
    assert "diagnose" in text and "only appropriately trained professionals" in (tell.detail or "")
    for route in routes_choosing(mental, "age", "Yes, under 18"):
        assert "tell-dsl" in route.visited, route


def test_a_mental_health_concern_that_is_a_safeguarding_concern_goes_to_social_care(
    national: ResolvedEdition,
) -> None:
    """Self-harm linked to abuse, neglect, exploitation or domestic abuse, or a risk of
    significant harm, is a safeguarding concern: the DSL refers to children's social care
    today, agrees with them before the parents are told, escalates if nothing happens, and
    still gets the child mental health help (KCSIE Part one; Working Together chapter 2)."""
    mental = tree(national, TREE)
    routes = [
        *routes_choosing(mental, "what-did-the-dsl-find", LINKED_TO_HARM),
        *routes_choosing(mental, "safe-to-tell-parents", NOT_SAFE_TO_TELL),
    ]
    for route in routes:
        end = outcome(mental, route)
        assert end.id == "refer-today"
        assert {"childrens-social-care-front-door", "childrens-social-care-urgent"} <= set(
            end.contacts
        )
        assert {"designated-safeguarding-lead", "local-safeguarding-partnership"} <= set(
            end.contacts
        )
        assert set(end.contacts) >= CRISIS_LINES
        text = _text(end)
        assert "before anyone tells the parents or carers" in text
        assert "Keep the child safe in school" in text
        assert "National Referral Mechanism" in text and "CAMHS" in text


def test_parents_are_told_today_unless_that_puts_the_child_at_greater_risk(
    national: ResolvedEdition,
) -> None:
    """Self-harm or suicidal thoughts with no sign of harm from others: the parents or
    carers are told the same day and helped to get NHS care (GP, CAMHS, NHS 111, 999 if
    life is at risk), with a safety plan and crisis lines; no police or social care
    referral. If telling them would put the child at greater risk, social care first."""
    mental = tree(national, TREE)
    nodes = node_index(mental)
    assert "greater risk" in nodes["safe-to-tell-parents"].text
    for route in routes_choosing(mental, "safe-to-tell-parents", SAFE_TO_TELL):
        end = outcome(mental, route)
        assert end.id == "parents-and-nhs-today"
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)
        assert set(end.contacts) >= CRISIS_LINES
        text = _text(end)
        assert "today" in end.text and "GP" in text and "CAMHS" in text
        assert "NHS 111" in text and "999" in text and "safety plan" in text
        assert "friends" in text and "social worker" in text


def test_the_senior_mental_health_lead_never_stands_in_for_the_dsl(
    national: ResolvedEdition,
) -> None:
    """The senior mental health lead plans support and safety plans, but does not replace
    the DSL: every node that names the lead also names the DSL."""
    mental = tree(national, TREE)
    naming_lead = [n for n in mental.nodes if "mental-health-lead" in getattr(n, "contacts", [])]
    assert naming_lead
    for node in naming_lead:
        assert "designated-safeguarding-lead" in node.contacts, node.id


def test_sadness_that_fits_what_happened_is_not_escalated(national: ResolvedEdition) -> None:
    """A child who is sad after a pet died, or nervous about exams, with no risk, is a
    wellbeing matter: support in school and a record, no police, children's social care,
    early help or CAMHS referral. A mental health problem without risk goes to the NHS
    through the parents, still without police or social care."""
    mental = tree(national, TREE)
    for route in routes_choosing(mental, "what-did-the-dsl-find", WELLBEING):
        end = outcome(mental, route)
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE | {"early-help"})
        assert "mental-health-lead" in end.contacts
        assert "no referral" in end.text.lower()
        assert any(action.startswith("Record") for action in end.actions)
        assert "CAMHS" not in _text(end)
    for route in routes_choosing(mental, "what-did-the-dsl-find", MENTAL_HEALTH_PROBLEM):
        end = outcome(mental, route)
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)
        assert "GP" in _text(end) and "mental-health-lead" in end.contacts


def test_harmful_online_content_is_reported_not_shared(national: ResolvedEdition) -> None:
    """Content promoting suicide or self-harm is a KCSIE online content risk: it is not
    copied or forwarded, it is reported and blocked through the filtering and monitoring
    provider, and the children who saw it are checked on."""
    mental = tree(national, TREE)
    for route in routes_choosing(mental, "what-did-the-dsl-find", ONLINE):
        end = outcome(mental, route)
        assert "filtering-and-monitoring-provider" in end.contacts
        assert end.actions[0].startswith("Do not copy, forward or show")
        assert any(action.startswith("Report it") for action in end.actions)
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)


def test_a_student_aged_18_or_over_is_not_routed_as_a_child(national: ResolvedEdition) -> None:
    """A student aged 18 or over gives their own consent and is pointed to the GP, NHS 111
    and crisis lines; confidentiality ends where their life is at risk (999), and any
    younger child at risk is referred, not just considered."""
    mental = tree(national, TREE)
    for route in routes_choosing(mental, "age", "No, 18 or over"):
        end = outcome(mental, route)
        assert not end.urgent and "childrens-social-care-urgent" not in end.contacts
        assert "police-emergency" in end.contacts and {"samaritans", "shout"} <= set(end.contacts)
        text = _text(end)
        assert "consent" in text and "GP" in text and "NHS 111" in text
        assert "Refer any younger child at risk to children's social care" in end.actions
        assert "childrens-social-care-front-door" in end.contacts


def test_every_route_meets_every_safety_rule(national: ResolvedEdition) -> None:
    """Self-harm and suicidal thoughts always reach the DSL and a crisis line; a mental
    health concern that is also a safeguarding concern always reaches children's social
    care; immediate danger reaches 999 first. No route breaks any rule."""
    mental = tree(national, TREE)
    assert len(list(all_routes(mental))) == 9
    rules = {r.id for r in rules_for_tree(national, mental)}
    assert {
        "immediate-danger-calls-999-first",
        "immediate-danger-reaches-urgent-childrens-social-care",
        "self-harm-reaches-dsl",
        "self-harm-reaches-crisis-support",
        "mental-health-safeguarding-reaches-childrens-social-care",
        "referral-reaches-childrens-social-care",
    } <= rules
    assert breaches(national, mental) == []
