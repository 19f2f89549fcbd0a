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
    "An alert or concern about the device or account of an adult who works in or for the school"
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
    "Alerts are missed: nobody sees them out of hours, or devices used at home are not covered"
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
