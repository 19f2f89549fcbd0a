"""Every leaf value of a content item with its key path, for checks that read all its text."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from generator.content.loader import KeyPath


def leaf_values(value: object, path: KeyPath = ()) -> Iterator[tuple[KeyPath, object]]:
    """Every leaf value under ``value`` (models, lists and mappings) with its key path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from leaf_values(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from leaf_values(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_values(item, (*path, str(key)))
    else:
        yield path, value
