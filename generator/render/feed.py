"""The Atom feed of an edition's changes, so staff and partners can subscribe. Pure.

Written as escaped text rather than with ElementTree: registering the Atom namespace
in ElementTree is global and would change how other modules serialise SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _html_escape

from generator.changes.history import Entry


def escape(text: str) -> str:
    """Text for XML content: &, < and > escaped (what xml.sax.saxutils.escape does, without
    loading the urllib and ssl modules it pulls in)."""
    return _html_escape(text, quote=False)


ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(edition_id: str, edition_name: str, entries: Sequence[Entry], updated: str) -> str:
    """Atom 1.0 XML: one entry per build that changed something, linking to What's new."""
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<feed xmlns="{ATOM}">',
        f"  <title>{escape(edition_name)}: what's new</title>",
        f"  <id>urn:safeguide:{escape(edition_id)}:changes</id>",
        f"  <updated>{escape(entries[0].date if entries else updated)}</updated>",
        '  <link href="whats-new.html" rel="alternate"/>',
        f"  <author><name>{escape(edition_name)}</name></author>",
    ]
    for entry in entries:
        count = len(entry.changes)
        summary = "\n".join(change.describe() for change in entry.changes)
        lines += [
            "  <entry>",
            f"    <title>{count} change{'s' if count != 1 else ''} on {escape(entry.date[:10])}"
            "</title>",
            f"    <id>urn:safeguide:{escape(edition_id)}:changes:{escape(entry.date)}</id>",
            f"    <updated>{escape(entry.date)}</updated>",
            '    <link href="whats-new.html" rel="alternate"/>',
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
