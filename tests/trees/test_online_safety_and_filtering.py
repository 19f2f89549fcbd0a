"""The online safety incidents and filtering and monitoring alerts tree, pinned route by route.

KCSIE 2026 Part two (online safety; filtering and monitoring): the DSL takes lead
responsibility for online safety, including understanding the filtering and monitoring
systems. The DfE filtering and monitoring standards give the provider the technical work
(reports, changes) and a senior leader and a governor the standards. What an alert or a
report shows decides the route: danger now is 999 first, then children's social care's
urgent route; grooming goes to the police, CEOP and children's social care; an adult's
device goes to the headteacher and the LADO; curiosity, schoolwork or a false alarm is
recorded with no referral; a gap in the filter goes to the provider.
"""

from __future__ import annotations

from generator.checks.routes import all_routes
from generator.checks.safety import breaches, rules_for_tree
from generator.editions.resolve import ResolvedEdition
from generator.models import OutcomeNode
from tests.trees.routes import POLICE, SOCIAL_CARE, node_index, outcome, routes_choosing, tree

TREE = "online-safety-and-filtering"
DANGER = "Yes, a child may be in danger now"
PUPIL_ALERT = "A filtering or monitoring alert about a pupil under 18"
PUPIL_REPORT = "A pupil (or a parent) told us about something that happened online"
ADULT_DEVICE = (
    "A concern about an adult who works or has worked in or for the school (staff, supply,"
    " volunteers), on any device or account"
)
FILTER_PROBLEM = (
    "A problem with the filter itself: something got through, too much is blocked,"
    " or alerts are missed"
)
ADULT_STUDENT = "An alert or report about a student aged 18 or over"
WORRY = "A worry about the child's safety or welfare"
FALSE_ALARM = "Curiosity, schoolwork, an accident or a false alarm"
GROOMING = (
    "An adult, or someone the child knows only online, is grooming them or contacting them sexually"
)
IMAGES = (
    "Sexual images of a child: nudes shared or asked for, or sexual images of children looked for"
)
EXTREMIST = "Extremist or terrorist material, or support for violence"
STRUGGLING = (
    "Signs the child is being harmed or is struggling: self-harm, suicide, abuse, or harmful"
    " content"
)
BULLYING = "Online bullying or abuse by other pupils"
HARM_THRESHOLD = (
    "It may meet the harm threshold, for example sexual images of children,"
    " or private messages with a pupil"
)
GOT_THROUGH = "Harmful or illegal content got through the filter"
OVER_BLOCKING = "The filter blocks what pupils or staff need for teaching (over-blocking)"
ALERTS_MISSED = (
    "Alerts are missed or late: nobody sees them out of hours, they wait in reports, or home"
    " devices are not covered"
)
CHILD_INVOLVED = "Yes: sexual images of a child, or sexual messages or contact with a child"
SIBLING = "Yes: another child may be at risk, for example a younger brother or sister"
STUDENT_ALONE = "No, it is about the student alone"


def _text(end: OutcomeNode) -> str:
    return " ".join([end.text, end.detail or "", *end.actions])


def test_danger_is_asked_first_and_calls_999_first_in_school_or_out_of_hours(
    national: ResolvedEdition,
) -> None:
    """A child who may be in danger now (a search for ways to die with a plan, a meeting
    today with an adult who groomed them): 999 is the very next thing, then children's
    social care's urgent route, which out of hours is the emergency duty service. Whoever
    sees the alert acts, without waiting for the DSL (KCSIE 2026 Part one; NPCC)."""
    online = tree(national, TREE)
    assert online.start == "danger-now", "danger is asked before anything else"
    danger_routes = [
        *routes_choosing(online, "danger-now", DANGER),
        *routes_choosing(online, "what-is-the-risk", "The child is in immediate danger"),
    ]
    for route in danger_routes:
        end = outcome(online, route)
        position = route.visited.index(end.id)
        assert route.visited[position - 1] in {"danger-now", "what-is-the-risk"}
        assert end.urgent and end.contacts[0] == "police-emergency"
        assert end.actions[0].startswith("Call 999")
        assert {"childrens-social-care-urgent", "childrens-social-care-out-of-hours"} <= set(
            end.contacts
        )
    detail = node_index(online)["danger-now"].detail or ""
    assert "at night" in detail and "does not wait" in detail


def test_the_dsl_looks_at_a_pupil_alert_in_context_and_never_opens_a_sexual_image(
    national: ResolvedEdition,
) -> None:
    """Every alert reaches the DSL, who takes lead responsibility for online safety and
    filtering and monitoring (KCSIE 2026 Part two); the DSL works from the alert's
    description and never opens, copies or forwards a sexual image of a child (UKCIS)."""
    online = tree(national, TREE)
    nodes = node_index(online)
    for route in routes_choosing(online, "what-is-it", PUPIL_ALERT):
        first = nodes[route.visited[2]]
        assert first.id == "review-the-alert"
        assert {"designated-safeguarding-lead", "filtering-and-monitoring-provider"} <= set(
            first.contacts
        )
        assert any("Never open, copy" in action for action in first.actions)
    for route in routes_choosing(online, "what-is-it", PUPIL_REPORT):
        assert nodes[route.visited[2]].id == "listen-to-the-pupil"


def test_grooming_reaches_the_police_ceop_and_childrens_social_care(
    national: ResolvedEdition,
) -> None:
    """An adult, or someone known only online, grooming or sexually contacting a child
    goes to the police and CEOP and is referred to children's social care the same day;
    the messages are kept, never copied if sexual, and the NRM is made through the police
    or children's social care, not the school."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "kind-of-concern", GROOMING):
        end = outcome(online, route)
        assert end.id == "report-grooming" and not end.urgent
        assert set(end.contacts) & POLICE and set(end.contacts) & SOCIAL_CARE
        assert "ceop" in end.contacts and "local-safeguarding-partnership" in end.contacts
        text = _text(end)
        assert "National Referral Mechanism" in text and "not first responders" in text
        assert "999" in text, "a planned meeting or blackmail turns it into danger now"


def test_sexual_images_extremism_and_staff_devices_go_to_their_own_flowcharts(
    national: ResolvedEdition,
) -> None:
    """Sexual images of children follow the sharing nudes flowchart (never viewed),
    extremist material the radicalisation flowchart (Prevent), and an alert on an adult's
    device the allegations against staff flowchart: the headteacher, and the LADO within
    one working day (KCSIE 2026 Part four); the DSL does not investigate."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "kind-of-concern", IMAGES):
        end = outcome(online, route)
        assert "sharing nudes flowchart" in _text(end)
        assert end.actions[0].startswith("Do not open, view, copy")
        assert {"internet-watch-foundation", "report-remove"} <= set(end.contacts)
    for route in routes_choosing(online, "kind-of-concern", EXTREMIST):
        end = outcome(online, route)
        assert "radicalisation flowchart" in _text(end) and "prevent-referral" in end.contacts
    for route in routes_choosing(online, "what-about-the-adult", HARM_THRESHOLD):
        end = outcome(online, route)
        text = _text(end)
        assert "lado" in end.contacts and "allegations against staff flowchart" in text
        assert "one working day" in text and "Do not investigate" in text
        assert "supply or agency staff" in text


def test_curiosity_false_alarms_and_over_blocking_are_recorded_not_referred(
    national: ResolvedEdition,
) -> None:
    """Over-escalation: a blocked history search, curiosity or a false alarm is not a
    safeguarding concern. It is recorded and the filter adjusted with the provider; no
    route there reaches the police or children's social care (DfE filtering standards:
    block harm without unreasonably affecting teaching and learning)."""
    online = tree(national, TREE)
    ends = [outcome(online, r) for r in routes_choosing(online, "concern-or-not", FALSE_ALARM)]
    ends += [outcome(online, r) for r in routes_choosing(online, "filter-problem", OVER_BLOCKING)]
    assert {end.id for end in ends} == {"not-a-safeguarding-concern", "over-blocking"}
    for end in ends:
        assert not end.urgent
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE | {"lado", "prevent-referral"})
        assert "filtering-and-monitoring-provider" in end.contacts
        assert "not a safeguarding concern" in _text(end)
    history = next(e for e in ends if e.id == "not-a-safeguarding-concern")
    assert "history topic" in (history.detail or "")


def test_filter_gaps_and_missed_alerts_reach_the_provider(national: ResolvedEdition) -> None:
    """Harmful content that got through, and alerts nobody sees out of hours, go to the
    filtering and monitoring provider the same day and into the annual review; the
    out-of-hours arrangement still ends in 999 and the emergency duty service."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "filter-problem", GOT_THROUGH):
        end = outcome(online, route)
        assert end.contacts[0] == "filtering-and-monitoring-provider"
        assert "same day" in end.text
    for route in routes_choosing(online, "filter-problem", ALERTS_MISSED):
        end = outcome(online, route)
        assert {"filtering-and-monitoring-provider", "childrens-social-care-out-of-hours"} <= set(
            end.contacts
        )


def test_a_student_aged_18_or_over_is_not_routed_as_a_child_but_children_are_protected(
    national: ResolvedEdition,
) -> None:
    """A student aged 18 or over gets adult routes (their consent, their GP, the police if
    they wish); a child put at risk by what the alert shows is referred to children's
    social care, not just considered, and sexual contact with a child reaches the police."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "adult-student", STUDENT_ALONE):
        end = outcome(online, route)
        assert not set(end.contacts) & SOCIAL_CARE and not end.urgent
    for label in (CHILD_INVOLVED, SIBLING):
        for route in routes_choosing(online, "adult-student", label):
            end = outcome(online, route)
            assert "childrens-social-care-front-door" in end.contacts
            assert "refers the child to children's social care today" in _text(end)
    for route in routes_choosing(online, "adult-student", CHILD_INVOLVED):
        assert set(outcome(online, route).contacts) & POLICE


def test_danger_now_works_for_a_child_at_home_online_and_for_sexual_extortion(
    national: ResolvedEdition,
) -> None:
    """Danger now is not only a child in school: a child at home at night with an online
    contact due, or being blackmailed with a sexual image. After 999 the parents are
    phoned now so that an adult is with the child and the contact is stopped, nothing is
    deleted, and the child hears that they are not in trouble and why it must be shared
    even though they asked (KCSIE 2026 Part one: never promise confidentiality). For
    sexual extortion the NCA advice is: do not pay, stop contact and block, delete
    nothing, report to the police or CEOP, and Report Remove. An adult who works or has
    worked with children also goes to the LADO, and the DSL follows up next school day."""
    online = tree(national, TREE)
    end = node_index(online)["call-999-now"]
    assert isinstance(end, OutcomeNode)
    text = _text(end)
    assert "at home or elsewhere, phone them now" in text
    assert "stop the contact" in text and "nothing is deleted" in text
    assert "not in trouble" in text and "even if they asked you not to tell" in text
    assert "does not pay" in text and "stops replying" in text and "deletes nothing" in text
    assert "Report Remove" in text and {"report-remove", "ceop"} <= set(end.contacts)
    assert "works or has worked with children" in text and "lado" in end.contacts
    assert "allegations-against-staff" in end.trees
    assert "next school day" in text and "mental-health-lead" in end.contacts
    assert "brothers and sisters" in text


def test_grooming_due_soon_is_stopped_now_and_adults_working_with_children_reach_the_lado(
    national: ResolvedEdition,
) -> None:
    """When a call, chat or meeting with a groomer is due today or tonight it is danger
    now: 999, and the parents are told at once (unless a parent is the risk) so the
    contact does not happen, rather than waiting to agree it with the police. Whoever the
    child told, if the person works or has worked with children (former staff, a coach),
    the headteacher tells the LADO today and the allegations flowchart applies (KCSIE 2026
    Part four)."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "kind-of-concern", GROOMING):
        end = outcome(online, route)
        text = _text(end)
        assert "due today or tonight" in end.actions[0] and "call 999 now" in end.actions[0]
        assert "parents or carers at once, unless a parent is the risk" in end.actions[0]
        assert "works or has worked with children" in text and "former staff" in text
        assert "lado" in end.contacts and "allegations-against-staff" in end.trees
        assert "brothers and sisters or other pupils" in text


def test_a_concern_about_a_former_or_current_adult_on_any_account_reaches_the_lado(
    national: ResolvedEdition,
) -> None:
    """The adult answer covers current and former staff, supply and volunteers on any
    device or account, including their own phone. The LADO is told at once (at the latest
    within one working day), and if the adult is due to work with children before the LADO
    has advised, the headteacher agrees interim arrangements with the LADO; suspension is
    not automatic (KCSIE 2026 Part four)."""
    online = tree(national, TREE)
    question = node_index(online)["what-about-the-adult"]
    assert "former staff" in (question.detail or "")
    assert "their own phone" in (question.detail or "")
    for route in routes_choosing(online, "what-about-the-adult", HARM_THRESHOLD):
        assert route.choices[1].label == ADULT_DEVICE
        end = outcome(online, route)
        text = _text(end)
        assert "LADO at once" in end.text
        assert "interim arrangements with the LADO" in text
        assert "Suspension is not automatic" in text
        assert "someone who has left" in text
        assert {"ceop", "childrens-social-care-front-door"} <= set(end.contacts)


def test_a_late_alert_is_acted_on_for_the_child_and_the_alert_route_is_fixed(
    national: ResolvedEdition,
) -> None:
    """An alert that reached the DSL late (left in a weekly report, filed by IT) is acted
    on for the child and the route is fixed: serious alerts go to the DSL or a deputy at
    once, a blocked search can still show risk, and the senior leader and governor
    responsible are told (DfE filtering and monitoring standards). Every pupil alert passes
    the step that says so, and the referral and staff outcomes repeat it."""
    online = tree(national, TREE)
    nodes = node_index(online)
    step = " ".join(nodes["review-the-alert"].actions)
    assert "reached you late" in step and "act on the child now" in step
    assert "DSL or a deputy at once" in step and "blocked search can still show" in step
    assert "governor" in step and "other alerts that were missed" in step
    for route in routes_choosing(online, "what-is-it", PUPIL_ALERT):
        assert "review-the-alert" in route.visited
    for node_id in ("refer-today", "adult-allegation"):
        assert "reached you late" in _text(nodes[node_id])
    for route in routes_choosing(online, "filter-problem", ALERTS_MISSED):
        text = _text(outcome(online, route))
        assert "act on the child now" in text and "other alerts that were missed" in text


def test_harmful_content_seen_in_a_lesson_is_stopped_withdrawn_and_the_pupils_looked_after(
    national: ResolvedEdition,
) -> None:
    """When harmful content gets through in front of an adult, the adult stops it calmly
    without looking further and tells the DSL at once; the app or tool is withdrawn on every
    device and the senior leader told the same day; a pupil who showed it to others is
    responded to as a child too, through KCSIE Part five where it may be harmful sexual
    behaviour. It is still not a police or social care route on its own."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "filter-problem", GOT_THROUGH):
        end = outcome(online, route)
        text = _text(end)
        assert end.actions[0].startswith("The adult in the room stops it calmly")
        assert "Tell the DSL at once" in end.actions[1]
        assert "every school device the same day" in text
        assert "senior leader responsible for filtering and monitoring the same day" in text
        assert "test that the fix works" in text and "new app, tool or device" in text
        assert "KCSIE Part five" in text and "kcsie-part-5" in end.trees
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)


def test_a_blocked_schoolwork_search_allows_specific_sources_and_thanks_whoever_raised_it(
    national: ResolvedEdition,
) -> None:
    """Over-blocking is fixed by allowing the specific sources needed, not whole
    categories, and checking that harmful content is still blocked; the department agrees
    how pupils reach sensitive material safely; whoever raised the alert is thanked, so
    staff keep reporting."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "concern-or-not", FALSE_ALARM):
        text = _text(outcome(online, route))
        assert "not whole categories" in text and "does not let harmful content through" in text
        assert "supervised access" in text and "thank them" in text


def test_a_struggling_child_with_a_social_worker_has_the_social_worker_told_today(
    national: ResolvedEdition,
) -> None:
    """A child who is struggling is asked about injuries and given medical help; if they
    have a social worker, the social worker is told today and agrees how the parents are
    told (KCSIE 2026 Part two, children who need a social worker)."""
    online = tree(national, TREE)
    step = node_index(online)["child-is-struggling"]
    actions = " ".join(step.actions)
    assert "injuries" in actions and "medical help" in actions
    assert "tell the social worker today" in actions
    assert "children-with-a-social-worker" in step.trees


def test_every_route_ends_at_an_outcome_and_meets_every_safety_rule(
    national: ResolvedEdition,
) -> None:
    """The rules this tree carries (999 first, alerts reach the DSL, grooming reaches the
    police and children's social care, gaps reach the provider, a staff allegation reaches
    the LADO) hold on every route."""
    online = tree(national, TREE)
    assert all(route.outcome for route in all_routes(online))
    rules = {rule.id for rule in rules_for_tree(national, online)}
    assert {
        "immediate-danger-calls-999-first",
        "immediate-danger-reaches-urgent-childrens-social-care",
        "filtering-alert-reaches-dsl",
        "online-grooming-reaches-police-and-childrens-social-care",
        "filtering-gap-reaches-provider",
        "staff-allegation-reaches-lado",
        "referral-reaches-childrens-social-care",
    } <= rules
    assert breaches(national, online) == []


def test_after_the_emergency_the_account_is_reported_and_teaching_reviewed(
    national: ResolvedEdition,
) -> None:
    """Danger now is 999 first; afterwards, once the police agree the evidence is kept, the
    account is reported to the app, game or platform (NCA sextortion alert), and the school
    reviews its online safety teaching and its advice to parents about the app or game."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "danger-now", DANGER):
        end = outcome(online, route)
        assert end.actions[0].startswith("Call 999")
        report = next(a for a in end.actions if "report the account to the app" in a)
        assert report.startswith("Once the police agree")
        review = next(a for a in end.actions if a.startswith("Afterwards, review"))
        assert "online safety teaching" in review and "parents" in review
        assert "app or game" in review


def test_an_allegation_alert_is_kept_confidential_and_the_lado_gets_the_school_records(
    national: ResolvedEdition,
) -> None:
    """KCSIE 2026 Part four: the case manager makes basic enquiries only (the school's own
    records about the adult, and whether other pupils may have been contacted) and gives them
    to the LADO, without investigating; the matter is kept to those who need to know,
    including IT staff who saw the alert, who neither discuss it nor look further."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "what-about-the-adult", HARM_THRESHOLD):
        end = outcome(online, route)
        records = next(a for a in end.actions if "school's own records about the adult" in a)
        assert "basic enquiries only" in records and "not an investigation" in records
        assert "other pupils may have been contacted" in records and "LADO" in records
        secret = next(a for a in end.actions if a.startswith("Keep it confidential"))
        assert "need to know" in secret and "IT staff who saw the alert" in secret
        assert "look any further" in secret


def test_harm_at_home_behind_a_filter_gap_goes_to_the_dsl_decision_not_straight_to_police(
    national: ResolvedEdition,
) -> None:
    """When a pupil who showed harmful content hints at harm at home, the DSL decides between
    early help and a referral to children's social care (the concerns about a child
    flowchart); the filter gap itself is still not a police or social care route."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "filter-problem", GOT_THROUGH):
        end = outcome(online, route)
        home = next(a for a in end.actions if "harm at home" in a)
        assert "early help or a referral to children's social care" in home
        assert "concerns-about-a-child" in end.trees and "kcsie-part-5" in end.trees
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)


def test_over_blocking_still_records_an_alert_that_raised_a_concern_about_a_pupil(
    national: ResolvedEdition,
) -> None:
    """A search blocked by mistake is not held against the pupil, but a monitoring alert
    that raised a concern about a pupil is recorded with the check and the decision."""
    online = tree(national, TREE)
    for route in routes_choosing(online, "filter-problem", OVER_BLOCKING):
        end = outcome(online, route)
        assert not any("nothing is recorded about the pupil" in a for a in end.actions)
        alert = next(a for a in end.actions if a.startswith("If a monitoring alert about a pupil"))
        assert "record the alert" in alert and "decision" in alert
