"""The Atom feed of an edition's changes, so staff and partners can subscribe. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from generator.changes import Entry

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(edition_id: str, edition_name: str, entries: Sequence[Entry], updated: str) -> str:
    """Atom 1.0 XML: one entry per build that changed something, linking to What's new."""
    ET.register_namespace("", ATOM)

    def child(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    child(feed, "title", f"{edition_name}: what's new")
    child(feed, "id", f"urn:safeguide:{edition_id}:changes")
    child(feed, "updated", entries[0].date if entries else updated)
    child(feed, "link", href="whats-new.html", rel="alternate")
    author = child(feed, "author")
    child(author, "name", edition_name)
    for entry in entries:
        item = child(feed, "entry")
        count = len(entry.changes)
        child(item, "title", f"{count} change{'s' if count != 1 else ''} on {entry.date[:10]}")
        child(item, "id", f"urn:safeguide:{edition_id}:changes:{entry.date}")
        child(item, "updated", entry.date)
        child(item, "link", href="whats-new.html", rel="alternate")
        child(item, "summary", "\n".join(c.describe() for c in entry.changes))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
