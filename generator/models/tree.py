"""Decision trees (flowcharts/<id>.yaml): questions, steps and outcomes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.models.common import Basis, Citation, ContentModel, Id, Line, Markdown, Text


class Answer(ContentModel):
    """One answer to a question and the node it leads to."""

    label: Line
    next: Id
    loop_back: bool = Field(
        default=False, description="True when this answer deliberately returns to an earlier node."
    )
    facts: list[Id] = Field(
        default_factory=list,
        description="Facts (content/safety-rules.yaml) holding on every route taking this answer.",
    )


class NodeFields(ContentModel):
    """Fields every node has."""

    id: Id
    text: Text
    detail: Markdown | None = None
    basis: Basis | None = Field(
        default=None, description="statutory (must), guidance (should) or local practice."
    )
    sources: list[Citation] = Field(default_factory=list)
    contacts: list[Id] = Field(default_factory=list, description="Contact or role ids.")
    sections: list[Id] = Field(default_factory=list)
    trees: list[Id] = Field(
        default_factory=list,
        description="Other flowcharts the reader follows from this node (tree ids).",
    )
    facts: list[Id] = Field(
        default_factory=list,
        description="Facts (content/safety-rules.yaml) that hold on every route through this node.",
    )


class QuestionNode(NodeFields):
    """A question with two or more answers."""

    kind: Literal["question"]
    answers: list[Answer] = Field(min_length=2)


class StepNode(NodeFields):
    """Something to do before moving on to ``next``."""

    kind: Literal["step"]
    actions: list[Line] = Field(default_factory=list)
    next: Id


class OutcomeNode(NodeFields):
    """Where a route ends: one or more actions, possibly in parallel."""

    kind: Literal["outcome"]
    actions: list[Line] = Field(min_length=1)
    urgent: bool = Field(default=False, description="True for 'call 999 now' style outcomes.")


Node = Annotated[QuestionNode | StepNode | OutcomeNode, Field(discriminator="kind")]


class DecisionTree(ContentModel):
    """A flowchart: start node and nodes."""

    id: Id
    title: Line
    summary: Text
    sources: list[Citation] = Field(min_length=1)
    start: Id
    nodes: list[Node] = Field(min_length=1)
