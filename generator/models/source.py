"""Cited documents (content/sources.yaml)."""

from __future__ import annotations

import datetime

from pydantic import Field

from generator.models.common import ContentModel, Id, Line, Url


class Source(ContentModel):
    """A document the guidance cites: title, publisher, edition, and what replaced it."""

    id: Id
    title: Line
    publisher: Line
    edition: Line = Field(description="Edition or year, e.g. '2025' or 'September 2025'.")
    published: datetime.date | None = None
    url: Url | None = None
    superseded_by: Id | None = Field(
        default=None, description="Id of the source that replaced this one, if any."
    )
    in_force_from: datetime.date | None = Field(
        default=None,
        description="The day it applies from, when published ahead (KCSIE is published "
        "'for information' in the summer and applies from 1 September). Until then the "
        "edition it replaces stays current.",
    )


class SourcesFile(ContentModel):
    """The catalogue of every cited document."""

    sources: list[Source] = Field(min_length=1)
