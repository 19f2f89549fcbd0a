"""The radicalisation and Prevent tree: danger first, the Prevent route, views not a referral."""

from __future__ import annotations

from generator.checks.safety import breaches, rules_for_tree
from generator.editions.resolve import ResolvedEdition
from tests.trees.routes import POLICE, SOCIAL_CARE, outcome, routes_choosing, tree


def test_radicalisation_risk_reaches_prevent_and_views_alone_are_not_a_referral(
    national: ResolvedEdition,
) -> None:
    prevent = tree(national, "radicalisation-and-prevent")
    assert prevent.start == "danger-now", "danger to life is asked before anything else"
    # Danger now or a planned attack: 999 first, and children's social care's urgent route.
    danger = "Yes, someone is in danger now, or an attack or travel is being planned"
    for route in routes_choosing(prevent, "danger-now", danger):
        end = outcome(prevent, route)
        assert end.urgent and end.contacts[0] == "police-emergency"
        assert "childrens-social-care-urgent" in end.contacts
        assert route.visited[1] == end.id, "999 is the first thing after the answer"
    # A risk of being drawn into terrorism always reaches the local Prevent referral route,
    # and children's social care as well when the child is also at risk of harm.
    risk = "Yes, there is a risk of being drawn into terrorism"
    for route in routes_choosing(prevent, "what-did-the-dsl-find", risk):
        end = outcome(prevent, route)
        assert "prevent-referral" in end.contacts and not end.urgent
        text = " ".join([end.detail or "", *end.actions])
        assert "not a criminal process" in text and "consent" in text
        assert "local-safeguarding-partnership" in end.contacts
    for route in routes_choosing(prevent, "harm-too", "Yes"):
        assert set(outcome(prevent, route).contacts) & SOCIAL_CARE
    # Views the school disagrees with, and no such risk: education, not a referral.
    views = "No, the child holds views the school disagrees with, but there is no such risk"
    for route in routes_choosing(prevent, "what-did-the-dsl-find", views):
        end = outcome(prevent, route)
        assert "prevent-referral" not in end.contacts
        assert not set(end.contacts) & (POLICE | SOCIAL_CARE)
        assert any("records" in action for action in end.actions)
    # A student aged 18 or over is not routed as a child; Channel consent is their own.
    for route in routes_choosing(prevent, "age", "No, 18 or over"):
        end = outcome(prevent, route)
        assert "prevent-referral" in end.contacts
        assert any("Do not treat the student as a child" in action for action in end.actions)
        assert "consent is the student's own" in (end.detail or "")
    rules = {r.id for r in rules_for_tree(national, prevent)}
    expected = {"radicalisation-risk-reaches-prevent-referral", "immediate-danger-calls-999-first"}
    assert expected <= rules
    assert breaches(national, prevent) == []
