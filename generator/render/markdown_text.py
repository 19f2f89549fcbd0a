"""Put plain content text safely into generated Markdown."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~^])")
_LIST_MARKER = re.compile(r"^([-+>])(\s)")
_ORDERED_MARKER = re.compile(r"^(\d+)\.(\s)")


def inline(text: str) -> str:
    """Plain text as one line of Markdown that renders exactly as written."""
    flat = " ".join(text.split())
    escaped = html.escape(flat, quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    escaped = _LIST_MARKER.sub(r"\\\1\2", escaped)
    return _ORDERED_MARKER.sub(r"\1\\.\2", escaped)


def attribute(text: str) -> str:
    """Plain text for an HTML attribute value in a template."""
    return html.escape(" ".join(text.split()), quote=True)


def block(markdown: str) -> str:
    """Validated Markdown (no raw HTML), trimmed, for a block position."""
    return markdown.strip()


def indent(markdown: str, spaces: int = 4) -> str:
    """Indent every non-blank line, for Markdown inside an admonition or details block."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in markdown.strip().splitlines())
