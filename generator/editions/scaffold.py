"""`safeguide new-edition`: a commented edition.yaml listing every role and hash to fill in,
and commented example overlay files (a contact, a source, a section, a tree patch)."""

from __future__ import annotations

from pathlib import Path

from generator.content.item_hash import short_hash
from generator.editions.resolve import ResolvedEdition
from generator.editions.scaffold_examples import (
    EXAMPLE_SECTION_FILE,
    contacts_example,
    section_example,
    sources_example,
    tree_patch_example,
)
from generator.models import Contact

TODO = "TODO:"
"""Marks a setting the scaffold could not fill; check reports each one until it is replaced."""


class ScaffoldError(Exception):
    """The scaffold cannot be written (the folder exists, or the base is broken)."""


def _roles(base: ResolvedEdition) -> tuple[list[str], list[str]]:
    """(ids of the roles a new edition must fill, ids of those it inherits filled).

    On the national root, its declared gaps are slots to fill; on a local base, its
    bindings and gaps are inherited.
    """
    to_fill, inherited = [], []
    on_root = base.edition.item.base is None
    for role_id in base.content.roles:
        resolved = base.resolve_contact(role_id)
        if not isinstance(resolved, Contact) and (on_root or resolved is None):
            to_fill.append(role_id)
        else:
            inherited.append(role_id)
    return to_fill, inherited


def _role_lines(base: ResolvedEdition) -> tuple[list[str], list[str]]:
    """(roles this edition must fill, roles it inherits), as commented YAML lines."""
    to_fill, inherited = _roles(base)
    fill_lines, inherited_lines = [], []
    for role_id in to_fill:
        role = base.content.roles[role_id].item
        fill_lines.append(f"#   {role_id}: CONTACT-ID    # {role.name}: {role.description}")
    for role_id in inherited:
        role = base.content.roles[role_id].item
        resolved = base.resolve_contact(role_id)
        if isinstance(resolved, Contact):
            inherited_lines.append(f"#   {role_id}: {resolved.id}    # {role.name}")
        else:
            inherited_lines.append(f"#   {role_id}: declared as not yet known by {base.id}")
    return fill_lines, inherited_lines


def scaffold_text(edition_id: str, base: ResolvedEdition) -> str:
    """The commented edition.yaml of a new edition on ``base``."""
    to_fill, inherited = _role_lines(base)
    trees = [f"#   {tid}: {short_hash(t.item)}" for tid, t in sorted(base.content.trees.items())]
    sections = [
        f"#   {sid}: {short_hash(s.item)}" for sid, s in sorted(base.content.sections.items())
    ]
    lines = [
        "# yaml-language-server: $schema=../../../schemas/edition.schema.json",
        f"# New edition '{edition_id}' on '{base.id}'. Fill in what is below, then run",
        f"#   safeguide check --edition {edition_id}",
        "# which lists exactly what remains, or preview it with",
        f"#   safeguide build --edition {edition_id} --draft",
        "# Never invent a contact detail: a role whose number the sources do not give is",
        "# declared under gaps: with a note, and the site says it is not yet known.",
        f"id: {edition_id}",
        f"base: {base.id}",
        f'name: "{TODO} the name of this edition, e.g. Safeguarding guidance for schools in ..."',
        f'authority: "{TODO} who publishes this edition"',
        "# review_by: YYYY-MM-DD",
        "# banner: If a child is in immediate danger, call 999. ...",
        "# branding:",
        '#   primary_colour: "#1d4f91"',
        "#   logo: assets/logo.svg",
        "#",
        "# Roles to bind to a contact you add in content/contacts.yaml, or to declare",
        "# under gaps: with a note saying where the number is not published:",
        "# bindings:",
        *to_fill,
        "# gaps:",
        "#   ROLE-ID: >-",
        "#     Not published in the source; confirm with the local authority.",
        "#",
        "# Roles already filled by the base (bind them again only to change them):",
        *(inherited or ["#   (none)"]),
        "#",
        "# To change base content, add files that mirror content/ and flowcharts/ (the",
        "# scaffold wrote a commented example of each: a contact, a source, a section and",
        "# a tree patch; a file of comments only changes nothing):",
        "#   content/contacts.yaml     contacts: list of add / replace (+ base_hash) / remove",
        "#   content/sections/ID.yaml  add: / replace: + base_hash: / remove: ID",
        "#   flowcharts/ID.yaml        add: / replace: / remove: / patch: [...] + base_hash:",
        "# base_hash is the base item's short hash when you changed it; check warns when",
        "# the base moves on. Current hashes of the base's trees:",
        *trees,
        "# and of its sections:",
        *sections,
    ]
    return "\n".join(lines) + "\n"


def write_scaffold(editions_dir: Path, edition_id: str, base: ResolvedEdition) -> Path:
    """Create ``editions_dir/<id>/edition.yaml``; never touch an existing folder."""
    folder = editions_dir / edition_id
    if folder.exists():
        raise ScaffoldError(f"expected a new edition id, got '{edition_id}': {folder} exists")
    folder.mkdir(parents=True)
    for sub in ("content/sections", "content/scenarios", "flowcharts"):
        (folder / sub).mkdir(parents=True)
    path = folder / "edition.yaml"
    path.write_text(scaffold_text(edition_id, base), encoding="utf-8")
    for relative, text in example_files(base).items():
        (folder / relative).write_text(text, encoding="utf-8")
    return path


def example_files(base: ResolvedEdition) -> dict[str, str]:
    """Path in the edition folder -> a commented example (see :mod:`scaffold_examples`)."""
    to_fill = _roles(base)[0]
    files = {
        "content/contacts.yaml": contacts_example(to_fill),
        "content/sources.yaml": sources_example(),
        f"content/sections/{EXAMPLE_SECTION_FILE}": section_example(),
    }
    patch = tree_patch_example(base)
    if patch is not None:
        files[f"flowcharts/{patch[0]}"] = patch[1]
    return files
