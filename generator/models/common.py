"""Shared building blocks of the content models: strict base class and checked text types."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from generator.models.text_rules import (
    ID_PATTERN,
    MAX_ID_LENGTH,
    check_colour,
    check_email,
    check_id,
    check_single_line,
    check_text,
    check_url,
)


class ContentModel(BaseModel):
    """Base for every content model: unknown keys are errors and values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


Id = Annotated[
    str,
    AfterValidator(check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_LENGTH}),
]
"""An identifier: lowercase words joined by hyphens, e.g. ``front-door``."""

Line = Annotated[str, AfterValidator(check_single_line), Field(min_length=1)]
"""One line of plain text (titles, labels, names)."""

Text = Annotated[str, AfterValidator(check_text), Field(min_length=1)]
"""Plain text that may span lines."""

Markdown = Annotated[str, AfterValidator(check_text), Field(min_length=1)]
"""Markdown without raw HTML or script URLs."""

Url = Annotated[str, AfterValidator(check_url)]
Email = Annotated[str, AfterValidator(check_email)]
Colour = Annotated[str, AfterValidator(check_colour)]


Basis = Literal["statutory", "guidance", "local"]
"""What a duty rests on: law or statutory guidance (must), guidance (should), local practice."""


class Citation(ContentModel):
    """Where in a source document a statement comes from."""

    source: Id = Field(description="Id of a source in content/sources.yaml.")
    where: Line = Field(description="Page, paragraph or part, e.g. 'Part 5, paragraph 447'.")


def citations_in(
    item: ContentModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Citation]]:
    """Every citation inside ``item`` (its own, its blocks', its nodes'...), with its key path."""
    for name in type(item).model_fields:
        value = getattr(item, name)
        values = value if isinstance(value, list) else [value]
        for index, element in enumerate(values):
            where = (*path, name, index) if isinstance(value, list) else (*path, name)
            if isinstance(element, Citation):
                yield where, element
            elif isinstance(element, ContentModel):
                yield from citations_in(element, where)
