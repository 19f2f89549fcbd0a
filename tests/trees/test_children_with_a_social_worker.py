"""The tree for children who have, or have had, a social worker, pinned route by route.

KCSIE 2026 Part two ("children who need a social worker", "looked after children and
previously looked after children", "the designated teacher", "virtual school heads",
"care leavers"): the DSL holds the social worker's and the virtual school head's details
and shares information proactively. The DfE statutory guidance on promoting the education
of looked-after and previously looked-after children (2018), the DfE suspension and
permanent exclusion guidance and the Children Act 1989 (parental responsibility under a
care order and in section 20 accommodation) shape what the DSL does next.
"""

from __future__ import annotations

from generator.checks.routes import all_routes
from generator.checks.safety import breaches, rules_for_tree
from generator.editions.resolve import ResolvedEdition
from generator.models import OutcomeNode, QuestionNode
from tests.trees.routes import POLICE, SOCIAL_CARE, node_index, outcome, routes_choosing, tree

TREE = "children-with-a-social-worker"
DANGER = "Yes, someone is in danger now"
HAS_SOCIAL_WORKER = (
    "Has a social worker: a child in need plan, a child protection plan, or an assessment under way"
)
LOOKED_AFTER = "Looked after by a local authority (in care)"
PREVIOUSLY = (
    "Previously looked after: adopted, or left care under a special guardianship"
    " or child arrangements order"
)
NEW_WORRY = "A new worry about the child's safety or welfare"
MISSING = "The child is missing, or absent and nobody can say where they are"
LAC_MISSING = (
    "The child is missing from school or placement, or absent and nobody can say where they are"
)
EXCLUSION = (
    "The child may be suspended or excluded, or put on a part-time timetable"
    " or in alternative provision"
)
LAC_CONTACT = (
    "A birth parent or relative has come to school or made contact,"
    " and contact is restricted or supervised"
)
PLAC_CONTACT = (
    "A birth parent or relative has come to school or made contact,"
    " and the family has said there is to be no contact"
)
ADULT = "No, 18 or over (for example a care leaver)"
WORKS_WITH_CHILDREN = (
    "A worry about an adult who works, or used to work, with children"
    " (staff, former staff, supply staff, a volunteer)"
)
LAC_WORKS_WITH_CHILDREN = (
    "An adult who works, or used to work, with children"
    " (staff, former staff, supply staff, a volunteer)"
)
PLAC_WORKS_WITH_CHILDREN = (
    "The worry is about an adult who works, or used to work, with children"
    " (staff, former staff, supply staff, a volunteer)"
)
LAC_PLACEMENT = "The carer, someone living in the placement, or children's home staff; or not sure"
LAC_SOMEONE_ELSE = "Someone else, or nobody in particular"


def _text(node: OutcomeNode) -> str:
    return " ".join([node.text, node.detail or "", *node.actions])


def test_danger_is_asked_first_and_calls_999_before_urgent_social_care(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part one: a child in immediate danger goes to the police and children's social
    care at once. A child who already has a social worker is no exception: 999 comes first,
    then the urgent route (out of hours, the emergency duty service), then the social worker."""
    t = tree(national, TREE)
    assert t.start == "danger-now", "danger is asked before anything else"
    for route in routes_choosing(t, "danger-now", DANGER):
        end = outcome(t, route)
        assert route.visited[1] == end.id, "999 is the first thing after the answer"
        assert end.urgent and end.contacts[0] == "police-emergency"
        assert end.actions[0] == "Call 999"
        assert {"childrens-social-care-urgent", "childrens-social-care-out-of-hours"} <= set(
            end.contacts
        )
        text = _text(end)
        assert "social worker" in text and "any member of staff" in text


def test_the_dsl_is_told_and_checks_the_file_before_any_decision(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part two: the DSL holds the social worker's and the virtual school head's details
    and uses them in every decision; if the DSL is not there, nobody waits (Part one)."""
    t = tree(national, TREE)
    for route in routes_choosing(t, "age", "Yes, under 18"):
        assert route.visited.index("tell-the-dsl") < route.visited.index("status"), route
    step = node_index(t)["tell-the-dsl"]
    actions = " ".join(step.actions)
    assert "designated-safeguarding-lead" in step.contacts
    assert "virtual school head" in actions and "parental responsibility" in actions
    assert "do not wait" in actions


def test_the_shared_step_covers_secrecy_consent_and_the_first_basics(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part one (never promise confidentiality) and Part two (information sharing and
    data protection): every route for a child passes one step that tells staff not to promise
    secrecy, to tell the child what will be shared, with whom and why, and that consent is
    not needed to share where a child may be at risk of harm. The same step carries the
    other basics: the child's words written down and signed, supply staff handing over
    their account before they leave, images and messages left unviewed, brothers and
    sisters checked, and the person who raised it told what happens next."""
    t = tree(national, TREE)
    step = node_index(t)["tell-the-dsl"]
    assert "do not promise secrecy" in step.text.lower()
    actions = step.actions
    assert any(
        a.startswith("Do not promise to keep it secret") and "with whom and why" in a
        for a in actions
    )
    assert any("without waiting for" in a and "consent" in a for a in actions)
    assert any("in the child's words" in a and "sign" in a for a in actions)
    assert any(a.startswith("Supply and temporary staff") for a in actions)
    assert any("do not look at, copy or forward" in a.lower() for a in actions)
    assert any("brothers or sisters" in a for a in actions)
    assert any("what happens next" in a for a in actions)
    assert "information-sharing-and-consent" in step.sections
    for route in routes_choosing(t, "age", "Yes, under 18"):
        assert "tell-the-dsl" in route.visited, route


def test_a_new_worry_goes_to_the_social_worker_the_same_day_not_the_next_meeting(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part two and Working Together 2023: a new concern about a child who has a social
    worker, or is looked after, reaches children's social care the same day. If the
    allocated social worker cannot be reached, the DSL refers as for any child (front door,
    out of hours the emergency duty service), and escalates if the response worries them."""
    t = tree(national, TREE)
    routes = [
        *routes_choosing(t, "sw-what", NEW_WORRY),
        *routes_choosing(t, "lac-worry-about-whom", LAC_PLACEMENT),
        *routes_choosing(t, "lac-worry-about-whom", LAC_SOMEONE_ELSE),
    ]
    for route in routes:
        end = outcome(t, route)
        assert "same day" in end.text, end.id
        assert {
            "childrens-social-care-front-door",
            "childrens-social-care-urgent",
            "childrens-social-care-out-of-hours",
            "local-safeguarding-partnership",
        } <= set(end.contacts), end.id
        # Not an emergency route: 999 is there only for a child already gone home in danger.
        assert not end.urgent and set(end.contacts) & POLICE == {"police-emergency"}, end.id
        text = _text(end)
        assert "front door" in text and "emergency duty service" in text
    sw = node_index(t)["sw-new-concern"]
    assert isinstance(sw, OutcomeNode)
    assert "does not wait for the next meeting" in sw.text
    assert any("Agree with the social worker who tells the parents" in a for a in sw.actions)


def test_a_new_worry_checks_siblings_holds_back_letters_and_follows_up_next_day(
    national: ResolvedEdition,
) -> None:
    """After a new worry about a child with a social worker the DSL checks who is looking
    after brothers and sisters today, holds back routine letters or calls home that could
    trigger harm until the social worker advises, thinks of young carer support, and after a
    duty or out-of-hours referral makes sure the allocated social worker has it on the next
    working day. The same follow-up applies after a 999 call and for a looked-after child."""
    idx = node_index(tree(national, TREE))
    sw = idx["sw-new-concern"]
    assert isinstance(sw, OutcomeNode)
    actions = " ".join(sw.actions)
    assert "brothers or sisters today" in actions
    assert "Hold back routine letters" in actions
    assert "young carer" in actions
    assert "check on them first thing" in actions
    for node_id in ("sw-new-concern", "lac-new-concern", "lac-concern-about-placement", "call-999"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        assert any("next working day" in a for a in end.actions), node_id


def test_a_child_already_gone_home_and_in_danger_tonight_gets_999_and_the_duty_team(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part one: a child in immediate danger or at risk of harm is referred to children's
    social care and/or the police immediately; NPCC: call 999 in an emergency. A worry often
    comes to light after the child has left, at the end of the day or before a weekend. Every
    new-worry outcome (a child with a social worker, a looked-after child, a previously
    looked-after child referred as any child) tells the DSL to call 999 if the child has
    already gone home and may be in danger tonight or over the weekend, then to tell the duty
    team (out of hours, the emergency duty service) and ask for the child to be seen today."""
    t = tree(national, TREE)
    routes = [
        *routes_choosing(t, "sw-what", NEW_WORRY),
        *routes_choosing(t, "lac-worry-about-whom", LAC_PLACEMENT),
        *routes_choosing(t, "lac-worry-about-whom", LAC_SOMEONE_ELSE),
        *routes_choosing(
            t, "plac-level", "The child is suffering, or likely to suffer, significant harm"
        ),
    ]
    ends = {outcome(t, route).id for route in routes}
    assert ends == {
        "sw-new-concern",
        "lac-new-concern",
        "lac-concern-about-placement",
        "plac-refer",
    }
    idx = node_index(t)
    for node_id in sorted(ends):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        assert {"police-emergency", "childrens-social-care-out-of-hours"} <= set(end.contacts)
        tonight = [
            a
            for a in end.actions
            if a.startswith("If the child has already") and "tonight or over the weekend" in a
        ]
        assert len(tonight) == 1, node_id
        assert "call 999" in tonight[0] and "duty team" in tonight[0], node_id
        assert "emergency duty service" in tonight[0] and "seen today" in tonight[0], node_id
        assert tonight[0].index("call 999") < tonight[0].index("duty team"), node_id


def test_the_999_route_keeps_the_basics_of_telling_the_dsl(national: ResolvedEdition) -> None:
    """The danger answer skips the shared "tell the DSL" step, so the 999 outcome carries the
    basics that still matter after the call (KCSIE Part one: never promise confidentiality;
    record concerns): the member of staff's own signed, dated account before they leave,
    supply and temporary staff too; no promise of secrecy; routine letters, sanctions and
    calls home held back until the social worker advises; a check on the child the next
    school day; brothers and sisters; and the person who raised it told what happens next.
    999 stays the first action."""
    end = node_index(tree(national, TREE))["call-999"]
    assert isinstance(end, OutcomeNode)
    actions = end.actions
    assert actions[0] == "Call 999"
    account = [a for a in actions if "signs it" in a and "before they leave" in a]
    assert len(account) == 1 and "in the child's words" in account[0]
    assert "date and time" in account[0] and "supply and temporary staff" in account[0]
    assert any(a.startswith("Do not promise the child secrecy") for a in actions)
    assert any(a.startswith("Hold back routine letters") for a in actions)
    assert any(a.startswith("On the next school day, check on the child") for a in actions)
    assert any("brothers or sisters" in a for a in actions)
    assert any("do not look at, copy or forward" in a.lower() for a in actions)
    assert any(a.startswith("The DSL tells the member of staff who raised it") for a in actions)


def test_the_child_is_told_it_is_not_their_fault_and_is_heard(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part two: the child's wishes and feelings are taken into account when deciding
    what to do. The shared step tells staff to say it is not the child's fault; the new-worry
    outcomes ask the social worker to hear the child's worries and involve them; a child who
    told about an adult who works with children keeps a trusted adult and support in school,
    agreed with the social worker and the designated teacher."""
    idx = node_index(tree(national, TREE))
    step = idx["tell-the-dsl"]
    assert any("not their fault" in a for a in step.actions)
    for node_id in ("sw-new-concern", "lac-new-concern", "lac-concern-about-placement"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        assert any("worries and wishes" in a for a in end.actions), node_id
    adult = idx["adult-who-works-with-children"]
    assert isinstance(adult, OutcomeNode)
    support = [a for a in adult.actions if "trusted adult" in a]
    assert len(support) == 1
    assert "social worker" in support[0] and "designated teacher" in support[0]
    assert "key adult" in support[0]


def test_a_worry_about_the_placement_is_not_told_to_the_carer_first(
    national: ResolvedEdition,
) -> None:
    """A looked-after child's carer is normally told of a worry; when the worry is about the
    carer or the placement, the social worker hears first and decides, and the local
    allegations procedure (the LADO) may apply."""
    t = tree(national, TREE)
    for route in routes_choosing(t, "lac-worry-about-whom", LAC_PLACEMENT):
        end = outcome(t, route)
        assert end.id == "lac-concern-about-placement"
        assert "does not tell the carer first" in end.text
        assert end.actions[0].startswith("Do not discuss the worry with the carer")
        assert "lado" in end.contacts and set(end.contacts) & SOCIAL_CARE
    for route in routes_choosing(t, "lac-worry-about-whom", LAC_SOMEONE_ELSE):
        end = outcome(t, route)
        assert "virtual-school-head" in end.contacts
        assert any("never give them the carer's address" in a for a in end.actions)


def test_a_worry_about_an_adult_who_works_with_children_reaches_the_lado_and_police(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part four: a worry that an adult who works, or worked, with children (staff,
    former staff, supply staff, volunteers) has harmed a child or may pose a risk goes to the
    LADO (at the latest within one working day) even if the adult has left; the police are
    told where an offence may have been committed, whatever the child wants; and the child's
    social worker is told the same day. Whatever the child's status, the answer is offered,
    and the route follows the allegations against staff flowchart."""
    t = tree(national, TREE)
    for node_id, label in (
        ("sw-what", WORKS_WITH_CHILDREN),
        ("lac-worry-about-whom", LAC_WORKS_WITH_CHILDREN),
        ("plac-level", PLAC_WORKS_WITH_CHILDREN),
    ):
        for route in routes_choosing(t, node_id, label):
            end = outcome(t, route)
            assert end.id == "adult-who-works-with-children", node_id
            assert {"lado", "police-non-emergency", "childrens-social-care-front-door"} <= set(
                end.contacts
            )
            assert "allegations-against-staff" in end.trees
    end = node_index(t)["adult-who-works-with-children"]
    assert isinstance(end, OutcomeNode)
    assert "LADO" in end.text and "police" in end.text and "same day" in end.text
    assert end.actions[0].startswith("Tell the headteacher straight away")
    assert "even if the adult has left" in end.actions[0]
    assert "within one working day" in end.actions[0]
    assert "even if the child does not want it" in end.actions[1]
    assert any(a.startswith("Do not contact, warn or question the adult") for a in end.actions)
    assert any("safe and unread" in a for a in end.actions)
    # The new-worry questions point the DSL to this answer rather than the generic one.
    idx = node_index(t)
    for node_id in ("sw-what", "lac-worry-about-whom", "plac-level"):
        question = idx[node_id]
        assert isinstance(question, QuestionNode)
        assert "LADO" in (question.detail or ""), node_id


def test_a_missing_child_reaches_the_social_worker_and_the_police(
    national: ResolvedEdition,
) -> None:
    """KCSIE Part one (children who are absent from education) and NPCC: a missing child with
    a social worker is reported to the police and the social worker is told the same day.
    For a looked-after child the carer and the authority that looks after them are told
    too; the carer reports to the police, and the school does if nobody has."""
    t = tree(national, TREE)
    for node_id, label in (("sw-what", MISSING), ("lac-what", LAC_MISSING)):
        for route in routes_choosing(t, node_id, label):
            end = outcome(t, route)
            assert set(end.contacts) & SOCIAL_CARE and set(end.contacts) >= POLICE, end.id
            assert "missing child flowchart" in _text(end)
    lac = node_index(t)["lac-missing"]
    assert isinstance(lac, OutcomeNode)
    assert "carer reports the child missing to the police" in lac.text
    assert "virtual-school-head" in lac.contacts
    assert any("report it yourself" in a for a in lac.actions)
    for route in routes_choosing(t, "plac-what", MISSING):
        assert set(outcome(t, route).contacts) >= POLICE


def test_missing_routes_handle_repeat_episodes_and_signs_of_exploitation(
    national: ResolvedEdition,
) -> None:
    """KCSIE Annex B (child criminal and sexual exploitation): going missing again and again,
    or new phones, money, gifts or older friends, are signs of exploitation. Every missing
    route tells the social worker (or children's social care) and the police that
    exploitation is suspected, asks for a strategy discussion where there is a social worker,
    and follows the child exploitation flowchart. For a child with a social worker, attendance
    staff tell the DSL on the first day of an unexplained absence (DfE attendance guidance).
    For a looked-after child the designated teacher is told, the procedures of the area where
    the child lives apply as well as the placing authority's, and the personal education plan
    is reviewed on return. Both routes give the police and the social worker what the school
    knows (friends, places, phones); for a child with a social worker the DSL agrees how the
    child will be seen, such as a home visit or a police welfare check (check local
    procedures)."""
    idx = node_index(tree(national, TREE))
    for node_id in ("sw-missing", "lac-missing", "plac-missing"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        assert {"missing-child", "child-exploitation"} <= set(end.trees), node_id
        assert any(
            "gone missing before" in a and "exploitation" in a and "police" in a
            for a in end.actions
        ), node_id
    for node_id in ("sw-missing", "lac-missing"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        actions = " ".join(end.actions)
        assert "strategy discussion" in actions
        assert "first day of any unexplained absence" in actions
        assert "the date the absence began" in actions
    lac = idx["lac-missing"]
    assert isinstance(lac, OutcomeNode)
    lac_actions = " ".join(lac.actions)
    assert "exploitation" in lac.text
    assert "designated teacher" in lac_actions and "personal education plan" in lac_actions
    assert "area where they live as well as the placing authority's" in lac_actions
    sw = idx["sw-missing"]
    assert isinstance(sw, OutcomeNode)
    assert "children missing education" in " ".join(sw.actions)
    assert any("home visit" in a and "welfare check" in a for a in sw.actions)
    for node_id in ("sw-missing", "lac-missing"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        assert any(
            a.startswith("Give the police and the social worker what the school knows")
            for a in end.actions
        ), node_id


def test_exclusion_involves_the_social_worker_and_the_virtual_school_head(
    national: ResolvedEdition,
) -> None:
    """DfE suspension and permanent exclusion guidance: the headteacher must tell the social
    worker, and for a looked-after child the virtual school head, without delay; the
    designated teacher contacts the virtual school head as soon as a looked-after child is
    at risk; permanent exclusion of a looked-after child is avoided as far as possible and
    an informal exclusion is unlawful. For a child with a social worker, the safety of days
    at home is weighed."""
    t = tree(national, TREE)
    for route in routes_choosing(t, "sw-what", EXCLUSION):
        end = outcome(t, route)
        assert end.basis == "statutory" and "childrens-social-care-front-door" in end.contacts
        text = _text(end)
        assert "without delay" in text and "days at home" in text
    for route in routes_choosing(t, "lac-what", EXCLUSION):
        end = outcome(t, route)
        assert end.basis == "statutory"
        assert {"virtual-school-head", "childrens-social-care-front-door"} <= set(end.contacts)
        text = _text(end)
        assert "without delay" in text and "unlawful" in text
        assert "avoid permanent exclusion as far as possible" in text
        assert "governing board" in text and "personal education plan" in text
    for route in routes_choosing(t, "plac-what", EXCLUSION):
        end = outcome(t, route)
        assert "virtual-school-head" in end.contacts
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)
    idx = node_index(t)
    for node_id in ("sw-exclusion", "lac-exclusion", "plac-exclusion"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        actions = " ".join(end.actions)
        assert "reintegration meeting" in actions, node_id
        assert "If another pupil was hurt" in actions, node_id
        assert "without a formal exclusion" in actions, node_id
    lac = idx["lac-exclusion"]
    assert isinstance(lac, OutcomeNode)
    assert any("without delay, as well as the carer" in a for a in lac.actions)


def test_a_parent_at_school_when_contact_is_restricted(national: ResolvedEdition) -> None:
    """KCSIE Part two (contact arrangements): a birth parent who arrives when contact is
    supervised or not allowed does not take the child; the carer (or adoptive parents or
    guardians) and the social worker are told at once, and 999 is called if anyone is in
    danger."""
    t = tree(national, TREE)
    for node_id, label in (("lac-what", LAC_CONTACT), ("plac-what", PLAC_CONTACT)):
        for route in routes_choosing(t, node_id, label):
            end = outcome(t, route)
            assert end.id == "unexpected-contact"
            assert "police-emergency" in end.contacts and set(end.contacts) & SOCIAL_CARE
            assert end.actions[0].startswith("Keep the child in school")
            assert any(a.startswith("Call 999") for a in end.actions)
            assert "at once" in end.text


def test_parental_responsibility_under_a_care_order_and_section_20(
    national: ResolvedEdition,
) -> None:
    """Children Act 1989: under a care order the local authority shares parental
    responsibility; a child accommodated by agreement (section 20) is looked after but the
    parents keep it. The school asks the social worker and never gives out the placement
    address."""
    end = node_index(tree(national, TREE))["lac-routine"]
    assert isinstance(end, OutcomeNode) and end.basis == "statutory"
    detail = end.detail or ""
    assert "care order" in detail and "section 20" in detail
    assert "parents keep parental responsibility" in detail
    assert any(a.startswith("Do not give the placement address") for a in end.actions)
    assert "children-act-1989" in {c.source for c in end.sources}


def test_routine_news_is_recorded_not_referred(national: ResolvedEdition) -> None:
    """Over-escalation: routine information about these children, such as a previously
    looked-after child doing well, is recorded and shared with the people in the child's
    plan; it reaches neither the police nor children's social care."""
    t = tree(national, TREE)
    routine = {
        "sw-what": "Routine information, with no new worry",
        "lac-what": "Routine information or a question, such as who has parental responsibility",
        "plac-what": (
            "The child is doing well, or the family wants advice, and there is no new worry"
        ),
    }
    for node_id, label in routine.items():
        for route in routes_choosing(t, node_id, label):
            end = outcome(t, route)
            assert not set(end.contacts) & (POLICE | SOCIAL_CARE), end.id
            assert not end.urgent and "referral" in end.text.lower()
            assert any("record" in a.lower() for a in end.actions), end.id


def test_a_previously_looked_after_child_is_decided_as_any_child(
    national: ResolvedEdition,
) -> None:
    """A previously looked-after child usually has no social worker: a new worry is weighed
    as for any child, a referral when there is significant harm, otherwise support with
    early help and the virtual school head's advice."""
    t = tree(national, TREE)
    significant = "The child is suffering, or likely to suffer, significant harm"
    for route in routes_choosing(t, "plac-level", significant):
        end = outcome(t, route)
        assert set(end.contacts) & SOCIAL_CARE and "local-safeguarding-partnership" in end.contacts
    support = "The child and family need support, but not a referral"
    for route in routes_choosing(t, "plac-level", support):
        end = outcome(t, route)
        assert {"early-help", "virtual-school-head"} <= set(end.contacts)
        assert not set(end.contacts) & POLICE


def test_a_previously_looked_after_child_gets_designated_teacher_support_not_a_referral(
    national: ResolvedEdition,
) -> None:
    """DfE guidance on promoting the education of looked-after and previously looked-after
    children: being previously looked after is not a safeguarding concern in itself. The
    designated teacher talks with the parents about the child's needs and pupil premium plus,
    the history is shared only with staff who need to know, the parents are pointed to
    adoption or special guardianship support, and a member of staff who asked for a referral
    is told why there is none and what would make it a safeguarding concern."""
    idx = node_index(tree(national, TREE))
    for node_id in ("plac-routine", "plac-support"):
        end = idx[node_id]
        assert isinstance(end, OutcomeNode)
        actions = " ".join(end.actions)
        assert "pupil premium plus" in actions, node_id
        assert "only with staff who need to know" in actions, node_id
        assert "what would make it a safeguarding concern" in actions, node_id
        assert "adoption or special guardianship support" in actions, node_id


def test_a_care_leaver_aged_18_is_an_adult(national: ResolvedEdition) -> None:
    """KCSIE: a child is under 18. A care leaver aged 18 or over is not referred as a child;
    the DSL works with their personal adviser with their agreement, points them to adult
    routes, and refers any child at risk."""
    t = tree(national, TREE)
    for route in routes_choosing(t, "age", ADULT):
        end = outcome(t, route)
        assert end.id == "care-leaver-adult" and not end.urgent
        assert "childrens-social-care-urgent" not in end.contacts
        assert "police-non-emergency" in end.contacts
        text = _text(end)
        assert "personal adviser" in text and "adult safeguarding" in text
        assert any(a.startswith("If a child is at risk") and "refer" in a for a in end.actions)


def test_every_outcome_says_what_to_record(national: ResolvedEdition) -> None:
    """Each ending tells the DSL what to write down."""
    t = tree(national, TREE)
    for node in t.nodes:
        if isinstance(node, OutcomeNode):
            assert any("record" in a.lower() for a in node.actions), node.id


def test_questions_stay_short_and_the_safety_rules_hold(national: ResolvedEdition) -> None:
    """At most five answers a question, and every national safety rule holds on every route,
    including the ones this tree adds: exclusion reaches the social worker and, for a
    looked-after child, the virtual school head; a parent at school when contact is
    restricted reaches children's social care."""
    t = tree(national, TREE)
    for node in t.nodes:
        if isinstance(node, QuestionNode):
            assert len(node.answers) <= 5, node.id
    assert len(all_routes(t)) >= 15
    rules = {r.id for r in rules_for_tree(national, t)}
    assert {
        "immediate-danger-calls-999-first",
        "immediate-danger-reaches-urgent-childrens-social-care",
        "known-child-new-concern-reaches-childrens-social-care",
        "child-with-social-worker-reaches-childrens-social-care",
        "missing-child-reaches-police",
        "exclusion-risk-of-child-with-social-worker-reaches-social-worker",
        "looked-after-exclusion-risk-reaches-virtual-school-head",
        "restricted-contact-reaches-childrens-social-care",
        "referral-reaches-childrens-social-care",
        "staff-allegation-reaches-lado",
    } <= rules
    assert breaches(national, t) == []
