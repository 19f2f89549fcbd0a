"""The "source" part of the contact, section and step forms: a listed source, or a new
one added to the edition's content/sources.yaml."""

from __future__ import annotations

from typing import Any

from generator.edit import forms
from generator.edit.field_errors import Entry
from generator.edit.overlay_writer import SOURCES_FILE, Transaction, append_to_list

NEW_SOURCE_LABELS = {
    "new_title": "New source: title",
    "new_publisher": "New source: publisher",
    "new_edition": "New source: date or edition",
    "new_url": "New source: web address",
}


def citation(t: Transaction, values: dict[str, Any], entries: list[Entry]) -> dict[str, str]:
    """The chosen source as a citation; a new source is added to content/sources.yaml
    (and an :class:`Entry` for its fields to ``entries``)."""
    source = values.get("source", "")
    if source == "new":
        title = values.get("new_title", "")
        source = forms.slug(title) or "new-source"
        operation = {
            "add": {
                "id": source,
                "title": title,
                "publisher": values.get("new_publisher", ""),
                "edition": values.get("new_edition", ""),
                "url": values.get("new_url", ""),
            }
        }
        index = append_to_list(t, SOURCES_FILE, "sources", operation, "overlay-sources")
        entries.append(
            Entry(
                t.path(SOURCES_FILE),
                f"sources[{index}].add",
                {
                    "new_title": "title",
                    "new_publisher": "publisher",
                    "new_edition": "edition",
                    "new_url": "url",
                    "source": "id",
                },
                dict(NEW_SOURCE_LABELS),
            )
        )
    return {"source": source, "where": values.get("where", "")}
