"""Commented example overlay files for a new edition (``safeguide new-edition``).

Each file holds one example entry, every line of it commented with ``# ``, and lines
that explain it commented with ``## ``. Removing the ``# `` in front of the example's
lines (an editor's "toggle comment" does it) and replacing every ``TODO`` gives a file
``check`` accepts; left as it is, a file of comments only changes nothing.
"""

from __future__ import annotations

from typing import get_args

from generator.content.item_hash import short_hash
from generator.editions.resolve import ResolvedEdition
from generator.models import DecisionTree, OutcomeNode, StepNode
from generator.models.contact import ChannelType, ContactAudience, Urgency
from generator.models.section import Audience

HOW_TO = [
    "## An example, commented out. To use it: remove the '# ' in front of each example line",
    "## (keep the '## ' lines: they explain), replace every TODO with the detail taken from",
    "## its source, then run: safeguide check. Never invent a detail.",
]
EXAMPLE_SECTION_FILE = "example-section.yaml"


def _choices(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def _commented(lines: list[str]) -> list[str]:
    """Example YAML lines commented with '# '; explanation lines ('## ...') as they are."""
    return [line if line.startswith("##") else f"# {line}" for line in lines]


def contacts_example(roles_to_fill: list[str]) -> str:
    """content/contacts.yaml: one contact to add, every field explained."""
    role_hint = _choices(tuple(roles_to_fill)) if roles_to_fill else "see the base's roles"
    lines = [
        "contacts:",
        "  - add:",
        "## id: a short name for this contact: lowercase letters, digits and dashes.",
        "      id: TODO-CONTACT-ID",
        "## name: the service or team (never a private person).",
        '      name: "TODO: e.g. Children and Families Hub"',
        f"## channels: how to reach it; each type one of {_choices(get_args(ChannelType))}.",
        "## A phone value is the number as published; an email value the address.",
        "      channels:",
        "        - type: phone",
        '          value: "TODO: the number as published, in digits"',
        "        - type: email",
        '          value: "TODO: the address as published"',
        "## hours: when it answers (optional).",
        '      hours: "TODO: e.g. Monday to Friday, 9am to 5pm"',
        "## when_to_use: when staff should contact it, in one or two sentences.",
        '      when_to_use: "TODO: e.g. Refer a concern that a child is at risk of harm."',
        f"## urgency: how soon: one of {_choices(get_args(Urgency))}.",
        "      urgency: same-day",
        f"## audiences: who may use it: any of {_choices(get_args(ContactAudience))}.",
        "      audiences: [staff]",
        "## area: where it serves, e.g. England or the authority's name.",
        '      area: "TODO: e.g. Localshire"',
        "## fulfils: the roles it fills; bind each in edition.yaml (bindings: ROLE: this id).",
        f"## Roles this edition must fill: {role_hint}.",
        "      fulfils: [TODO-ROLE-ID]",
        "## source: the document the details come from (an id in content/sources.yaml, or",
        "## in the base's sources) and where in it: page, paragraph or part.",
        '      source: {source: TODO-SOURCE-ID, where: "TODO: e.g. page 4"}',
        "## verified: the day you last checked these details against the source.",
        "      verified: TODO-YYYY-MM-DD",
    ]
    return _file(
        "../../../../schemas/overlay-contacts.schema.json",
        [
            "## Contacts this edition adds (add:), changes (replace: + base_hash:) or drops",
            "## (remove: ID). Its numbers must be real: a number the sources do not publish",
            "## is declared under gaps: in edition.yaml instead.",
        ],
        lines,
    )


def sources_example() -> str:
    """content/sources.yaml: one local document to cite."""
    lines = [
        "sources:",
        "  - add:",
        "## id: a short name to cite it by: lowercase letters, digits and dashes.",
        "      id: TODO-SOURCE-ID",
        "## title, publisher and edition (or year) as the document gives them.",
        '      title: "TODO: e.g. Localshire safeguarding procedures"',
        '      publisher: "TODO: e.g. Localshire Safeguarding Children Partnership"',
        '      edition: "TODO: e.g. 2026"',
        "## url: where readers can find it (optional).",
        '      url: "TODO: e.g. https://www.localshire.gov.uk/safeguarding"',
    ]
    return _file(
        "../../../../schemas/overlay-sources.schema.json",
        [
            "## Documents this edition cites besides the base's: contacts and sections name",
            "## them by id in source: ...",
        ],
        lines,
    )


def section_example() -> str:
    """content/sections/example-section.yaml: one local section to add."""
    lines = [
        "add:",
        "## id: the page's short name; rename this file to the same id plus .yaml.",
        "  id: TODO-SECTION-ID",
        '  title: "TODO: e.g. Local procedures"',
        "## order: position in the menu, lowest first.",
        "  order: 100",
        f"## audience: who it is for: one or more of {_choices(get_args(Audience))}.",
        "  audience: [all-staff]",
        '  summary: "TODO: one sentence saying what the page is for."',
        "## body: the page in blocks; text is Markdown (no HTML). basis: statutory (must),",
        "## guidance (should) or local, for a block that states a duty.",
        "  body:",
        '    - heading: "TODO: e.g. Who to tell"',
        '      text: "TODO: the guidance, in your own words."',
        "      basis: local",
        "## contacts: contact or role ids the page shows (optional).",
        "  contacts: [TODO-CONTACT-ID]",
        "## sources: the documents it rests on, and where in each.",
        "  sources:",
        '    - {source: TODO-SOURCE-ID, where: "TODO: e.g. section 3"}',
        "## review_by: the day it must be checked again (YYYY-MM-DD).",
        "  review_by: TODO-YYYY-MM-DD",
        "## owner: the role that keeps it current.",
        '  owner: "TODO: e.g. Designated safeguarding lead"',
    ]
    return _file(
        "../../../../../schemas/overlay-section.schema.json",
        [
            "## A guidance page this edition adds. One file per page: content/sections/ID.yaml,",
            "## named after its id. To change a base page, use replace: and base_hash: instead.",
        ],
        lines,
    )


def _tree_to_patch(base: ResolvedEdition) -> DecisionTree | None:
    """The first base tree (by id) with a step: the one the patch example shows."""
    for _tree_id, located in sorted(base.content.trees.items()):
        if any(isinstance(node, StepNode) for node in located.item.nodes):
            return located.item
    return None


def tree_patch_example(base: ResolvedEdition) -> tuple[str, str] | None:
    """(file name, text) of flowcharts/<tree>.yaml: insert a step, rebind a node's
    contacts, change a step's text; None when the base has no tree with a step."""
    tree = _tree_to_patch(base)
    if tree is None:
        return None
    steps = [node for node in tree.nodes if isinstance(node, StepNode)]
    with_contacts = [n for n in tree.nodes if isinstance(n, StepNode | OutcomeNode) and n.contacts]
    rebind = with_contacts[0] if with_contacts else steps[0]
    reworded = steps[1] if len(steps) > 1 else steps[0]
    kept = ", ".join([*rebind.contacts, "TODO-CONTACT-ID"])
    lines = [
        "## base_hash: the tree's short hash when you patched it; check warns when it moves on.",
        f"base_hash: {short_hash(tree)}",
        "patch:",
        f"## Insert a local step after '{steps[0].id}' (it then leads where that step led).",
        f"  - insert_after: {steps[0].id}",
        "    step:",
        "      id: TODO-STEP-ID",
        '      text: "TODO: what staff do at this point, e.g. Tell the headteacher."',
        "      basis: local",
        f"## Rebind the contacts '{rebind.id}' shows: list them all (here the base's, plus yours).",
        f"  - node: {rebind.id}",
        f"    set: {{contacts: [{kept}]}}",
        f"## Change the wording of the step '{reworded.id}'.",
        f"  - node: {reworded.id}",
        '    set: {text: "TODO: the new wording"}',
    ]
    return f"{tree.id}.yaml", _file(
        "../../../../schemas/overlay-tree.schema.json",
        [
            f"## Local changes to the base tree '{tree.id}' ({tree.title}), node by node.",
            "## Other patches: add_answer, change_answer, insert_before, add_node (see README).",
        ],
        lines,
    )


def _file(schema: str, about: list[str], example: list[str]) -> str:
    """The file: what it is for, how to use the example, the example commented out.

    No ``yaml-language-server`` line: uncommenting the whole file must give valid YAML.
    The schema to validate against once filled in is named in a ``##`` line instead.
    """
    lines = [*about, *HOW_TO, f"## Schema: {schema.lstrip('./')}", *_commented(example)]
    return "\n".join(lines) + "\n"
