"""Markdown of every generated page, from Jinja2 templates. Pure: no I/O but templates."""

from __future__ import annotations

import dataclasses
import datetime
import html
import itertools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
import yaml

from generator.changes.history import Change, Entry, recent_by_page
from generator.checks.rules import walk
from generator.checks.safety import rules_for_tree
from generator.editions.in_force import SourceStatus
from generator.editions.resolve import Gap, ResolvedEdition
from generator.exports import tree_export
from generator.models import Citation, Contact, DecisionTree, OutcomeNode, QuestionNode, Source
from generator.models.channel_display import channel_views
from generator.render import markdown_text
from generator.render.basis import basis_badge
from generator.render.routes import routes_markdown
from generator.render.svg_post import route_chart
from generator.render.template_cache import TEMPLATE_BYTECODE
from generator.render.tree_order import tree_order
from generator.text_cache import TextCache

DIRECTORY_GROUPS = (
    ("emergency", "Emergency: a child is in immediate danger"),
    ("same-day", "Report a concern today"),
    ("advice", "Advice and consultation"),
    ("online-safety", "Online safety"),
    ("staff-allegations", "Staff allegations and whistleblowing"),
    ("support", "Support services for children and families"),
)
"""Directory groups in page order: a contact's topic, if it has one, else its urgency."""
CONTACT_AUDIENCE_LABELS = {
    "staff": "staff",
    "children": "children and young people",
    "parents": "parents and carers",
}
AUDIENCE_LABELS = {
    "all-staff": "all staff",
    "dsl": "designated safeguarding leads",
    "leaders": "leaders and governors",
}
EMERGENCY_ROLES = (
    "police-emergency",
    "childrens-social-care-front-door",
    "childrens-social-care-urgent",
    "childrens-social-care-out-of-hours",
)


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes in the site and its Markdown."""

    src_uri: str
    title: str
    markdown: str
    group: str = ""
    """The navigation group the page sits in under its tab (a section's ``part``)."""


def long_date(value: datetime.date) -> str:
    """``2027-03-01`` -> ``1 March 2027``."""
    return f"{value.day} {value.strftime('%B %Y')}"


def in_force_note(status: SourceStatus, named: Callable[[Source], str]) -> str:
    """What a reader must know about a citation's date: the source is not in force yet, it
    has been superseded (a visible notice: the page still cites the old edition), or its
    successor is published ahead and comes into force on a given day."""
    if status.state == "upcoming" and status.in_force_from:
        return f" (comes into force on {long_date(status.in_force_from)})"
    successor = status.successor
    if successor is None:
        return ""
    since = f" from {long_date(successor.in_force_from)}" if successor.in_force_from else ""
    if status.state == "superseded":
        return (
            f" (**superseded:** {named(successor)} is in force{since}; "
            "this page has not yet been brought up to date)"
        )
    return f" ({named(successor)} comes into force on {long_date(successor.in_force_from)})"  # type: ignore[arg-type]


def is_gap(value: object) -> bool:
    """True for a declared gap (a role with no published contact)."""
    return isinstance(value, Gap)


def _environment(edition: ResolvedEdition, cache: TextCache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        auto_reload=False,
        bytecode_cache=TEMPLATE_BYTECODE,
        autoescape=False,  # output is Markdown; every plain field goes through `inline`
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    sources = edition.content.sources

    def named(source: Source) -> str:
        title = markdown_text.inline(f"{source.title} ({source.publisher}, {source.edition})")
        return f"[{title}]({source.url})" if source.url else title

    def cite(citation: Citation) -> str:
        text = f"{named(sources[citation.source].item)}, {markdown_text.inline(citation.where)}"
        return text + in_force_note(edition.source_status(citation.source), named)

    env.filters.update(
        long_date_text=lambda text: long_date(datetime.date.fromisoformat(text)),
        inline=markdown_text.inline,
        block=markdown_text.cached_block(cache),
        indent=markdown_text.indent,
        cite=cite,
        long_date=long_date,
        channel_views=channel_views,
        basis_badge=basis_badge,
        audience_label=lambda audience: CONTACT_AUDIENCE_LABELS[audience],
    )
    env.tests["gap"] = is_gap
    env.globals["resolve"] = edition.resolve_contact
    env.globals["role_name"] = lambda ref: (
        edition.content.roles[ref].item.name if ref in edition.content.roles else ref
    )
    return env


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: ten times faster


def _front_matter(title: str) -> str:
    # Material prints page.meta.title as is, so escape it once here. Search weights are
    # not set here but on the built index (generator.render.search_index), for every engine.
    meta: dict[str, Any] = {"title": html.escape(title)}
    dumped: str = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return dumped.strip()


def _contacts(
    edition: ResolvedEdition, refs: Iterable[str]
) -> list[tuple[str, Contact | Gap | None]]:
    return [(ref, edition.resolve_contact(ref)) for ref in refs]


def _render(env: jinja2.Environment, template: str, title: str, **context: Any) -> str:
    return env.get_template(template).render(front_matter=_front_matter(title), **context)


KIND_LABELS = {
    "source": "source document",
    "section": "guidance",
    "contact": "contact",
    "tree": "flowchart",
    "node": "step",
}


def flag_changed(markdown: str, changes: Sequence[tuple[str, Change]]) -> str:
    """``markdown`` with a "changed recently" box under its first heading."""
    lines = [
        '!!! info "Changed recently: check what is new before relying on an older copy"',
        "",
    ]
    for day, change in changes:
        fields = f" ({', '.join(change.fields)})" if change.fields else ""
        title = markdown_text.inline(change.title)
        lines.append(f"    - {day}: {change.change} {KIND_LABELS[change.kind]} {title}{fields}")
    lines.append("")
    out, done = [], False
    for line in markdown.splitlines():
        out.append(line)
        if not done and line.startswith("# "):
            out += ["", *lines]
            done = True
    return "\n".join(out) + "\n"


def render_pages(
    edition: ResolvedEdition,
    charts: Mapping[str, str],
    entries: Sequence[Entry] = (),
    today: datetime.date | None = None,
    *,
    card_pdf: bool = False,
    handouts_pdf: bool = False,
    facilitator_pack: bool = False,
    facilitator_pack_pdf: bool = False,
    print_pdf: bool = False,
    facilitator: bool = False,
    guidance_pages: Sequence[Page] | None = None,
    cache: TextCache | None = None,
) -> list[Page]:
    """Every generated page of ``edition``, in navigation order.

    ``guidance_pages`` are the section pages when the caller has rendered them already;
    ``cache`` keeps content Markdown's sanitised HTML between builds.

    ``charts`` maps each tree id to its post-processed SVG, inlined on the tree's page;
    ``entries`` is the change history, shown on What's new and flagged on pages that
    changed within the edition's ``flag_changes_days`` of ``today``.
    """
    env = _environment(edition, cache)
    content = edition.content
    sections = sorted((s.item for s in content.sections.values()), key=lambda s: (s.order, s.title))
    trees = sorted((t.item for t in content.trees.values()), key=lambda t: t.title)
    scenarios = sorted((s.item for s in content.scenarios.values()), key=lambda s: s.title)
    settings = edition.edition.item
    pages = [
        Page(
            "index.md",
            settings.name,
            _render(
                env,
                "index.md.j2",
                settings.name,
                edition=settings,
                base_names=[layer.item.name for layer in reversed(edition.layers[:-1])],
                print_pdf=print_pdf,
                sections=sections,
                trees=trees,
                scenarios=scenarios,
                emergency=[
                    (r, e) for r, e in _contacts(edition, edition.distinct_roles(EMERGENCY_ROLES))
                ],
            ),
        )
    ]
    pages += section_pages(edition, env, today) if guidance_pages is None else guidance_pages
    for tree in trees:
        pages.append(
            Page(
                f"flowcharts/{tree.id}.md",
                tree.title,
                render_tree_page(env, edition, tree, charts[tree.id]),
            )
        )
    for tree in trees:
        title = f"Routes: {tree.title}"
        pages.append(
            Page(
                f"flowcharts/{tree.id}-routes.md",
                title,
                _render(
                    env,
                    "routes.md.j2",
                    title,
                    tree=tree,
                    table=routes_markdown(edition, tree),
                    guarantees=rules_for_tree(edition, tree),
                ),
            )
        )
    groups = []
    for key, title in DIRECTORY_GROUPS:
        members = sorted(
            (c.item for c in content.contacts.values() if (c.item.topic or c.item.urgency) == key),
            key=lambda c: c.name.casefold(),
        )
        if members:
            groups.append({"id": key, "title": title, "contacts": members})
    pages.append(
        Page(
            "contacts.md",
            "Contacts",
            _render(
                env,
                "contacts.md.j2",
                "Contacts",
                groups=groups,
                gaps=edition.gaps(),
                placeholders=edition.placeholders(),
                card_pdf=card_pdf,
            ),
        )
    )
    if scenarios:
        by_tree = [(tree, [s for s in scenarios if s.tree == tree.id]) for tree in trees]
        pages.append(
            Page(
                "scenarios/index.md",
                "Training scenarios",
                _render(
                    env,
                    "scenarios-index.md.j2",
                    "Training scenarios",
                    by_tree=[(t, items) for t, items in by_tree if items],
                    by_topic=_scenarios_by_topic(scenarios),
                    handouts_pdf=handouts_pdf,
                    facilitator_pack=facilitator_pack,
                    facilitator_pack_pdf=facilitator_pack_pdf,
                ),
            )
        )
        for scenario in scenarios:
            tree = content.trees[scenario.tree].item
            pages.append(
                Page(
                    f"scenarios/{scenario.id}.md",
                    scenario.title,
                    render_scenario_page(
                        env, tree, scenario, charts.get(tree.id, ""), facilitator=facilitator
                    ),
                )
            )
    days = settings.flag_changes_days
    pages.append(
        Page(
            "whats-new.md",
            "What's new",
            _render(
                env,
                "whats-new.md.j2",
                "What's new",
                entries=entries,
                days=days,
                kind_labels=KIND_LABELS,
            ),
        )
    )
    if today is not None:
        flagged = recent_by_page(list(entries), today, days)
        pages = [
            dataclasses.replace(p, markdown=flag_changed(p.markdown, flagged[p.src_uri]))
            if p.src_uri in flagged
            else p
            for p in pages
        ]
    return pages


def walker_json(edition: ResolvedEdition, tree: DecisionTree, numbers: dict[str, int]) -> str:
    """The resolved tree and its step numbers as one line of JSON, safe inside an HTML
    ``<script>`` element."""
    payload = {"tree": tree_export(edition, tree), "steps": numbers}
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return data.replace("<", "\\u003c")  # no "</script" or "<!--" can end the element


def render_tree_page(
    env: jinja2.Environment, edition: ResolvedEdition, tree: DecisionTree, chart: str
) -> str:
    """A tree's page: the flowchart, the step-through, and the text version (numbered
    steps with links between them)."""
    order = tree_order(tree)
    numbers = {node_id: i + 1 for i, node_id in enumerate(order)}
    by_id = {node.id: node for node in tree.nodes}
    content = edition.content
    steps = [
        {
            "number": numbers[node_id],
            "node": by_id[node_id],
            "contacts": _contacts(edition, by_id[node_id].contacts),
            "sections": [content.sections[s].item for s in by_id[node_id].sections],
            "trees": [content.trees[t].item for t in by_id[node_id].trees],
        }
        for node_id in order
    ]
    return _render(
        env,
        "tree.md.j2",
        tree.title,
        tree=tree,
        steps=steps,
        numbers=numbers,
        chart=chart.strip(),
        walker_data=walker_json(edition, tree, numbers),
    )


def _scenarios_by_topic(scenarios: Sequence[Any]) -> list[tuple[str, list[Any]]]:
    """Topics in alphabetical order (case-insensitive), each with its scenarios."""
    topics: dict[str, list[Any]] = {}
    for scenario in scenarios:
        for topic in scenario.topics:
            topics.setdefault(topic.casefold(), []).append(scenario)
    return [(topic, topics[topic]) for topic in sorted(topics)]


def section_pages(
    edition: ResolvedEdition,
    env: jinja2.Environment | None = None,
    today: datetime.date | None = None,
    cache: TextCache | None = None,
) -> list[Page]:
    """The guidance pages of ``edition`` in navigation order (also printed as one document).

    In a draft edition, a section whose ``review_by`` is before ``today`` carries a
    "Review overdue" warning at the top.
    """
    env = env or _environment(edition, cache)
    content = edition.content
    sections = sorted((s.item for s in content.sections.values()), key=lambda s: (s.order, s.title))
    pages = []
    for section in sections:
        audience = ", ".join(AUDIENCE_LABELS[a] for a in section.audience)
        pages.append(
            Page(
                f"guidance/{section.id}.md",
                section.title,
                _render(
                    env,
                    "section.md.j2",
                    section.title,
                    section=section,
                    audience=audience,
                    trees=[content.trees[t].item for t in section.trees],
                    contacts=_contacts(edition, section.contacts),
                    overdue=edition.draft and today is not None and section.review_by < today,
                ),
                section.part or "",
            )
        )
    return pages


def route_edge_ids(tree: DecisionTree, visited: Sequence[str], answers: list[str]) -> list[str]:
    """The arrows a walk took, as ``<node id>-<answer index>`` (a step's one arrow is index
    0): the answer given at each question in turn, so two answers to the same next box are
    told apart."""
    by_id = {node.id: node for node in tree.nodes}
    given = iter(answers)
    edges = []
    for here, there in itertools.pairwise(visited):
        node = by_id[here]
        if isinstance(node, QuestionNode):
            label = next(given, "").casefold()
            index = next(
                (
                    i
                    for i, a in enumerate(node.answers)
                    if a.label.casefold() == label and a.next == there
                ),
                None,
            )
            if index is not None:
                edges.append(f"{here}-{index}")
        else:
            edges.append(f"{here}-0")
    return edges


def render_scenario_page(
    env: jinja2.Environment,
    tree: DecisionTree,
    scenario: Any,
    chart: str = "",
    *,
    facilitator: bool = False,
) -> str:
    """A scenario: situation, discussion, the expected route (and its chart) behind a reveal,
    and facilitator notes shown only in the facilitator view."""
    result = walk(tree, list(scenario.answers))
    by_id = {node.id: node for node in tree.nodes}
    questions = [by_id[n] for n in result.visited if isinstance(by_id[n], QuestionNode)]
    route = [
        {"question": q.text, "label": label}
        for q, label in zip(questions, scenario.answers, strict=False)
    ]
    outcome = by_id[scenario.expected_outcome]
    assert isinstance(outcome, OutcomeNode)
    return _render(
        env,
        "scenario.md.j2",
        scenario.title,
        scenario=scenario,
        tree=tree,
        route=route,
        outcome=outcome,
        chart=route_chart(
            chart,
            tree.id,
            result.visited,
            f"../flowcharts/{tree.id}.html",
            route_edge_ids(tree, result.visited, list(scenario.answers)),
        )
        if chart
        else "",
        facilitator=facilitator,
    )
