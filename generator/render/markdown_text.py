"""Put plain content text safely into generated Markdown."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~^])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+\.)(\s)")


def inline(text: str) -> str:
    """Plain text as one line of Markdown that renders exactly as written."""
    flat = " ".join(text.split())
    escaped = html.escape(flat, quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", escaped)


def attribute(text: str) -> str:
    """Plain text for an HTML attribute value in a template."""
    return html.escape(" ".join(text.split()), quote=True)


def block(markdown: str) -> str:
    """Validated Markdown (no raw HTML), trimmed, for a block position."""
    return markdown.strip()


def indent(markdown: str, spaces: int = 4) -> str:
    """Indent every line after the first, for Markdown inside an admonition or list item."""
    pad = " " * spaces
    return "\n".join(
        line if i == 0 or not line else pad + line
        for i, line in enumerate(markdown.strip().splitlines())
    )
