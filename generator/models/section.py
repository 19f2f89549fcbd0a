"""Guidance sections (content/sections/<id>.yaml)."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field

from generator.models.common import Basis, Citation, ContentModel, Id, Line, Markdown, Text

Audience = Literal["all-staff", "dsl", "leaders"]


class Block(ContentModel):
    """A part of a section's body: an optional heading and Markdown text."""

    heading: Line | None = None
    style: Literal["text", "note", "warning"] = Field(
        default="text", description="'note' and 'warning' are shown as call-out boxes."
    )
    text: Markdown
    basis: Basis | None = Field(
        default=None,
        description="For a block that states a duty: statutory (must), guidance (should) or local.",
    )
    sources: list[Citation] = Field(default_factory=list)


class Section(ContentModel):
    """One page of guidance."""

    id: Id
    title: Line
    order: int = Field(default=100, description="Position in the navigation, lowest first.")
    part: Line | None = Field(
        default=None,
        description="Navigation group for long editions (e.g. 'Part 2: Responding'); the "
        "sections of one part are listed together, and a reader's menu shows the other parts "
        "folded.",
    )
    audience: list[Audience] = Field(min_length=1)
    summary: Text
    body: list[Block] = Field(min_length=1)
    trees: list[Id] = Field(default_factory=list, description="Decision trees this section uses.")
    contacts: list[Id] = Field(default_factory=list, description="Contact or role ids.")
    sources: list[Citation] = Field(min_length=1)
    review_by: datetime.date
    owner: Line = Field(description="The role responsible for keeping it current.")
