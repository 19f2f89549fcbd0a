"""Ids and short labels for the items the editor writes."""

from __future__ import annotations

from typing import Any

from generator.edit import forms


def prefixed(edition_id: str, text: str, length: int = 50) -> str:
    """An id for a new item: the edition's id, then words of ``text``."""
    words = forms.slug(text)[:length].strip("-")
    return words if words.startswith(edition_id) else f"{edition_id}-{words}".strip("-")


def new_id(wanted: str, taken: Any) -> str:
    """``wanted`` (at most 60 characters), with a number added when it is already taken."""
    wanted = wanted.strip("-")[:60].strip("-")
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def added_id(added: Any) -> str:
    """The id of an item an edition's overlay added."""
    return str(added.item.item.id)


def short(text: str, length: int = 70) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 3] + "..."
