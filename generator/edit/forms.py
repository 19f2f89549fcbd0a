"""The editor's forms: fields with labels, and hints taken from the models' descriptions
(the same text the JSON Schemas in schemas/ carry), so the form and ``check`` agree."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel

from generator.edit.field_errors import FieldErrors, Problem
from generator.models import Contact, Edition, Section, Source
from generator.models.common import Basis
from generator.models.contact import ContactAudience, Urgency
from generator.models.section import Audience
from generator.models.tree import NodeFields

GAP_REASON = "Not published in the source; confirm with the local authority."


def hint(model: type[BaseModel], name: str) -> str:
    """The model's description of a field ('' when it has none)."""
    info = model.model_fields.get(name)
    return (info.description or "") if info is not None else ""


def choices(literal: Any) -> list[tuple[str, str]]:
    """(value, label) for each allowed value of a ``Literal`` type."""
    return [(value, value.replace("-", " ").capitalize()) for value in get_args(literal)]


URGENCY_WORDS = {
    "emergency": "Emergency: act now",
    "same-day": "Same day",
    "advice": "Advice",
    "support": "Support",
}
AUDIENCE_WORDS = {
    "all-staff": "All staff",
    "dsl": "Designated safeguarding leads",
    "leaders": "Leaders and governors",
}
BASIS_WORDS = {
    "statutory": "Statutory (must)",
    "guidance": "Guidance (should)",
    "local": "Local practice",
}


@dataclass
class Field:
    """One form control: its name, label, hint, kind, value and the problems beside it."""

    name: str
    label: str
    kind: str = "text"
    """text, textarea, select, checkboxes, date, checkbox, url, email, tel."""
    hint: str = ""
    value: Any = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    required: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def values(self) -> list[str]:
        """The chosen values of a multiple choice."""
        return list(self.value) if isinstance(self.value, list | tuple) else [str(self.value)]


@dataclass
class Form:
    """Fields in order, grouped into fieldsets by legend."""

    groups: list[tuple[str, list[Field]]]

    def fields(self) -> list[Field]:
        """Every field, in order."""
        return [f for _legend, fields in self.groups for f in fields]

    def fill(self, values: dict[str, Any]) -> Form:
        """Put the officer's values back into the fields (after a refused save)."""
        for f in self.fields():
            if f.name in values:
                f.value = values[f.name]
        return self

    def show(self, errors: FieldErrors) -> Form:
        """Attach problems to their fields."""
        for f in self.fields():
            f.problems = errors.by_field.get(f.name, [])
        return self


def slug(text: str) -> str:
    """A lowercase-hyphen id made from ``text`` (e.g. a title)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-")


def new_edition_form(editions: list[tuple[str, str]]) -> Form:
    """Id, name, authority, base (``editions`` as (id, name), offered by name, the
    national edition first) and the example checkbox."""
    offered = sorted(editions, key=lambda e: (e[0] != "national", e[1]))
    return Form(
        [
            (
                "The new edition",
                [
                    Field(
                        "id",
                        "Short name (id)",
                        hint="Lowercase letters, digits and hyphens, e.g. 'north-shire'. It "
                        "becomes the folder name and part of the web address; it cannot "
                        "change later.",
                        required=True,
                    ),
                    Field(
                        "name",
                        "Name of the edition",
                        hint="Shown at the top of every page, "
                        "e.g. 'Safeguarding guidance for schools in North Shire'.",
                        required=True,
                    ),
                    Field(
                        "authority",
                        "Published by",
                        hint="Who publishes this edition, e.g. "
                        "'North Shire Safeguarding Children Partnership'.",
                        required=True,
                    ),
                    Field(
                        "base",
                        "Built on",
                        kind="select",
                        hint="Your edition starts with everything in this edition and keeps "
                        "receiving its updates; you add or change only what is local.",
                        value="national",
                        options=offered,
                    ),
                    Field(
                        "example",
                        "This is an example or training edition (fictional details)",
                        kind="checkbox",
                        hint=hint(Edition, "example"),
                        value="",
                    ),
                ],
            )
        ]
    )


def source_fields(sources: list[tuple[str, str]], prefix: str = "") -> list[Field]:
    """Pick a source, or describe a new one inline, and say where in it."""
    return [
        Field(
            f"{prefix}source",
            "Source",
            kind="select",
            hint="The document the details come from. Every entry needs one: if it is "
            "not listed, choose 'A new source' and describe it below.",
            options=[("", "Choose a source..."), *sources, ("new", "A new source (below)")],
            required=True,
        ),
        Field(f"{prefix}where", "Where in the source", hint=hint_citation(), required=True),
        Field(f"{prefix}new_title", "New source: title", hint="Only for a new source."),
        Field(f"{prefix}new_publisher", "New source: publisher"),
        Field(f"{prefix}new_edition", "New source: date or edition", hint=hint(Source, "edition")),
        Field(
            f"{prefix}new_url",
            "New source: web address",
            kind="url",
            hint="Optional; starts with https://",
        ),
    ]


def hint_citation() -> str:
    """What ``where`` means."""
    from generator.models.common import Citation

    return hint(Citation, "where")


def contact_form(
    sources: list[tuple[str, str]], roles: list[tuple[str, str]], today: datetime.date
) -> Form:
    """Every field of a contact, with channels as separate phone/email/web boxes."""
    return Form(
        [
            (
                "Who they are",
                [
                    Field("name", "Name", hint=hint(Contact, "name"), required=True),
                    Field(
                        "description",
                        "Description",
                        kind="textarea",
                        hint="What the service does, in a sentence or two.",
                    ),
                    Field(
                        "fulfils",
                        "Roles it fills",
                        kind="checkboxes",
                        hint="The jobs on the Roles page this contact does for staff, "
                        "e.g. the LADO. Tick each one it does.",
                        options=roles,
                        value=[],
                    ),
                ],
            ),
            (
                "How to reach them",
                [
                    Field(
                        "phone",
                        "Phone number",
                        kind="tel",
                        hint="As published, e.g. 0345 603 7627. One number.",
                    ),
                    Field("phone_label", "Phone label", hint="Optional, e.g. 'Out of hours'."),
                    Field("email", "Email address", kind="email"),
                    Field("web", "Web address", kind="url", hint="Starts with https://"),
                    Field("hours", "Opening hours", hint=hint(Contact, "hours")),
                ],
            ),
            (
                "When to use them",
                [
                    Field(
                        "when_to_use",
                        "When to use",
                        kind="textarea",
                        required=True,
                        hint="The situation in which staff should call them.",
                    ),
                    Field(
                        "urgency",
                        "Urgency",
                        kind="select",
                        required=True,
                        options=[("", "Choose..."), *URGENCY_WORDS.items()],
                    ),
                    Field(
                        "audiences",
                        "Who it is for",
                        kind="checkboxes",
                        hint=hint(Contact, "audiences"),
                        options=choices(ContactAudience),
                        value=["staff"],
                    ),
                    Field("area", "Area served", hint=hint(Contact, "area"), required=True),
                ],
            ),
            (
                "Where the details come from",
                [
                    *source_fields(sources),
                    Field(
                        "verified",
                        "Details last checked on",
                        kind="date",
                        hint=hint(Contact, "verified"),
                        value=today.isoformat(),
                    ),
                ],
            ),
        ]
    )


def section_form(sources: list[tuple[str, str]], today: datetime.date) -> Form:
    """A local section with one or two blocks of text."""
    next_year = today.replace(year=today.year + 1)
    blocks: list[tuple[str, list[Field]]] = []
    for n in (1, 2):
        blocks.append(
            (
                f"Block {n}" + (" (optional)" if n == 2 else ""),
                [
                    Field(f"block{n}_heading", "Heading", hint="Optional."),
                    Field(
                        f"block{n}_text",
                        "Text",
                        kind="textarea",
                        required=n == 1,
                        hint="Plain text; a blank line starts a new paragraph.",
                    ),
                    Field(
                        f"block{n}_basis",
                        "Basis",
                        kind="select",
                        hint=hint(type_block(), "basis"),
                        options=[("", "None"), *BASIS_WORDS.items()],
                        value="local",
                    ),
                ],
            )
        )
    return Form(
        [
            (
                "The section",
                [
                    Field("title", "Title", required=True),
                    Field(
                        "summary",
                        "Summary",
                        kind="textarea",
                        required=True,
                        hint="One or two sentences shown under the title and in search.",
                    ),
                    Field(
                        "audience",
                        "Who it is for",
                        kind="checkboxes",
                        required=True,
                        options=[(a, AUDIENCE_WORDS.get(a, a)) for a in get_args(Audience)],
                        value=["all-staff"],
                    ),
                    Field(
                        "order", "Position in the menu", hint=hint(Section, "order"), value="100"
                    ),
                ],
            ),
            *blocks,
            (
                "Where it comes from",
                [
                    *source_fields(sources),
                    Field("review_by", "Review by", kind="date", value=next_year.isoformat()),
                    Field(
                        "owner",
                        "Owner",
                        hint=hint(Section, "owner"),
                        value="Designated safeguarding lead",
                        required=True,
                    ),
                ],
            ),
        ]
    )


def type_block() -> type[BaseModel]:
    """The section block model (for its hints)."""
    from generator.models.section import Block

    return Block


def step_form(
    sources: list[tuple[str, str]], nodes: list[tuple[str, str]], contacts: list[tuple[str, str]]
) -> Form:
    """Insert a local step before or after a node of a tree."""
    return Form(
        [
            (
                "Where the step goes",
                [
                    Field(
                        "position",
                        "Put the new step",
                        kind="select",
                        options=[("after", "After it"), ("before", "Before it")],
                        value="after",
                        hint="'After it' works on a step; to come before a question or an "
                        "outcome, choose 'Before it'.",
                    ),
                    Field(
                        "target",
                        "The step, question or outcome",
                        kind="select",
                        options=nodes,
                        required=True,
                        hint="Listed in the flowchart's order, as in the table above.",
                    ),
                ],
            ),
            (
                "The step",
                [
                    Field(
                        "text",
                        "What staff do",
                        kind="textarea",
                        required=True,
                        hint=hint(NodeFields, "text") or "One sentence.",
                    ),
                    Field("actions", "Actions, one per line", kind="textarea"),
                    Field(
                        "contacts",
                        "Contacts or roles",
                        kind="checkboxes",
                        hint=hint(NodeFields, "contacts"),
                        options=contacts,
                        value=[],
                    ),
                    Field(
                        "basis",
                        "Basis",
                        kind="select",
                        options=[("", "None"), *BASIS_WORDS.items()],
                        value="local",
                    ),
                    *source_fields(sources),
                ],
            ),
        ]
    )


def urgency_words() -> dict[str, str]:
    """Urgency values in words (kept in step with the model's Literal)."""
    assert set(URGENCY_WORDS) == set(get_args(Urgency))
    assert set(BASIS_WORDS) == set(get_args(Basis))
    return URGENCY_WORDS
