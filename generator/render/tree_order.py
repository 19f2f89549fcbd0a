"""Reading order of a tree's nodes, shared by the text version, the chart and the routes."""

from __future__ import annotations

from generator.models import DecisionTree, QuestionNode, StepNode


def tree_order(tree: DecisionTree) -> list[str]:
    """Node ids in reading order: breadth first from start, answers in their order."""
    by_id = {node.id: node for node in tree.nodes}
    order: list[str] = []
    queue = [tree.start]
    while queue:
        node_id = queue.pop(0)
        if node_id in order or node_id not in by_id:
            continue
        order.append(node_id)
        node = by_id[node_id]
        if isinstance(node, QuestionNode):
            queue.extend(answer.next for answer in node.answers)
        elif isinstance(node, StepNode):
            queue.append(node.next)
    order += [node.id for node in tree.nodes if node.id not in order]
    return order
