"""Put content text safely into generated Markdown.

Plain text is escaped so it renders exactly as written. Content Markdown (section text,
step details, scenario narratives) is converted to HTML here and passed through nh3, an
allow-list sanitiser, before it reaches a page: validation already refuses raw HTML,
attribute lists and unsafe links, and this is the second, independent guard.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

import markdown  # type: ignore[import-untyped]
import nh3

from generator.text_cache import TextCache, cache_key, code_fingerprint

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~^])")
_LIST_MARKER = re.compile(r"^([-+>])(\s)")
_ORDERED_MARKER = re.compile(r"^(\d+)\.(\s)")


@functools.lru_cache(maxsize=8192)  # names and labels recur on many pages
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


ALLOWED_TAGS = {
    *("p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "a"),
    *("ul", "ol", "li", "h3", "h4", "h5", "h6"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
NH3_VERSION: str = getattr(nh3, "__version__", "")
_PAGE_LINK = re.compile(r'href="((?![a-z][a-z0-9+.-]*:|/|#)[^"#]*?)\.md(#[^"]*)?"')


@functools.cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "sane_lists"])


def sanitise(fragment: str) -> str:
    """HTML cut down to what content Markdown may produce: no scripts, no event handlers,
    no styles but table alignment, links only to web pages, email, phones and this site."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


@functools.lru_cache(maxsize=4096)
def block(markdown_text: str) -> str:
    """Content Markdown as sanitised HTML in one raw HTML block of the generated page;
    links to pages of the site (``../flowcharts/x.md#step``) point at their HTML."""
    converter = _converter()
    converter.reset()
    cleaned = sanitise(converter.convert(markdown_text.strip()))
    linked = _PAGE_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', cleaned)
    return f'<div class="sg-text">\n{linked}\n</div>'


def cached_block(cache: TextCache | None) -> Callable[[str], str]:
    """:func:`block`, remembered in ``cache`` between builds (keyed by the text and by the
    code, Markdown and nh3 versions that convert and sanitise it)."""
    if cache is None:
        return block

    def remembered(markdown_text: str) -> str:
        key = cache_key(
            code_fingerprint(__file__), markdown.__version__, NH3_VERSION, markdown_text
        )
        return cache.get_or_make(key, lambda: block(markdown_text))

    return remembered


def indent(markdown: str, spaces: int = 4) -> str:
    """Indent every non-blank line, for Markdown inside an admonition or details block."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in markdown.strip().splitlines())
