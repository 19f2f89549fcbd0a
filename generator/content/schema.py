"""JSON Schema per content file type, generated from the models, for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.models import FILE_MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of one content file type."""
    schema = FILE_MODELS[name].model_json_schema()
    return {"$schema": SCHEMA_DIALECT, "$id": f"{name}.schema.json", **schema}


def schema_files() -> dict[str, str]:
    """File name -> JSON text of every schema."""
    return {
        f"{name}.schema.json": json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
        for name in sorted(FILE_MODELS)
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; return the files whose text changed."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for file_name, text in schema_files().items():
        path = directory / file_name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(directory: Path) -> list[str]:
    """Schema files that are missing or differ from what the models give."""
    return [
        file_name
        for file_name, text in schema_files().items()
        if not (directory / file_name).exists()
        or (directory / file_name).read_text(encoding="utf-8") != text
    ]
