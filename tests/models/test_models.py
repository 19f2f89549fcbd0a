"""Models: unknown fields forbidden, frozen, round trips, discriminated nodes."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from generator.content.loader import Document, load_document
from generator.models import FILE_MODELS, Channel, DecisionTree, OutcomeNode, QuestionNode
from tests.conftest import FIXTURES

FIXTURE_FILES = {
    "sources": "minimal/content/sources.yaml",
    "contacts": "minimal/content/contacts.yaml",
    "section": "minimal/content/sections/responding.yaml",
    "scenario": "minimal/content/scenarios/playground.yaml",
    "tree": "minimal/flowcharts/police.yaml",
    "edition": "minimal/site_config/editions/national/edition.yaml",
    "overlay-section": "overlays/section.yaml",
    "overlay-scenario": "overlays/scenario.yaml",
    "overlay-tree": "overlays/tree.yaml",
    "overlay-contacts": "overlays/contacts.yaml",
    "overlay-sources": "overlays/sources.yaml",
    "safety-rules": "overlays/safety-rules.yaml",
}


def fixture_data(name: str) -> Any:
    # The project's loader, not yaml.safe_load: YAML 1.1 would read `label: Yes` as True.
    document = load_document(FIXTURES / FIXTURE_FILES[name])
    assert isinstance(document, Document)
    return document.data


def test_every_file_model_has_a_fixture() -> None:
    assert set(FILE_MODELS) == set(FIXTURE_FILES)


@pytest.mark.parametrize("name", sorted(FIXTURE_FILES))
def test_round_trip(name: str) -> None:
    model: type[BaseModel] = FILE_MODELS[name]
    item = model.model_validate(fixture_data(name))
    assert model.model_validate(item.model_dump()) == item


@pytest.mark.parametrize("name", sorted(FIXTURE_FILES))
def test_unknown_fields_are_forbidden(name: str) -> None:
    data = fixture_data(name)
    data["surprise"] = 1
    with pytest.raises(ValidationError, match="surprise"):
        FILE_MODELS[name].model_validate(data)


def test_models_are_frozen() -> None:
    tree = DecisionTree.model_validate(fixture_data("tree"))
    with pytest.raises(ValidationError):
        tree.title = "Changed"  # type: ignore[misc]


def test_nodes_are_told_apart_by_kind() -> None:
    tree = DecisionTree.model_validate(fixture_data("tree"))
    kinds = {node.id: type(node) for node in tree.nodes}
    assert kinds["danger"] is QuestionNode
    assert kinds["call-999"] is OutcomeNode


def test_question_needs_two_answers() -> None:
    with pytest.raises(ValidationError, match="at least 2"):
        QuestionNode.model_validate(
            {"id": "q", "kind": "question", "text": "Q?", "answers": [{"label": "Y", "next": "a"}]}
        )


def test_phone_written_as_a_number_becomes_text() -> None:
    assert Channel.model_validate({"type": "phone", "value": 999}).value == "999"
