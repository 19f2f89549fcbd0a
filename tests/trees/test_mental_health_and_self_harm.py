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
OBJECTS = (
    "No, but a young person able to make their own decisions (often aged 16 or 17)"
    " does not want them told"
)
PLAN = (
    "A plan, the means or preparations (for example tablets saved up, things given away,"
    " goodbye messages, a date), even if not for today"
)
PHYSICAL = (
    "Physical warning signs with not eating, being sick or over-exercising (fainting or"
    " nearly fainting, dizziness, a racing or irregular heartbeat, chest pain)"
)
NONE_OF_THESE = "None of these"
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


def test_the_dsl_asks_directly_about_suicide_on_every_child_route(
    national: ResolvedEdition,
) -> None:
    """Below the danger question, every route for a child passes the DSL's direct question
    about suicide (thoughts, a plan, the means, preparations) before the DSL decides
    anything else. Asking does not put the idea in a child's head, and NICE NG225 advises
    against labelling risk low, medium or high."""
    mental = tree(national, TREE)
    nodes = node_index(mental)
    tell = nodes["tell-dsl"]
    assert tell.next == "ask-about-suicide"
    assert any("asks directly and calmly" in action for action in tell.actions)
    ask = nodes["ask-about-suicide"]
    assert "does not put the idea in their head" in (ask.detail or "")
    assert "low, medium or high" in (ask.detail or "")
    assert [a.label for a in ask.answers] == [PLAN, PHYSICAL, NONE_OF_THESE]
    for route in routes_choosing(mental, "age", "Yes, under 18"):
        assert route.visited.index("ask-about-suicide") == route.visited.index("tell-dsl") + 1


def test_a_plan_means_or_preparations_gets_crisis_help_the_same_day(
    national: ResolvedEdition,
) -> None:
    """A child who answered No at the danger question may still tell the DSL of a plan,
    the means or preparations (things given away, goodbye messages, a date). That needs
    urgent mental health help the same day (NHS 111 mental health option, at any hour and
    for all ages, or A&E), not only a GP appointment; 999 if they could act now; the child
    stays with an adult; the parents are told now, even at 16 or 17, unless the harm may
    come from home, when children's social care's urgent line comes first."""
    mental = tree(national, TREE)
    (route,) = routes_choosing(mental, "ask-about-suicide", PLAN)
    end = outcome(mental, route)
    assert end.id == "crisis-help-today" and end.urgent
    assert end.contacts[0] == "police-emergency"
    assert {"childrens-social-care-urgent", "childrens-social-care-out-of-hours"} <= set(
        end.contacts
    )
    assert set(end.contacts) >= CRISIS_LINES | {"designated-safeguarding-lead"}
    assert "call 999" in end.actions[0] and "do not wait for the DSL" in end.actions[0]
    text = _text(end)
    assert "NHS 111" in text and "mental health option" in text and "A&E" in text
    assert "Keep the child with a named member of staff" in text
    assert "even at 16 or 17" in text and "tell the parents or carers now" in text
    assert "brothers, sisters" in text and "victim of domestic abuse" in text
    assert "safety plan" in text and "reasons" in text


def test_physical_warning_signs_need_a_doctor_urgently_and_999_on_collapse(
    national: ResolvedEdition,
) -> None:
    """Fainting, dizziness, a racing or irregular heartbeat or chest pain in a child who is
    not eating enough need a doctor urgently, not a routine appointment; 999 if they
    collapse, or faint with chest pain or palpitations (NHS, fainting). The same warning
    signs appear on the disordered-eating route and for students aged 18 or over."""
    mental = tree(national, TREE)
    (route,) = routes_choosing(mental, "ask-about-suicide", PHYSICAL)
    end = outcome(mental, route)
    assert end.id == "urgent-medical-check" and end.urgent
    assert end.contacts[0] == "police-emergency"
    assert end.actions[0].startswith("Call 999 if the child collapses")
    text = _text(end)
    assert "doctor urgently" in text and "Beat" in text and "PE" in text
    assert "childrens-social-care-front-door" in end.contacts, "no medical care may be neglect"
    for route in routes_choosing(mental, "what-did-the-dsl-find", MENTAL_HEALTH_PROBLEM):
        support = outcome(mental, route)
        assert any("faints" in a and "call 999" in a for a in support.actions)
    for route in routes_choosing(mental, "age", "No, 18 or over"):
        adult = outcome(mental, route)
        assert any("doctor urgently" in a for a in adult.actions)
        assert any("faint with chest pain" in a for a in adult.actions)
        assert any(a.startswith("Ask them directly and calmly") for a in adult.actions)
        assert any("another trusted adult" in a for a in adult.actions)


def test_a_young_person_who_objects_is_heard_before_parents_are_told(
    national: ResolvedEdition,
) -> None:
    """Self-harm with no harm from others, where a young person able to make their own
    decisions (often 16 or 17) does not want their parents told: the DSL weighs their views
    against the risk, decides with them whether, how and when the parents are told, shares
    without agreement when worried for their safety, and records the reasons (NICE NG225,
    consent and confidentiality). Secrecy is still never promised, and it is not a referral
    to children's social care or the police."""
    mental = tree(national, TREE)
    (route,) = routes_choosing(mental, "safe-to-tell-parents", OBJECTS)
    end = outcome(mental, route)
    assert end.id == "agree-with-the-young-person"
    assert not set(end.contacts) & (POLICE | SOCIAL_CARE)
    assert set(end.contacts) >= CRISIS_LINES | {"designated-safeguarding-lead"}
    text = _text(end)
    assert "whether, how and when" in end.text and "reasons" in end.text
    assert "never promise secrecy" in text
    assert "without the young person's agreement" in text
    assert "Record the young person's views" in text
    assert "NHS 111" in text and "GP" in text


def test_off_site_999_also_reaches_a_safe_parent_the_alerter_and_friends(
    national: ResolvedEdition,
) -> None:
    """A goodbye post or message at night: after 999, a parent or carer who is not the
    source of harm is phoned so they can get to the child, the person who raised the alert
    hears that help was sent and keeps the evidence, and friends who saw it are supported
    the next school day."""
    mental = tree(national, TREE)
    (route,) = routes_choosing(mental, "danger-now", AWAY)
    end = outcome(mental, route)
    parent = next(i for i, a in enumerate(end.actions) if a.startswith("After 999, phone"))
    assert parent > 0 and "unless they may be the source of harm" in end.actions[parent]
    assert any(a.startswith("Tell the person who alerted you") for a in end.actions)
    assert any("support the friends who saw the post" in a for a in end.actions)


def test_referral_covers_siblings_and_a_parent_who_is_a_victim_of_domestic_abuse(
    national: ResolvedEdition,
) -> None:
    """When self-harm is linked to harm at home, children's social care are told about
    brothers, sisters and anyone else at risk, including a parent who may be a victim of
    domestic abuse, and the DSL is pointed to the domestic abuse flowchart."""
    mental = tree(national, TREE)
    for route in routes_choosing(mental, "what-did-the-dsl-find", LINKED_TO_HARM):
        end = outcome(mental, route)
        assert "domestic-abuse" in end.trees
        assert any("brothers, sisters" in a and "domestic abuse" in a for a in end.actions)


def test_looked_after_children_reach_the_designated_teacher_and_virtual_school_head(
    national: ResolvedEdition,
) -> None:
    """For a looked-after child with self-harm or suicidal thoughts, the social worker and
    carer are told, and so are the designated teacher and the virtual school head, and the
    personal education plan is reviewed (KCSIE Part two; DfE, promoting the education of
    looked-after children)."""
    mental = tree(national, TREE)
    nodes = node_index(mental)
    for node_id in (
        "crisis-help-today",
        "refer-today",
        "parents-and-nhs-today",
        "agree-with-the-young-person",
    ):
        node = nodes[node_id]
        assert "virtual-school-head" in node.contacts, node_id
        text = " ".join(node.actions)
        assert "designated teacher" in text and "personal education plan (PEP)" in text, node_id


def test_the_member_of_staff_who_raised_it_hears_what_happens_next(
    national: ResolvedEdition,
) -> None:
    """Every non-emergency route tells the member of staff who raised the concern what was
    decided and what happens next: for a child through the shared DSL step, for a student
    aged 18 or over in the adult outcome."""
    mental = tree(national, TREE)
    nodes = node_index(mental)
    assert any("member of staff who raised the concern" in a for a in nodes["tell-dsl"].actions)
    assert any(
        "member of staff who raised the concern" in a for a in nodes["adult-student"].actions
    )
    for route in all_routes(mental):
        if not outcome(mental, route).urgent or route.outcome in {
            "crisis-help-today",
            "urgent-medical-check",
        }:
            assert "tell-dsl" in route.visited or route.outcome == "adult-student", route


def test_every_route_meets_every_safety_rule(national: ResolvedEdition) -> None:
    """Self-harm and suicidal thoughts always reach the DSL and a crisis line; a mental
    health concern that is also a safeguarding concern always reaches children's social
    care; immediate danger reaches 999 first. No route breaks any rule."""
    mental = tree(national, TREE)
    assert len(list(all_routes(mental))) == 12
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


def test_an_adult_student_is_asked_whether_anyone_is_harming_or_controlling_them(
    national: ResolvedEdition,
) -> None:
    """The adult route skips the DSL's questions for children, so it asks itself whether
    abuse lies behind the concern: anyone harming or controlling the student (domestic abuse,
    exploitation). With their agreement, or without it where the risk is serious, the police,
    adult social care or a domestic abuse service are involved; the National Domestic Abuse
    Helpline and the domestic abuse flowchart are named."""
    mental = tree(national, TREE)
    adult = node_index(mental)["adult-student"]
    asks = "Ask whether anyone is harming or controlling them"
    assert any(a.startswith(asks) for a in adult.actions)
    involve = next(a for a in adult.actions if a.startswith("If so, with their agreement"))
    assert "risk is serious" in involve and "adult social care" in involve
    assert "domestic abuse service" in involve and "police" in involve
    assert "national-domestic-abuse-helpline" in adult.contacts
    assert "domestic-abuse" in adult.trees
    assert not adult.urgent and "childrens-social-care-urgent" not in adult.contacts


def test_an_overdose_in_school_finds_out_what_how_much_and_when_and_keeps_the_packet(
    national: ResolvedEdition,
) -> None:
    """For the paramedics, staff calmly find out what was taken, how much and when, and keep
    any packet or container (NHS, poisoning)."""
    with_us = node_index(tree(national, TREE))["call-999-with-us"]
    line = next(a for a in with_us.actions if "calmly find out what was taken" in a)
    assert "how much and when" in line and "packet" in line and "paramedics" in line
    assert "nhs-poisoning" in {s.source for s in with_us.sources}


def test_staff_who_do_not_know_the_dsl_ask_and_the_suicide_question_is_proportionate(
    national: ResolvedEdition,
) -> None:
    """Supply or temporary staff who do not know who the DSL is ask the office or any senior
    leader at once (KCSIE 2026 Part one). The direct question about suicide is asked where
    there is any sign of low mood, self-harm, hopelessness or talk of death (PAPYRUS, NICE
    NG225), not of every child with ordinary exam worry."""
    nodes = node_index(tree(national, TREE))
    tell = nodes["tell-dsl"]
    assert any(
        "do not know who the DSL is" in a and "office or any senior leader" in a
        for a in tell.actions
    )
    ask_line = next(a for a in tell.actions if "asks directly and calmly" in a)
    assert "any sign of low mood, self-harm, hopelessness or talk of death" in ask_line
    assert "exam nerves" in (tell.detail or "")
    assert "None of these" in (nodes["ask-about-suicide"].detail or "")


def test_lasting_anxiety_is_told_apart_from_ordinary_exam_nerves(
    national: ResolvedEdition,
) -> None:
    """The DSL's decision says how to tell lasting anxiety (weeks, affecting sleep, eating,
    attendance) from ordinary exam nerves, without changing the answers: the first goes to
    NHS help and support in school, the second to wellbeing support; neither to children's
    social care or the police."""
    mental = tree(national, TREE)
    find = node_index(mental)["what-did-the-dsl-find"]
    detail = find.detail or ""
    assert "ordinary exam" in detail and "weeks" in detail
    assert "sleep, eating, attendance" in detail
    labels = [a.label for a in find.answers]
    assert MENTAL_HEALTH_PROBLEM in labels and WELLBEING in labels
    for label in (MENTAL_HEALTH_PROBLEM, WELLBEING):
        for route in routes_choosing(mental, "what-did-the-dsl-find", label):
            assert not set(outcome(mental, route).contacts) & (POLICE | SOCIAL_CARE)
