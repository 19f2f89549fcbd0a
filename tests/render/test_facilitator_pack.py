"""The facilitator pack of the national edition: a 60-minute plan built from its scenarios,
and every scenario with its expected route, outcome, notes and route sheet answers."""

from __future__ import annotations

import html
import re

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.facilitator_pack import (
    SESSION_MINUTES,
    facilitator_pack_html,
    pack_scenarios,
    session_plan,
    session_scenarios,
)
from tests.conftest import REPO


def test_the_pack_has_a_timed_plan_and_every_scenario_with_its_route_and_outcome() -> None:
    checked = check_edition(Layout(REPO), "national")
    assert checked.edition is not None
    edition = checked.edition
    page = facilitator_pack_html(edition, "2026-12-01T00:00:00Z", "0123456789abcdef")
    text = html.unescape(page)
    assert "Content-Security-Policy" in page and "<script" not in page

    scenarios = pack_scenarios(edition)
    chosen = session_scenarios(edition, scenarios)
    plan = session_plan(chosen)
    assert [p["title"] for p in plan] == [
        "Introduction",
        "Scenarios in small groups",
        "Walking the routes on the step-through",
        "Debrief",
    ]
    table = text[text.index('<table class="plan">') : text.index("</table>")]
    minutes = [int(m) for m in re.findall(r"\((\d+) minutes\)", table)]
    assert minutes == [p["minutes"] for p in plan] and sum(minutes) == SESSION_MINUTES == 60
    assert len(chosen) == 4 and len({c.tree.id for c in chosen}) == 4  # four flowcharts

    assert len(scenarios) == len(edition.content.scenarios) == 45
    for item in scenarios:
        scenario = item.scenario
        start = text.index(f'id="scenario-{scenario.id}"')
        end = text.find('<section class="scenario"', start + 1)
        section = text[start : end if end != -1 else text.index('id="route-sheet-answers"')]
        assert scenario.title in section
        # the expected route: the scenario's answers, in order
        at = 0
        for answer in scenario.answers:
            at = section.index(f'<td class="answer">{answer}</td>', at) + 1
        assert item.outcome.text in section and item.outcome.id == scenario.expected_outcome
        assert f"Outcome (step {item.outcome_number})" in section
        if scenario.facilitator_notes:
            first_words = " ".join(scenario.facilitator_notes.split()[:6])
            assert first_words in " ".join(html.unescape(section).split())

    answers = text[text.index('id="route-sheet-answers"') :]
    for item in scenarios:
        marks = "<br>".join(f"Step {s.number}: {s.answer}" for s in item.route)
        row = f"<td>{item.scenario.title}</td><td>{marks}</td>"
        assert row in answers, item.scenario.id
        assert f"Step {item.outcome_number}: {item.outcome.text}" in answers
