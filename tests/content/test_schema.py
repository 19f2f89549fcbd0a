"""JSON Schemas for editors: generated from the models and kept in the repo."""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.schema import schema_files, stale_schemas, write_schemas
from generator.models import FILE_MODELS
from tests.conftest import REPO


def test_repo_schemas_match_the_models() -> None:
    assert stale_schemas(REPO / "schemas") == []


def test_every_file_type_has_a_schema_that_forbids_unknown_keys() -> None:
    files = schema_files()
    assert sorted(files) == sorted(f"{name}.schema.json" for name in FILE_MODELS)
    tree = json.loads(files["tree.schema.json"])
    assert tree["additionalProperties"] is False
    assert tree["properties"]["start"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"


def test_write_reports_only_changed_files(tmp_path: Path) -> None:
    assert len(write_schemas(tmp_path)) == len(FILE_MODELS)
    assert write_schemas(tmp_path) == []
    (tmp_path / "tree.schema.json").write_text("{}")
    assert stale_schemas(tmp_path) == ["tree.schema.json"]


def test_content_files_point_at_their_schema() -> None:
    expected = {
        "content/sources.yaml": "../schemas/sources.schema.json",
        "content/contacts.yaml": "../schemas/contacts.schema.json",
        "content/safety-rules.yaml": "../schemas/safety-rules.schema.json",
    }
    for pattern, schema in (
        ("content/sections/*.yaml", "../../schemas/section.schema.json"),
        ("content/scenarios/*.yaml", "../../schemas/scenario.schema.json"),
        ("flowcharts/*.yaml", "../schemas/tree.schema.json"),
        ("site_config/editions/*/edition.yaml", "../../../schemas/edition.schema.json"),
    ):
        for path in REPO.glob(pattern):
            expected[path.relative_to(REPO).as_posix()] = schema
    assert len(expected) > 2
    for name, schema in expected.items():
        first = (REPO / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema}", name
        assert (REPO / name).parent.joinpath(schema).resolve().is_file(), name
