"""Checks that every statement of a duty says what it rests on, and cites it when it is law.

A node or section block whose own words say "must" or "should" states a duty, so it must
carry a ``basis``; a ``statutory`` basis must cite the law or statutory guidance it rests on.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from generator.content.collect import Located
from generator.content.loader import KeyPath
from generator.editions.resolve import ResolvedEdition
from generator.errors import Diagnostic, Severity
from generator.models import Block, DecisionTree, OutcomeNode, QuestionNode, Section, StepNode

DUTY_WORDS = re.compile(r"\b(must|should)\b", re.IGNORECASE)


def _node_texts(node: QuestionNode | StepNode | OutcomeNode) -> str:
    actions = list(node.actions) if isinstance(node, StepNode | OutcomeNode) else []
    return " ".join([node.text, node.detail or "", *actions])


def _statements(
    located: Located[DecisionTree] | Located[Section],
) -> Iterator[tuple[KeyPath, str, str | None, bool]]:
    """(key path, words, basis, has citations) of each node or block of a tree or section."""
    item = located.item
    if isinstance(item, DecisionTree):
        for n, node in enumerate(item.nodes):
            yield ("nodes", n, "id"), _node_texts(node), node.basis, bool(node.sources)
    else:
        for b, block in enumerate(item.body):
            assert isinstance(block, Block)
            yield ("body", b, "text"), block.text, block.basis, bool(block.sources)


def check_duty_basis(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Duties need a basis (warning); statutory duties need a citation (error)."""
    del today
    content = edition.content
    problems = []
    items: list[Located[DecisionTree] | Located[Section]] = [
        *content.trees.values(),
        *content.sections.values(),
    ]
    for located in items:
        for path, words, basis, cited in _statements(located):
            duty = DUTY_WORDS.search(words)
            if duty and basis is None:
                problems.append(
                    located.diagnostic(
                        path,
                        f"expected a basis (statutory, guidance or local) for a statement "
                        f"that says '{duty.group(0)}', got none",
                        "duty-without-basis",
                        Severity.WARNING,
                    )
                )
            if basis == "statutory" and not cited:
                problems.append(
                    located.diagnostic(
                        path,
                        "expected the law or statutory guidance behind a statutory duty in "
                        "sources, got no citation",
                        "statutory-uncited",
                    )
                )
    return problems
