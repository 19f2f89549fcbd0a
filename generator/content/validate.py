"""Turn loaded documents into models, with one positioned diagnostic per validation error."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.content.loader import Document, KeyPath
from generator.errors import Diagnostic, Position, did_you_mean, format_key_path
from generator.models import ContentModel

M = TypeVar("M", bound=ContentModel)

_PYDANTIC_CODES = {
    "missing": "missing-key",
    "extra_forbidden": "unknown-key",
    "literal_error": "invalid-choice",
    "union_tag_invalid": "invalid-choice",
    "union_tag_not_found": "missing-key",
    "too_short": "too-few",
    "too_long": "too-many",
    "string_too_short": "empty",
}


def describe(value: Any) -> str:
    """How a found value is named in messages: ``'abc'``, ``a number (4)``, ``a list``..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _expected(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    match kind:
        case "string_type":
            return "text"
        case "int_type" | "int_parsing":
            return "a whole number"
        case "bool_type" | "bool_parsing":
            return "true or false"
        case "date_type" | "date_parsing" | "date_from_datetime_parsing":
            return "a date as YYYY-MM-DD"
        case "list_type":
            return "a list"
        case "dict_type" | "model_type" | "model_attributes_type":
            return "a mapping"
        case "literal_error":
            return f"one of {ctx.get('expected', '')}"
        case "union_tag_invalid":
            return f"kind one of {ctx.get('expected_tags', '')}"
        case "too_short":
            return f"at least {ctx.get('min_length')} item(s)"
        case "too_long":
            return f"at most {ctx.get('max_length')} item(s)"
        case "string_too_short":
            return "non-empty text"
    return error["msg"].removeprefix("Input should be ").removeprefix("Value error, ")


def _follow(data: Any, loc: Sequence[str | int]) -> tuple[KeyPath, bool]:
    """Map a pydantic location onto a path in the data, skipping union tags.

    Returns the path and whether it reached an existing value.
    """
    path: list[str | int] = []
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            current = current[part]  # type: ignore[index]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, str) and current.get("kind") == part:
            continue  # discriminated-union tag, not a key in the file
        else:
            path.append(part)
            return tuple(path), False
    return tuple(path), True


def diagnostic_for(document: Document, prefix: KeyPath, error: ErrorDetails) -> Diagnostic:
    """One pydantic error as a positioned diagnostic."""
    kind = error["type"]
    path, exists = _follow(document.data, (*prefix, *error["loc"]))
    shown_path = format_key_path(path)
    if kind == "extra_forbidden":
        key = path[-1]
        position = document.position(path, of_key=True)
        hint = (error.get("ctx") or {}).get("hint", "")
        message = f"expected one of the known keys, got unknown key '{key}'{hint}"
        return Diagnostic(document.path, position, shown_path, message, "unknown-key")
    if kind == "missing" or not exists:
        position = document.position(path[:-1])
        message = f"expected key '{path[-1]}', got nothing"
        return Diagnostic(document.path, position, shown_path, message, "missing-key")
    if kind == "union_tag_invalid":
        kind_path = (*path, "kind")
        message = (
            f"expected kind one of {(error.get('ctx') or {}).get('expected_tags', '')}, "
            f"got {describe((error.get('ctx') or {}).get('tag'))}"
        )
        return Diagnostic(
            document.path,
            document.position(kind_path),
            format_key_path(kind_path),
            message,
            "invalid-choice",
        )
    position = document.position(path)
    if kind.endswith(("_type", "_parsing")):
        code = "wrong-type"
    else:
        code = _PYDANTIC_CODES.get(kind, kind if "-" in kind else "invalid-value")
    if "-" in kind:  # our own PydanticCustomError: the message already says expected/got
        message = error["msg"]
    else:
        message = f"expected {_expected(error)}, got {describe(error['input'])}"
    return Diagnostic(document.path, position, shown_path, message, code)


def validate(
    document: Document, model: type[M], prefix: KeyPath = ()
) -> tuple[M | None, list[Diagnostic]]:
    """Validate the data of ``document`` (at ``prefix``) against ``model``."""
    data: Any = document.data
    for part in prefix:
        data = data[part]
    if data is None and not prefix:
        required = [name for name, field in model.model_fields.items() if field.is_required()]
        message = f"expected keys {', '.join(required)}, got an empty file"
        return None, [Diagnostic(document.path, Position(1, 1), "-", message, "empty-file")]
    if data is None:
        data = {}
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = _misspelt_keys_merged(exc.errors(include_url=False))
        return None, [diagnostic_for(document, prefix, error) for error in errors]


def _misspelt_keys_merged(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """A misspelt key is one problem, not two: an unknown key close to a missing required key
    beside it becomes one "unknown key ... (did you mean ...?)" error."""
    missing = {
        (tuple(e["loc"][:-1]), e["loc"][-1]): e
        for e in errors
        if e["type"] == "missing" and e["loc"] and isinstance(e["loc"][-1], str)
    }
    dropped: set[int] = set()
    merged: list[ErrorDetails] = []
    for error in errors:
        loc = error["loc"]
        if error["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            beside = [key for (parent, key) in missing if parent == tuple(loc[:-1])]
            hint = did_you_mean(loc[-1], beside)
            if hint:
                guess = hint.split("'")[1]
                dropped.add(id(missing[(tuple(loc[:-1]), guess)]))
                error = {**error, "ctx": {**(error.get("ctx") or {}), "hint": hint}}
        merged.append(error)
    return [e for e in merged if id(e) not in dropped]
