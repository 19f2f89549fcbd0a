"""Apply an edition's node patches to a base decision tree. Pure: tree in, tree out."""

from __future__ import annotations

from generator.content.collect import Located
from generator.errors import Diagnostic, did_you_mean
from generator.models import Answer, DecisionTree, OutcomeNode, QuestionNode, StepNode
from generator.models.overlay import NodePatch, TreeOverlay

AnyNode = QuestionNode | StepNode | OutcomeNode


def _unknown_node(found: str, known: list[str]) -> str:
    hint = did_you_mean(found, known)
    return f"expected a node of the base tree, got '{found}'{hint}"


def _retarget(node: AnyNode, old: str, new: str) -> AnyNode:
    """``node`` with every edge into ``old`` sent to ``new`` instead."""
    if isinstance(node, QuestionNode):
        answers = [a.model_copy(update={"next": new}) if a.next == old else a for a in node.answers]
        return node.model_copy(update={"answers": answers})
    if isinstance(node, StepNode) and node.next == old:
        return node.model_copy(update={"next": new})
    return node


class _Patcher:
    def __init__(self, tree: DecisionTree, located: Located[TreeOverlay]) -> None:
        self.start = tree.start
        self.nodes: list[AnyNode] = list(tree.nodes)
        self.located = located
        self.problems: list[Diagnostic] = []

    def index(self, node_id: str, path: tuple[str | int, ...]) -> int | None:
        for i, node in enumerate(self.nodes):
            if node.id == node_id:
                return i
        known = [n.id for n in self.nodes]
        self.problems.append(
            self.located.diagnostic(path, _unknown_node(node_id, known), "unknown-reference")
        )
        return None

    def fail(self, path: tuple[str | int, ...], message: str, code: str = "invalid-patch") -> None:
        self.problems.append(self.located.diagnostic(path, message, code))

    def apply(self, p: int, patch: NodePatch) -> None:
        here: tuple[str | int, ...] = ("patch", p)
        action = patch.action
        if action == "add_node":
            assert patch.add_node is not None
            if any(n.id == patch.add_node.id for n in self.nodes):
                self.fail(
                    (*here, "add_node", "id"),
                    f"expected a new node id, got '{patch.add_node.id}', already in the tree",
                    "duplicate-id",
                )
            else:
                self.nodes.append(patch.add_node)
            return
        if action in ("insert_before", "insert_after"):
            self.insert(here, patch, action)
            return
        assert patch.node is not None
        i = self.index(patch.node, (*here, "node"))
        if i is None:
            return
        node = self.nodes[i]
        if action == "set":
            assert patch.set is not None
            changes = patch.set.model_dump(exclude_none=True)
            for name in ("actions", "urgent"):
                if name in changes and not isinstance(node, OutcomeNode | StepNode):
                    self.fail(
                        (*here, "set", name),
                        f"expected a step or outcome for {name}, got {node.kind} '{node.id}'",
                    )
                    return
            if "urgent" in changes and not isinstance(node, OutcomeNode):
                self.fail((*here, "set", "urgent"), f"expected an outcome, got {node.kind}")
                return
            self.nodes[i] = node.model_copy(update=changes)
            return
        if not isinstance(node, QuestionNode):
            self.fail(
                (*here, "node"), f"expected a question for {action}, got {node.kind} '{node.id}'"
            )
            return
        labels = [a.label for a in node.answers]
        if action == "add_answer":
            assert patch.add_answer is not None
            if patch.add_answer.label in labels:
                self.fail(
                    (*here, "add_answer", "label"),
                    f"expected a new answer, got '{patch.add_answer.label}' again",
                    "duplicate-answer",
                )
                return
            self.nodes[i] = node.model_copy(update={"answers": [*node.answers, patch.add_answer]})
            return
        change = patch.change_answer
        assert change is not None
        if change.label not in labels:
            hint = did_you_mean(change.label, labels)
            self.fail(
                (*here, "change_answer", "label"),
                f"expected one of the answers of '{node.id}', got '{change.label}'{hint}",
                "unknown-reference",
            )
            return
        answers: list[Answer] = []
        for answer in node.answers:
            if answer.label == change.label:
                update = {
                    "label": change.new_label or answer.label,
                    "next": change.next or answer.next,
                    "facts": answer.facts if change.facts is None else change.facts,
                }
                answer = answer.model_copy(update=update)
            answers.append(answer)
        self.nodes[i] = node.model_copy(update={"answers": answers})

    def insert(self, here: tuple[str | int, ...], patch: NodePatch, action: str) -> None:
        target = patch.insert_before or patch.insert_after
        assert target is not None and patch.step is not None
        i = self.index(target, (*here, action))
        if i is None:
            return
        if any(n.id == patch.step.id for n in self.nodes):
            self.fail(
                (*here, "step", "id"),
                f"expected a new node id, got '{patch.step.id}', already in the tree",
                "duplicate-id",
            )
            return
        fields = patch.step.model_dump()
        if action == "insert_before":
            step = StepNode(kind="step", next=target, **fields)
            self.nodes = [_retarget(n, target, step.id) for n in self.nodes]
            if self.start == target:
                self.start = step.id
            self.nodes.insert(i, step)
            return
        node = self.nodes[i]
        if not isinstance(node, StepNode):
            self.fail(
                (*here, action),
                f"expected a step to insert after, got {node.kind} "
                f"'{node.id}' (use insert_before on the node that follows)",
            )
            return
        step = StepNode(kind="step", next=node.next, **fields)
        self.nodes[i] = node.model_copy(update={"next": step.id})
        self.nodes.insert(i + 1, step)


def patch_tree(
    tree: DecisionTree, located: Located[TreeOverlay]
) -> tuple[DecisionTree, list[Diagnostic]]:
    """``tree`` with the overlay's patches applied in order, and a diagnostic per bad patch."""
    patcher = _Patcher(tree, located)
    for p, patch in enumerate(located.item.patch or []):
        patcher.apply(p, patch)
    patched = tree.model_copy(update={"start": patcher.start, "nodes": patcher.nodes})
    return patched, patcher.problems
