"""The whole edition as one printable document (all guidance in order), and the line every
printout carries so a paper copy can be recognised as stale. Pure."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import markdown  # type: ignore[import-untyped]

from generator.editions.resolve import ResolvedEdition
from generator.render.example_notice import example_notice
from generator.render.pages import Page
from generator.render.template_cache import html_environment
from generator.text_cache import TextCache, cache_key, code_fingerprint

PRINT_HTML = "print/whole-edition.html"
PRINT_PDF = "print/whole-edition.pdf"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_ENVIRONMENT = html_environment()
_EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "toc", "pymdownx.details"]


def version_label(inputs_sha256: str) -> str:
    """A short version of an edition build: the first 8 hex digits of its inputs hash."""
    return inputs_sha256[:8]


def stamp(edition: ResolvedEdition, inputs_sha256: str, generated: str) -> str:
    """ "Version ..., built ... Check this is the current version at ..." for every printout."""
    settings = edition.edition.item
    where = settings.site_url or "the address where this edition is published"
    return (
        f"Version {version_label(inputs_sha256)}, built {generated[:10]}. "
        f"Check this is the current version at {where}."
    )


@functools.cache
def _converter() -> markdown.Markdown:
    """One Markdown converter per process, made on first use: making one is slow."""
    return markdown.Markdown(extensions=_EXTENSIONS)


@functools.lru_cache(maxsize=4096)
def _convert(markdown_text: str, anchor: str) -> str:
    text = _FRONT_MATTER.sub("", markdown_text)
    # Links between pages of the site point into the site from the print/ folder.
    text = re.sub(r"\]\((?:\.\./)?([a-z-]+/[^)#\s]+)\.md", r"](../\1.html", text)
    converter = _converter()
    converter.reset()
    body: str = converter.convert(text)
    return body.replace('id="', f'id="{anchor}-')


def _section_html(markdown_text: str, anchor: str, cache: TextCache | None) -> str:
    """One section's HTML, converted only when neither this process nor the cache has it,
    so a rebuild after an edit converts only the sections that changed."""
    if cache is None:
        return _convert(markdown_text, anchor)
    key = cache_key(code_fingerprint(__file__), markdown.__version__, anchor, markdown_text)
    return cache.get_or_make(key, lambda: _convert(markdown_text, anchor))


def whole_edition_html(
    edition: ResolvedEdition,
    sections: Sequence[Page],
    inputs_sha256: str,
    generated: str,
    cache: TextCache | None = None,
) -> str:
    """Every guidance section in navigation order, with a cover, contents and the stamp;
    sections' HTML comes from ``cache`` when it has them."""
    settings = edition.edition.item
    rendered = []
    for page in sections:
        anchor = page.src_uri.removeprefix("guidance/").removesuffix(".md")
        rendered.append(
            {
                "anchor": anchor,
                "title": page.title,
                "html": _section_html(page.markdown, anchor, cache),
            }
        )
    return _ENVIRONMENT.get_template("print-edition.html.j2").render(
        name=settings.name,
        authority=settings.authority,
        stamp=stamp(edition, inputs_sha256, generated),
        sections=rendered,
        example_notice=example_notice(edition),
    )
