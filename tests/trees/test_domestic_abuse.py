"""The domestic abuse tree: Operation Encompass, disclosures, teenage and adult relationships."""

from __future__ import annotations

from generator.checks.safety import breaches, rules_for_tree
from generator.editions.resolve import ResolvedEdition
from tests.trees.routes import SOCIAL_CARE, outcome, routes_choosing, tree


def test_domestic_abuse_encompass_is_confidential_and_danger_calls_999_first(
    national: ResolvedEdition,
) -> None:
    """A child who lives with domestic abuse is a victim in their own right (Domestic Abuse
    Act 2021, s.3). An Operation Encompass notification reaches the DSL and stays
    confidential; immediate danger reaches 999 first, then children's social care urgently."""
    abuse = tree(national, "domestic-abuse")
    nodes = {n.id: n for n in abuse.nodes}
    detail = nodes["how-did-you-learn"].detail or ""
    assert "victim of domestic abuse in their own right" in detail
    assert "domestic-abuse-act-2021" in {c.source for c in nodes["how-did-you-learn"].sources}
    encompass = "The police sent an Operation Encompass notification"
    for route in routes_choosing(abuse, "how-did-you-learn", encompass):
        first = nodes[route.visited[1]]
        assert "designated-safeguarding-lead" in first.contacts, route
        text = " ".join(first.actions)
        assert "without saying what the school knows" in text
        assert "child protection file" in text and "alleged abuser" in text
    for route in routes_choosing(
        abuse,
        "what-is-the-risk",
        "The child is in immediate danger, or afraid to go home"
        " because of what someone there will do",
    ):
        end = outcome(abuse, route)
        assert end.urgent and end.contacts[0] == "police-emergency"
        assert end.actions[0] == "Call 999" and "childrens-social-care-urgent" in end.contacts
    significant = "The child is suffering, or likely to suffer, significant harm"
    for route in routes_choosing(abuse, "what-is-the-risk", significant):
        end = outcome(abuse, route)
        assert set(end.contacts) & SOCIAL_CARE and "local-safeguarding-partnership" in end.contacts
        assert any("alleged abuser" in action for action in end.actions)
    for route in routes_choosing(abuse, "relationship-age", "18 or over"):
        end = outcome(abuse, route)
        assert not end.urgent and "childrens-social-care-urgent" not in end.contacts
    rules = {r.id for r in rules_for_tree(national, abuse)}
    assert {"operation-encompass-reaches-dsl", "immediate-danger-calls-999-first"} <= rules
    assert breaches(national, abuse) == []
