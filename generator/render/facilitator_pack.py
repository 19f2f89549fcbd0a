"""The facilitator pack of an edition: a 60-minute session plan built from its own scenarios,
then every scenario with its expected route, outcome and facilitator notes, and the answers
to mark route sheets against. One standalone HTML document, printed to PDF. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.checks.rules import walk
from generator.editions.resolve import ResolvedEdition
from generator.models import DecisionTree, OutcomeNode, QuestionNode, Scenario
from generator.render import markdown_text
from generator.render.example_notice import example_notice
from generator.render.print_edition import stamp
from generator.render.template_cache import html_environment
from generator.render.tree_order import tree_order

FACILITATOR_PACK_HTML = "scenarios/facilitator-pack.html"
FACILITATOR_PACK_PDF = "scenarios/facilitator-pack.pdf"
SESSION_MINUTES = 60
GROUP_SCENARIOS = 4
"""Scenarios suggested for the small groups: one each for four groups."""
WALKED_SCENARIOS = 2
"""Of those, how many the plan walks on the step-through in front of everyone."""

_ENVIRONMENT = html_environment()


@dataclass(frozen=True)
class RouteStep:
    """One question on a scenario's expected route, numbered as on the flowchart."""

    number: int
    question: str
    answer: str


@dataclass(frozen=True)
class PackScenario:
    """A scenario as the pack shows it."""

    scenario: Scenario
    tree: DecisionTree
    route: list[RouteStep]
    outcome: OutcomeNode
    outcome_number: int
    narrative_html: str
    notes_html: str


def pack_scenario(tree: DecisionTree, scenario: Scenario) -> PackScenario:
    """``scenario`` walked through ``tree``: its questions and answers in order, with the
    step numbers of the flowchart and route sheet, and the outcome it reaches."""
    numbers = {node_id: i + 1 for i, node_id in enumerate(tree_order(tree))}
    by_id = {node.id: node for node in tree.nodes}
    visited = walk(tree, list(scenario.answers)).visited
    questions = [by_id[n] for n in visited if isinstance(by_id[n], QuestionNode)]
    route = [
        RouteStep(numbers[q.id], q.text, label)
        for q, label in zip(questions, scenario.answers, strict=False)
    ]
    outcome = by_id[scenario.expected_outcome]
    assert isinstance(outcome, OutcomeNode)  # the checks walked every scenario to it
    return PackScenario(
        scenario=scenario,
        tree=tree,
        route=route,
        outcome=outcome,
        outcome_number=numbers[outcome.id],
        narrative_html=markdown_text.block(scenario.narrative),
        notes_html=markdown_text.block(scenario.facilitator_notes)
        if scenario.facilitator_notes
        else "",
    )


def _own_scenario_ids(edition: ResolvedEdition) -> set[str]:
    """Scenarios this edition itself added or replaced (a local edition's own cases)."""
    added = {
        getattr(a.item.item, "id", "")
        for a in edition.added
        if a.kind == "scenario" and a.edition_id == edition.id
    }
    replaced = {
        o.item_id
        for o in edition.overrides
        if o.kind == "scenario" and o.edition_id == edition.id and o.result is not None
    }
    return added | replaced


def session_scenarios(
    edition: ResolvedEdition, scenarios: list[PackScenario]
) -> list[PackScenario]:
    """Up to four scenarios for the small groups, each on a different flowchart: the
    edition's own scenarios first, then the first scenario (by title) of each flowchart in
    title order."""
    own = _own_scenario_ids(edition)
    ordered = sorted(
        scenarios,
        key=lambda s: (s.scenario.id not in own, s.tree.title, s.scenario.title),
    )
    chosen: list[PackScenario] = []
    trees: set[str] = set()
    for item in ordered:
        if item.tree.id in trees:
            continue
        chosen.append(item)
        trees.add(item.tree.id)
        if len(chosen) == GROUP_SCENARIOS:
            break
    return chosen


def session_plan(chosen: list[PackScenario]) -> list[dict[str, Any]]:
    """The parts of a 60-minute session, with minutes that add up to 60."""
    walked = chosen[:WALKED_SCENARIOS]
    plan: list[dict[str, Any]] = [
        {
            "minutes": 5,
            "title": "Introduction",
            "what": (
                "Say what the session is for: practising decisions on this edition's "
                "flowcharts, one question at a time. Show where the flowcharts, the contacts "
                "page and the who-to-call card are on the site. Give out the scenario cards "
                "and the route sheet for each card's flowchart."
            ),
            "scenarios": [],
        },
        {
            "minutes": 25,
            "title": "Scenarios in small groups",
            "what": (
                "Groups of three or four, one scenario card each. Each group reads the "
                "situation, talks through the questions on the back of the card, and marks "
                "its answers and the outcome on the route sheet. Suggested cards:"
            ),
            "scenarios": chosen,
        },
        {
            "minutes": 20,
            "title": "Walking the routes on the step-through",
            "what": (
                "On the projector, open a scenario's page and choose Present this scenario "
                "(or press P on the flowchart page). The group that had the card answers "
                "each question aloud; compare with the expected route in this pack. Where "
                "the room went another way, stop at the question where the routes part and "
                "discuss it. Show chart shows where you are on the flowchart. Suggested:"
            ),
            "scenarios": walked,
        },
        {
            "minutes": 10,
            "title": "Debrief",
            "what": (
                "Go through the facilitator notes of the scenarios used. Ask each person "
                "who they would tell first and how they would reach them, using the "
                "contacts page, and one thing they will do differently."
            ),
            "scenarios": [],
        },
    ]
    start = 0
    for part in plan:
        part["start"] = start
        start += part["minutes"]
    assert start == SESSION_MINUTES
    return plan


def pack_scenarios(edition: ResolvedEdition) -> list[PackScenario]:
    """Every scenario of the edition, flowcharts in title order, scenarios by title."""
    trees = sorted((t.item for t in edition.content.trees.values()), key=lambda t: t.title)
    scenarios = sorted((s.item for s in edition.content.scenarios.values()), key=lambda s: s.title)
    return [
        pack_scenario(tree, scenario)
        for tree in trees
        for scenario in scenarios
        if scenario.tree == tree.id
    ]


def facilitator_pack_html(edition: ResolvedEdition, generated: str, version: str = "") -> str:
    """The facilitator pack of ``edition`` as one self-contained, printable document."""
    scenarios = pack_scenarios(edition)
    chosen = session_scenarios(edition, scenarios)
    by_tree: dict[str, list[PackScenario]] = {}
    for item in scenarios:
        by_tree.setdefault(item.tree.id, []).append(item)
    return _ENVIRONMENT.get_template("facilitator-pack.html.j2").render(
        edition_name=edition.edition.item.name,
        plan=session_plan(chosen),
        total=SESSION_MINUTES,
        scenarios=scenarios,
        by_tree=list(by_tree.values()),
        stamp=stamp(edition, version, generated),
        example_notice=example_notice(edition),
    )


def facilitator_pack_files(
    edition: ResolvedEdition, generated: str, version: str = ""
) -> dict[str, str]:
    """Path -> HTML of the pack, when the edition has scenarios."""
    if not edition.content.scenarios:
        return {}
    return {FACILITATOR_PACK_HTML: facilitator_pack_html(edition, generated, version)}
