"""Pydantic models of every content file type; each model is the reference for its file."""

from generator.models.common import Citation, ContentModel
from generator.models.contact import Channel, Contact, ContactsFile, Role
from generator.models.edition import Branding, Edition
from generator.models.overlay import (
    ContactsOverlay,
    ScenarioOverlay,
    SectionOverlay,
    SourcesOverlay,
    TreeOverlay,
)
from generator.models.safety import Fact, Reach, SafetyRule, SafetyRulesFile
from generator.models.scenario import Scenario
from generator.models.section import Block, Section
from generator.models.source import Source, SourcesFile
from generator.models.tree import Answer, DecisionTree, OutcomeNode, QuestionNode, StepNode

FILE_MODELS: dict[str, type[ContentModel]] = {
    "section": Section,
    "contacts": ContactsFile,
    "sources": SourcesFile,
    "tree": DecisionTree,
    "scenario": Scenario,
    "safety-rules": SafetyRulesFile,
    "edition": Edition,
    "overlay-section": SectionOverlay,
    "overlay-tree": TreeOverlay,
    "overlay-scenario": ScenarioOverlay,
    "overlay-contacts": ContactsOverlay,
    "overlay-sources": SourcesOverlay,
}
"""The model of each content file type, by the name used for its JSON Schema."""

__all__ = [
    "FILE_MODELS",
    "Answer",
    "Block",
    "Branding",
    "Channel",
    "Citation",
    "Contact",
    "ContactsFile",
    "ContentModel",
    "DecisionTree",
    "Edition",
    "Fact",
    "OutcomeNode",
    "QuestionNode",
    "Reach",
    "Role",
    "SafetyRule",
    "SafetyRulesFile",
    "Scenario",
    "Section",
    "Source",
    "SourcesFile",
    "StepNode",
]
