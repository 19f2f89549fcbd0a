"""Step through a decision tree one answer at a time: the state machine behind ``walk``."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.models import Answer, DecisionTree, OutcomeNode, QuestionNode, StepNode

Node = QuestionNode | StepNode | OutcomeNode


class StepError(ValueError):
    """An answer that does not fit the current question."""


@dataclass
class Stepper:
    """Where a walk through ``tree`` has got to, and the route so far."""

    tree: DecisionTree
    route: list[str] = field(default_factory=list)
    _nodes: dict[str, Node] = field(init=False, repr=False)
    _current: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._nodes = {node.id: node for node in self.tree.nodes}
        self._current = self.tree.start
        self.route.append(self._current)

    @property
    def current(self) -> Node:
        """The node the walk is at."""
        return self._nodes[self._current]

    @property
    def finished(self) -> bool:
        """True once the walk has reached an outcome."""
        return isinstance(self.current, OutcomeNode)

    def _move(self, node_id: str) -> None:
        if node_id not in self._nodes:
            raise StepError(f"expected a node of tree '{self.tree.id}', got '{node_id}'")
        self._current = node_id
        self.route.append(node_id)

    def advance_through_steps(self) -> list[StepNode]:
        """Move past step nodes (which need no answer) to the next question or outcome, and
        return the steps passed on the way: that is where referrals and actions live."""
        passed: list[StepNode] = []
        while isinstance(self.current, StepNode):
            passed.append(self.current)
            if len(passed) > len(self._nodes):
                raise StepError(f"expected the steps of '{self.tree.id}' to lead on, got a cycle")
            self._move(self.current.next)
        return passed

    def choose(self, given: str) -> Answer:
        """Answer the current question with a label (any case) or a 1-based number."""
        node = self.current
        if not isinstance(node, QuestionNode):
            raise StepError(f"expected to be at a question, got {node.kind} '{node.id}'")
        answer = _match(node, given)
        self._move(answer.next)
        return answer


def _match(node: QuestionNode, given: str) -> Answer:
    text = given.strip()
    for answer in node.answers:
        if answer.label.casefold() == text.casefold():
            return answer
    if text.isdigit() and 1 <= int(text) <= len(node.answers):
        return node.answers[int(text) - 1]
    options = ", ".join(f"{i}. {a.label}" for i, a in enumerate(node.answers, start=1))
    raise StepError(f"expected one of {options} for '{node.text}', got '{given}'")
