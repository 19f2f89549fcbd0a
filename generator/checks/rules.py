"""Cross-file checks on a resolved edition: references, tree graphs, scenarios, freshness.

Each check is a pure function from the resolved edition to diagnostics.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.checks.duty import check_duty_basis
from generator.checks.fictional import check_fictional_numbers
from generator.checks.placeholders import check_content_placeholders
from generator.content.collect import Located
from generator.content.loader import KeyPath
from generator.editions.drift import check_drift
from generator.editions.in_force import source_status
from generator.editions.resolve import ResolvedEdition
from generator.errors import Diagnostic, Severity, did_you_mean
from generator.models import (
    Contact,
    ContentModel,
    DecisionTree,
    OutcomeNode,
    QuestionNode,
    StepNode,
)
from generator.models.common import citations_in
from generator.models.phones import PhoneError, parse_phone

Check = Callable[[ResolvedEdition, datetime.date], list[Diagnostic]]


def _unknown(kind: str, found: str, known: list[str]) -> str:
    return f"expected the id of a known {kind}, got '{found}'{did_you_mean(found, known)}"


def _all_items(edition: ResolvedEdition) -> Iterator[Located[ContentModel]]:
    content = edition.content
    for group in (
        content.sources,
        content.roles,
        content.contacts,
        content.sections,
        content.trees,
        content.scenarios,
    ):
        yield from group.values()


def check_citations(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Every cited source exists; citing one whose successor is in force on ``today`` is a
    warning (an error under --strict), never a stop: an urgent change must still publish."""
    sources = edition.content.sources
    problems = []
    for located in _all_items(edition):
        for path, citation in citations_in(located.item):
            source = sources.get(citation.source)
            if source is None:
                problems.append(
                    located.diagnostic(
                        (*path, "source"),
                        _unknown("source", citation.source, list(sources)),
                        "unknown-reference",
                    )
                )
            elif source.item.superseded_by in sources:
                status = source_status(edition.source_catalogue, citation.source, today)
                if status.state == "superseded" and status.successor is not None:
                    since = status.successor.in_force_from
                    problems.append(
                        located.diagnostic(
                            (*path, "source"),
                            f"expected a current source, got '{citation.source}', superseded by "
                            f"'{status.successor.id}'"
                            + (f" (in force since {since.isoformat()})" if since else ""),
                            "superseded-source",
                            Severity.WARNING,
                        )
                    )
    for source in sources.values():
        replacement = source.item.superseded_by
        if replacement is not None and replacement not in sources:
            problems.append(
                source.diagnostic(
                    ("superseded_by",),
                    _unknown("source", replacement, list(sources)),
                    "unknown-reference",
                )
            )
    return problems


def check_references(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Every contact, role, section and tree id that content names exists."""
    content = edition.content
    contact_or_role = [*content.contacts, *content.roles]
    problems: list[Diagnostic] = []

    def expect(
        located: Located[ContentModel], path: KeyPath, ref: str, kind: str, known: list[str]
    ) -> None:
        if ref not in known:
            problems.append(
                located.diagnostic(path, _unknown(kind, ref, known), "unknown-reference")
            )

    for section in content.sections.values():
        for i, ref in enumerate(section.item.trees):
            expect(section, ("trees", i), ref, "tree", list(content.trees))
        for i, ref in enumerate(section.item.contacts):
            expect(section, ("contacts", i), ref, "contact or role", contact_or_role)
    for tree in content.trees.values():
        for n, node in enumerate(tree.item.nodes):
            for i, ref in enumerate(node.contacts):
                expect(tree, ("nodes", n, "contacts", i), ref, "contact or role", contact_or_role)
            for i, ref in enumerate(node.sections):
                expect(tree, ("nodes", n, "sections", i), ref, "section", list(content.sections))
            for i, ref in enumerate(node.trees):
                expect(tree, ("nodes", n, "trees", i), ref, "tree", list(content.trees))
    for role in content.roles.values():
        if role.item.default is not None:
            expect(role, ("default",), role.item.default, "contact", list(content.contacts))
    for contact in content.contacts.values():
        for i, ref in enumerate(contact.item.fulfils):
            expect(contact, ("fulfils", i), ref, "role", list(content.roles))
        for i, ref in enumerate(contact.item.shares_number_with):
            expect(contact, ("shares_number_with", i), ref, "contact", list(content.contacts))
        if contact.item.out_of_hours is not None:
            expect(
                contact,
                ("out_of_hours",),
                contact.item.out_of_hours,
                "contact or role",
                contact_or_role,
            )
    for scenario in content.scenarios.values():
        expect(scenario, ("tree",), scenario.item.tree, "tree", list(content.trees))
    for settings in edition.layers or (edition.edition,):
        for role_id, contact_id in settings.item.bindings.items():
            expect(settings, ("bindings", role_id), role_id, "role", list(content.roles))
            expect(settings, ("bindings", role_id), contact_id, "contact", list(content.contacts))
        for role_id in settings.item.gaps:
            expect(settings, ("gaps", role_id), role_id, "role", list(content.roles))
    return problems


def check_roles_bound(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Every role resolves to a contact or a declared gap; never silently to nothing."""
    problems = []
    settings = edition.edition
    for role_id, _name in edition.placeholders():
        if edition.draft:
            problems.append(
                settings.diagnostic(
                    ("bindings",),
                    f"expected role '{role_id}' to be bound or declared under gaps before "
                    "publishing, got neither; this draft shows it as 'to be completed'",
                    "placeholder",
                    Severity.WARNING,
                )
            )
        else:
            problems.append(
                settings.diagnostic(
                    ("bindings",),
                    f"expected role '{role_id}' to be bound to a contact or declared under gaps, "
                    "got neither (build with --draft to preview it as 'to be completed')",
                    "unbound-role",
                )
            )
    return problems


def check_unused_contacts(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """A contact that no page, tree, role or other contact uses is a warning."""
    content = edition.content
    used: set[str] = set()
    for section in content.sections.values():
        used.update(section.item.contacts)
    for tree in content.trees.values():
        for node in tree.item.nodes:
            used.update(node.contacts)
    for contact in content.contacts.values():
        if contact.item.out_of_hours:
            used.add(contact.item.out_of_hours)
    used.update(b for b in (edition.binding(role_id) for role_id in content.roles) if b)
    return [
        contact.diagnostic(
            ("id",),
            f"expected contact '{contact_id}' to be used by a section, tree node, role or "
            "another contact's out_of_hours, got no use (the directory lists it, but nothing "
            "leads staff to it)",
            "unused-contact",
            Severity.WARNING,
        )
        for contact_id, contact in content.contacts.items()
        if contact_id not in used
    ]


def check_todo_settings(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Settings still reading "TODO:" (left by ``new-edition``) must be filled in to publish."""
    settings = edition.edition
    problems = []
    for name in ("name", "authority", "banner"):
        value = getattr(settings.item, name)
        if isinstance(value, str) and value.startswith("TODO:"):
            problems.append(
                settings.diagnostic(
                    (name,),
                    f"expected the edition's {name}, got the placeholder {value!r}",
                    "todo",
                    Severity.WARNING if edition.draft else Severity.ERROR,
                )
            )
    return problems


def _tree_problems(tree: Located[DecisionTree]) -> list[Diagnostic]:
    nodes = tree.item.nodes
    index = {}
    problems: list[Diagnostic] = []
    for n, node in enumerate(nodes):
        if node.id in index:
            problems.append(
                tree.diagnostic(
                    ("nodes", n, "id"),
                    f"expected a unique node id, got '{node.id}' again",
                    "duplicate-id",
                )
            )
        else:
            index[node.id] = n

    def edges(n: int) -> list[tuple[KeyPath, str, bool]]:
        node = nodes[n]
        if isinstance(node, QuestionNode):
            return [
                (("nodes", n, "answers", a, "next"), answer.next, answer.loop_back)
                for a, answer in enumerate(node.answers)
            ]
        if isinstance(node, StepNode):
            return [(("nodes", n, "next"), node.next, False)]
        return []

    broken = False
    for n, node in enumerate(nodes):
        for path, target, _ in edges(n):
            if target not in index:
                broken = True
                problems.append(
                    tree.diagnostic(
                        path, _unknown("node", target, list(index)), "unknown-reference"
                    )
                )
        if isinstance(node, QuestionNode):
            seen: set[str] = set()
            for a, answer in enumerate(node.answers):
                label = answer.label.casefold()
                if label in seen:
                    problems.append(
                        tree.diagnostic(
                            ("nodes", n, "answers", a, "label"),
                            f"expected distinct answer labels, got '{answer.label}' twice",
                            "duplicate-answer",
                        )
                    )
                seen.add(label)
    if tree.item.start not in index:
        problems.append(
            tree.diagnostic(
                ("start",), _unknown("node", tree.item.start, list(index)), "unknown-reference"
            )
        )
        return problems
    if broken:
        return problems

    # Reachability from start (all edges).
    reached = set()
    stack = [index[tree.item.start]]
    while stack:
        n = stack.pop()
        if n in reached:
            continue
        reached.add(n)
        stack.extend(index[target] for _, target, _ in edges(n))
    for n, node in enumerate(nodes):
        if n not in reached and index.get(node.id) == n:
            problems.append(
                tree.diagnostic(
                    ("nodes", n, "id"),
                    f"expected every node to be reachable from start "
                    f"'{tree.item.start}', got '{node.id}' unreachable",
                    "unreachable-node",
                )
            )

    # Cycles, ignoring answers marked loop_back.
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done
    finished: list[int] = []  # each node after every node it leads to (when acyclic)

    def visit(start: int) -> None:
        # Depth-first with an explicit stack: a chain of thousands of steps must not hit
        # Python's recursion limit.
        state[start] = 1
        stack = [(start, iter(edges(start)))]
        while stack:
            n, pending = stack[-1]
            for path, target, loop_back in pending:
                if loop_back:
                    continue
                t = index[target]
                if state.get(t) == 1:
                    problems.append(
                        tree.diagnostic(
                            path,
                            f"expected no cycle (mark a deliberate return with loop_back: "
                            f"true), got a path back to '{target}'",
                            "tree-cycle",
                        )
                    )
                elif t not in state:
                    state[t] = 1
                    stack.append((t, iter(edges(t))))
                    break
            else:
                state[n] = 2
                finished.append(n)
                stack.pop()

    for n in sorted(reached):
        if n not in state:
            visit(n)

    # Every node must be able to reach an outcome (no dead ends, no closed loops).
    can_finish = {n for n, node in enumerate(nodes) if isinstance(node, OutcomeNode)}
    changed = True
    while changed:
        changed = False
        for n in range(len(nodes)):
            if n not in can_finish and any(index[t] in can_finish for _, t, _ in edges(n)):
                can_finish.add(n)
                changed = True
    for n in sorted(reached - can_finish):
        problems.append(
            tree.diagnostic(
                ("nodes", n, "id"),
                f"expected every path to end at an outcome, got '{nodes[n].id}' "
                "from which no outcome can be reached",
                "dead-end",
            )
        )
    if not problems:
        forward = {n: [index[t] for _, t, loop_back in edges(n) if not loop_back] for n in finished}
        problems += _route_limits(tree, index[tree.item.start], forward, finished)
    return problems


MAX_ROUTES = 2_000
"""Every route is listed for sign-off and walked in tests: a tree whose answers re-join
can have exponentially many (30 two-way questions in a row: a billion)."""
MAX_ROUTE_LENGTH = 150
"""Nodes on the longest route; real trees have well under 30."""


def _route_limits(
    tree: Located[DecisionTree], start: int, forward: dict[int, list[int]], finished: list[int]
) -> list[Diagnostic]:
    """Count routes and measure the longest without listing them, over the acyclic tree
    (loop_back answers set aside; ``finished`` lists each reached node after every node it
    leads to): one error if either is beyond what a reader can use."""
    routes: dict[int, int] = {}
    length: dict[int, int] = {}
    for n in finished:
        targets = forward[n]
        routes[n] = sum(routes[t] for t in targets) if targets else 1
        length[n] = 1 + max((length[t] for t in targets), default=0)
    limits = (
        (
            routes[start] > MAX_ROUTES,
            f"expected at most {MAX_ROUTES} routes from start to an outcome (each is listed "
            f"for sign-off), got {routes[start]:,}; split the tree",
            "too-many-routes",
        ),
        (
            length[start] > MAX_ROUTE_LENGTH,
            f"expected at most {MAX_ROUTE_LENGTH} nodes on the longest route, got "
            f"{length[start]}; split the tree",
            "route-too-long",
        ),
    )
    for exceeded, message, code in limits:
        if exceeded:
            return [tree.diagnostic(("start",), message, code)]
    return []


def check_trees(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Graph rules of every decision tree."""
    return [p for tree in edition.content.trees.values() for p in _tree_problems(tree)]


def check_scenarios(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Walk each scenario's answers through its tree; it must reach the expected outcome."""
    problems = []
    for scenario in edition.content.scenarios.values():
        tree_located = edition.content.trees.get(scenario.item.tree)
        if tree_located is None or _tree_problems(tree_located):
            continue  # reported by check_references or check_trees
        tree = tree_located.item
        nodes = {node.id: node for node in tree.nodes}
        if scenario.item.expected_outcome not in nodes or not isinstance(
            nodes[scenario.item.expected_outcome], OutcomeNode
        ):
            outcomes = [n.id for n in tree.nodes if isinstance(n, OutcomeNode)]
            problems.append(
                scenario.diagnostic(
                    ("expected_outcome",),
                    _unknown(
                        f"outcome of tree '{tree.id}'", scenario.item.expected_outcome, outcomes
                    ),
                    "unknown-reference",
                )
            )
            continue
        result = walk(tree, list(scenario.item.answers))
        if result.error is not None:
            index, message = result.error
            problems.append(scenario.diagnostic(("answers", index), message, "scenario-walk"))
        elif result.outcome != scenario.item.expected_outcome:
            problems.append(
                scenario.diagnostic(
                    ("expected_outcome",),
                    f"expected the answers to reach '{scenario.item.expected_outcome}', got "
                    f"'{result.outcome}'",
                    "scenario-outcome",
                )
            )
    return problems


@dataclass(frozen=True)
class WalkResult:
    """Where a walk through a tree ended: nodes visited, outcome reached, or the error.

    ``error`` is the index of the offending answer and a message.
    """

    visited: list[str]
    outcome: str | None
    error: tuple[int, str] | None


def walk(tree: DecisionTree, answers: list[str]) -> WalkResult:
    """Follow ``answers`` (labels, case-insensitive) from the start of ``tree``."""
    nodes = {node.id: node for node in tree.nodes}
    current = nodes.get(tree.start)
    visited: list[str] = []
    remaining = list(enumerate(answers))
    steps = 0
    while current is not None and steps <= len(nodes) + len(answers):
        steps += 1
        visited.append(current.id)
        if isinstance(current, OutcomeNode):
            if remaining:
                return WalkResult(
                    visited,
                    current.id,
                    (
                        remaining[0][0],
                        f"expected no more answers after outcome '{current.id}', "
                        f"got '{remaining[0][1]}'",
                    ),
                )
            return WalkResult(visited, current.id, None)
        if isinstance(current, StepNode):
            current = nodes.get(current.next)
            continue
        if not remaining:
            return WalkResult(
                visited,
                None,
                (
                    max(len(answers) - 1, 0),
                    f"expected an answer to '{current.text}', got no more answers",
                ),
            )
        position, label = remaining.pop(0)
        chosen = [a for a in current.answers if a.label.casefold() == label.casefold()]
        if not chosen:
            options = ", ".join(f"'{a.label}'" for a in current.answers)
            return WalkResult(
                visited,
                None,
                (position, f"expected one of {options} at '{current.id}', got '{label}'"),
            )
        current = nodes.get(chosen[0].next)
    return WalkResult(visited, None, (0, "expected the walk to reach an outcome, got a loop"))


def check_review_dates(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """A passed ``review_by`` date is a warning."""
    problems = []
    for section in edition.content.sections.values():
        if section.item.review_by < today:
            problems.append(
                section.diagnostic(
                    ("review_by",),
                    f"expected a review date on or after {today.isoformat()}, got "
                    f"{section.item.review_by.isoformat()}",
                    "review-overdue",
                    Severity.WARNING,
                )
            )
    settings = edition.edition
    if settings.item.review_by is not None and settings.item.review_by < today:
        problems.append(
            settings.diagnostic(
                ("review_by",),
                f"expected a review date on or after {today.isoformat()}, got "
                f"{settings.item.review_by.isoformat()}",
                "review-overdue",
                Severity.WARNING,
            )
        )
    return problems


def check_shared_numbers(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Two contacts with one number must say so with ``shares_number_with``."""
    problems = []
    owners: dict[str, Located[Contact]] = {}
    for contact in edition.content.contacts.values():
        for c, channel in enumerate(contact.item.channels):
            if channel.type not in ("phone", "text"):
                continue
            try:
                tel = parse_phone(channel.value).tel
            except PhoneError:
                continue  # reported by the model
            first = owners.setdefault(tel, contact)
            other = first.item
            if first is contact:
                continue
            if (
                other.id not in contact.item.shares_number_with
                and contact.item.id not in other.shares_number_with
            ):
                problems.append(
                    contact.diagnostic(
                        ("channels", c, "value"),
                        f"expected a number of its own or shares_number_with: [{other.id}], got "
                        f"the number of '{other.id}'",
                        "shared-number",
                        Severity.WARNING,
                    )
                )
    return problems


CHECKS: tuple[Check, ...] = (
    check_citations,
    check_references,
    check_roles_bound,
    check_todo_settings,
    check_content_placeholders,
    check_unused_contacts,
    check_trees,
    check_scenarios,
    check_review_dates,
    check_shared_numbers,
    check_fictional_numbers,
    check_duty_basis,
    check_drift,
)


def run_checks(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Every check on ``edition``.

    Whether a contact is used is judged only once every reference resolves: a misspelt
    reference is one problem, not also a warning that the contact it meant is unused.
    """
    problems = [problem for check in CHECKS for problem in check(edition, today)]
    if any(p.code == "unknown-reference" for p in problems):
        problems = [p for p in problems if p.code != "unused-contact"]
    return problems
