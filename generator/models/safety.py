"""Safety rules (content/safety-rules.yaml): statements that must hold on every route of
every tree of every edition, over facts that answers and steps carry."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Basis, Citation, ContentModel, Id, Line, Text


class Fact(ContentModel):
    """One fact of the shared vocabulary that answers and steps may carry."""

    id: Id
    meaning: Text = Field(
        description="What holds on a route that carries this fact; narrow enough that a rule "
        "cannot catch the wrong case."
    )


class Reach(ContentModel):
    """Something every route under a rule must reach: a step or outcome that names one of
    these roles or contacts (a question that mentions it does not count)."""

    label: Line = Field(description="How readers see it, e.g. 'the police (999 or 101)'.")
    any_of: list[Id] = Field(min_length=1, description="Role or contact ids.")


class SafetyRule(ContentModel):
    """Every route on which all the ``when`` facts hold (and none of ``unless``) reaches
    every one of ``reaches``."""

    id: Id
    statement: Text = Field(description="The rule in plain words, for the routes page.")
    when: list[Id] = Field(min_length=1, description="Fact ids that all hold on the route.")
    unless: list[Id] = Field(
        default_factory=list, description="Fact ids any one of which exempts the route."
    )
    reaches: list[Reach] = Field(min_length=1)
    first: bool = Field(
        default=False,
        description="True when the first step or outcome after the facts hold must meet "
        "every reach (for example 999 before anything else).",
    )
    basis: Basis
    sources: list[Citation] = Field(min_length=1)


class SafetyRulesFile(ContentModel):
    """The fact vocabulary and the rules of one layer. A local edition's file may only add."""

    facts: list[Fact] = Field(default_factory=list)
    rules: list[SafetyRule] = Field(default_factory=list)
