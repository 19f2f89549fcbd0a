"""Safety rules over routes: every route of every tree of a resolved edition on which a
rule's facts hold must reach what the rule names, through a step or an outcome.

Scenarios test one route each; these rules hold on all of them, after overlays, so no
edition and no later edit can reopen an unsafe route. Pure.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from generator.checks.routes import Route, all_routes
from generator.content.collect import Located
from generator.content.loader import KeyPath
from generator.editions.resolve import ResolvedEdition
from generator.errors import Diagnostic, Severity, did_you_mean
from generator.models import (
    Contact,
    ContentModel,
    DecisionTree,
    OutcomeNode,
    QuestionNode,
    SafetyRule,
    StepNode,
)
from generator.models.overlay import NodePatch, TreeOverlay

Node = QuestionNode | StepNode | OutcomeNode


@dataclass(frozen=True)
class Breach:
    """A route of ``tree`` on which ``rule`` applies and is not met."""

    rule: Located[SafetyRule]
    tree: DecisionTree
    route: Route
    missing: tuple[str, ...]
    """Labels of the reaches the route does not meet."""


def _facts_by_position(nodes: dict[str, Node], route: Route) -> list[set[str]]:
    """For each node visited on ``route``, the facts that hold from that node on."""
    chosen = {choice.node_id: choice.label for choice in route.choices}
    holding: set[str] = set()
    by_position: list[set[str]] = []
    carried: set[str] = set()
    for node_id in route.visited:
        node = nodes[node_id]
        holding |= carried | set(node.facts)
        carried = set()
        by_position.append(set(holding))
        if isinstance(node, QuestionNode) and node_id in chosen:
            answer = next(a for a in node.answers if a.label == chosen[node_id])
            carried = set(answer.facts)
    return by_position


def named_by(edition: ResolvedEdition, refs: list[str]) -> set[str]:
    """Every role and contact id that the contacts ``refs`` of a node stand for here: a role
    also names the contact it is bound to, and a contact the roles it fills or is bound to."""
    names: set[str] = set()
    for ref in refs:
        names.add(ref)
        if ref in edition.content.roles:
            bound = edition.binding(ref)
            if bound is not None:
                names.add(bound)
        located = edition.content.contacts.get(ref)
        if located is not None:
            names.update(_roles_of(edition, ref, located.item))
    return names


def _roles_of(edition: ResolvedEdition, contact_id: str, contact: Contact) -> set[str]:
    roles = set(contact.fulfils)
    roles.update(role for role in edition.content.roles if edition.binding(role) == contact_id)
    return roles


def _applies(rule: SafetyRule, facts: set[str]) -> bool:
    return set(rule.when) <= facts and not set(rule.unless) & facts


@dataclass(frozen=True)
class _Walked:
    """One route with what holds and what is named at each node on it, worked out once."""

    route: Route
    facts: list[set[str]]
    """Facts holding from each node on."""
    named: list[set[str] | None]
    """Roles and contacts each step or outcome names; None for a question."""


def _walked_routes(edition: ResolvedEdition, tree: DecisionTree) -> list[_Walked]:
    nodes: dict[str, Node] = {node.id: node for node in tree.nodes}
    named_at: dict[str, set[str] | None] = {
        node.id: named_by(edition, node.contacts)
        if isinstance(node, StepNode | OutcomeNode)
        else None
        for node in tree.nodes
    }
    return [
        _Walked(
            route,
            _facts_by_position(nodes, route),
            [named_at[node_id] for node_id in route.visited],
        )
        for route in all_routes(tree)
        if route.visited
    ]


def _missing_on_route(rule: SafetyRule, walked: _Walked) -> tuple[str, ...] | None:
    """Labels of the reaches a route misses under ``rule``; None when the rule does not
    apply to the route."""
    if not _applies(rule, walked.facts[-1]):
        return None
    established = next(i for i, facts in enumerate(walked.facts) if _applies(rule, facts))
    acting = [named for named in walked.named if named is not None]
    if rule.first:
        acting = [named for named in walked.named[established:] if named is not None][:1]
    reached: set[str] = set().union(*acting) if acting else set()
    return tuple(reach.label for reach in rule.reaches if not set(reach.any_of) & reached)


def breaches(edition: ResolvedEdition, tree: DecisionTree) -> list[Breach]:
    """The shortest breaking route of each rule of the edition in ``tree``, if any."""
    walked = _walked_routes(edition, tree)
    found = []
    for rule in edition.content.rules.values():
        broken = [
            (each.route, missing)
            for each in walked
            if (missing := _missing_on_route(rule.item, each))
        ]
        if broken:
            route, missing = min(broken, key=lambda pair: len(pair[0].visited))
            found.append(Breach(rule, tree, route, missing))
    return found


def rules_for_tree(edition: ResolvedEdition, tree: DecisionTree) -> list[SafetyRule]:
    """The rules that apply to at least one route of ``tree`` (what every route guarantees)."""
    nodes: dict[str, Node] = {node.id: node for node in tree.nodes}
    routes = all_routes(tree)
    facts = [_facts_by_position(nodes, route)[-1] for route in routes if route.visited]
    return [
        located.item
        for located in edition.content.rules.values()
        if any(_applies(located.item, route_facts) for route_facts in facts)
    ]


def route_text(tree: DecisionTree, route: Route) -> str:
    """One line: each node on the route, with the answer given at each question."""
    chosen = {choice.node_id: choice.label for choice in route.choices}
    parts = []
    for node_id in route.visited:
        parts.append(f"{node_id} [{chosen[node_id]}]" if node_id in chosen else node_id)
    return " > ".join(parts)


def _touched(patch: NodePatch) -> set[str]:
    """Ids of the nodes a patch operation changes, inserts around or adds."""
    ids = {
        patch.node,
        patch.insert_before,
        patch.insert_after,
        patch.add_node.id if patch.add_node else None,
        patch.step.id if patch.step else None,
    }
    return {node_id for node_id in ids if node_id is not None}


def _patch_rank(patch: NodePatch) -> int:
    """Which operations most likely broke a rule: a changed node (its contacts) first, then
    a changed or added answer (a new way round), then an inserted step or added node."""
    if patch.set is not None:
        return 0
    if patch.change_answer is not None or patch.add_answer is not None:
        return 1
    return 2


def _overlay_line(
    edition: ResolvedEdition, tree_id: str, route: Route
) -> tuple[Located[TreeOverlay], KeyPath] | None:
    """The patch operation (of the nearest layer) that touches a node on ``route``, or the
    tree overlay itself when an edition replaced or added the tree."""
    located_tree = edition.content.trees.get(tree_id)
    for override in reversed(edition.overrides):
        if override.kind != "tree" or override.item_id != tree_id:
            continue
        local = override.local
        operation = local.item
        if isinstance(operation, TreeOverlay) and operation.patch:
            on_route = set(route.visited)
            suspects = [  # the likeliest culprit, the last of equals
                (_patch_rank(patch), -index)
                for index, patch in enumerate(operation.patch)
                if _touched(patch) & on_route
            ]
            if suspects:
                return local, ("patch", -min(suspects)[1])  # type: ignore[return-value]
            return local, ("patch",)  # type: ignore[return-value]
        return local, ()  # type: ignore[return-value]
    if located_tree is not None and edition.edition.document.path.parent in (
        located_tree.document.path.parents
    ):
        return located_tree, ()  # type: ignore[return-value]
    return None


def _breach_diagnostics(edition: ResolvedEdition, breach: Breach) -> Iterator[Diagnostic]:
    rule = breach.rule.item
    route = route_text(breach.tree, breach.route)
    missing = " and ".join(breach.missing)
    where = "first, " if rule.first else ""
    yield breach.rule.diagnostic(
        ("reaches",),
        f"expected every route of '{breach.tree.id}' where {', '.join(rule.when)} "
        f"holds to reach {where}{missing}, got the route {route} (rule '{rule.id}')",
        "safety-rule",
    )
    overlay = _overlay_line(edition, breach.tree.id, breach.route)
    if overlay is not None:
        located, path = overlay
        yield located.diagnostic(
            path,
            f"expected this change to keep safety rule '{rule.id}' ({rule.statement.strip()}), "
            f"got the route {route} that does not reach {missing}",
            "safety-rule",
        )


def _fact_places(tree: DecisionTree) -> Iterator[tuple[KeyPath, str]]:
    """Every fact a tree writes, on a node or an answer, with its key path."""
    for n_index, node in enumerate(tree.nodes):
        for index, fact in enumerate(node.facts):
            yield ("nodes", n_index, "facts", index), fact
        if isinstance(node, QuestionNode):
            for a_index, answer in enumerate(node.answers):
                for index, fact in enumerate(answer.facts):
                    yield ("nodes", n_index, "answers", a_index, "facts", index), fact


def _reference_problems(edition: ResolvedEdition) -> Iterator[Diagnostic]:
    facts = edition.content.facts
    known_refs = [*edition.content.roles, *edition.content.contacts]

    def unknown_fact(located: Located[ContentModel], path: KeyPath, fact: str) -> Diagnostic:
        hint = did_you_mean(fact, facts)
        return located.diagnostic(
            path,
            f"expected a fact of content/safety-rules.yaml, got '{fact}'{hint}",
            "unknown-reference",
        )

    for located_rule in edition.content.rules.values():
        rule = located_rule.item
        for field_name in ("when", "unless"):
            for index, fact in enumerate(getattr(rule, field_name)):
                if fact not in facts:
                    yield unknown_fact(located_rule, (field_name, index), fact)
        for r_index, reach in enumerate(rule.reaches):
            for index, ref in enumerate(reach.any_of):
                if ref not in edition.content.roles and ref not in edition.content.contacts:
                    yield located_rule.diagnostic(
                        ("reaches", r_index, "any_of", index),
                        f"expected the id of a known role or contact, got '{ref}'"
                        f"{did_you_mean(ref, known_refs)}",
                        "unknown-reference",
                    )
    for located_tree in edition.content.trees.values():
        for path, fact in _fact_places(located_tree.item):
            if fact not in facts:
                yield unknown_fact(located_tree, path, fact)


def _unused_rules(edition: ResolvedEdition) -> Iterator[Diagnostic]:
    """A rule no route of any tree applies to guarantees nothing: say so (a warning, so an
    edition without the national trees still publishes)."""
    used_facts = {
        fact
        for located_tree in edition.content.trees.values()
        for _path, fact in _fact_places(located_tree.item)
    }
    for located_rule in edition.content.rules.values():
        missing = [fact for fact in located_rule.item.when if fact not in used_facts]
        if missing:
            yield located_rule.diagnostic(
                ("when",),
                f"expected a tree whose routes carry {', '.join(missing)}, got none: "
                "this rule applies to no route",
                "rule-applies-nowhere",
                Severity.WARNING,
            )


def check_safety_rules(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Facts and reaches name known ids; every rule holds on every route of every tree."""
    problems = list(_reference_problems(edition))
    if problems:
        return problems
    problems += _unused_rules(edition)
    for located_tree in edition.content.trees.values():
        for breach in breaches(edition, located_tree.item):
            problems.extend(_breach_diagnostics(edition, breach))
    return problems
