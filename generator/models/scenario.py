"""Training scenarios (content/scenarios/<id>.yaml)."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Citation, ContentModel, Id, Line, Markdown


class Scenario(ContentModel):
    """A case to rehearse on a tree, with the route the guidance expects."""

    id: Id
    title: Line
    tree: Id
    topics: list[Line] = Field(default_factory=list)
    narrative: Markdown
    answers: list[Line] = Field(
        min_length=1, description="Answer labels along the expected route, in order."
    )
    expected_outcome: Id
    discussion: list[Line] = Field(default_factory=list)
    facilitator_notes: Markdown | None = None
    sources: list[Citation] = Field(default_factory=list)
