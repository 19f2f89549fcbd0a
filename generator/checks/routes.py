"""Every route through a decision tree, from its start to an outcome. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models import DecisionTree, OutcomeNode, QuestionNode, StepNode


@dataclass(frozen=True)
class Choice:
    """One answer given on a route: the question's node id and the answer label."""

    node_id: str
    label: str


@dataclass(frozen=True)
class Route:
    """The answers along one route and the outcome it ends at."""

    choices: tuple[Choice, ...]
    visited: tuple[str, ...]
    outcome: str


def all_routes(tree: DecisionTree) -> list[Route]:
    """Every route from the start to an outcome, depth first in answer order.

    Answers marked ``loop_back`` return to an earlier step, so a route does not
    follow them (the route from that earlier step is listed already); a node is
    never visited twice on one route.
    """
    nodes = {node.id: node for node in tree.nodes}
    routes: list[Route] = []

    def follow(node_id: str, choices: tuple[Choice, ...], visited: tuple[str, ...]) -> None:
        node = nodes.get(node_id)
        if node is None or node_id in visited:
            return
        visited = (*visited, node_id)
        if isinstance(node, OutcomeNode):
            routes.append(Route(choices, visited, node.id))
        elif isinstance(node, StepNode):
            follow(node.next, choices, visited)
        elif isinstance(node, QuestionNode):
            for answer in node.answers:
                if not answer.loop_back:
                    follow(answer.next, (*choices, Choice(node.id, answer.label)), visited)

    follow(tree.start, (), ())
    return routes
