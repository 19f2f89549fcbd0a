"""The whole edition as one printable document (all guidance in order), and the line every
printout carries so a paper copy can be recognised as stale. Pure."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import markdown  # type: ignore[import-untyped]

from generator.editions import ResolvedEdition
from generator.render.pages import Page
from generator.render.template_cache import html_environment

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


_CONVERTER = markdown.Markdown(extensions=_EXTENSIONS)  # one instance: building one is slow


@functools.lru_cache(maxsize=4096)
def _section_html(markdown_text: str, anchor: str) -> str:
    """One section's HTML; remembered, so a rebuild after an edit converts only what changed."""
    text = _FRONT_MATTER.sub("", markdown_text)
    # Links between pages of the site point into the site from the print/ folder.
    text = re.sub(r"\]\((?:\.\./)?([a-z-]+/[^)#\s]+)\.md", r"](../\1.html", text)
    _CONVERTER.reset()
    body: str = _CONVERTER.convert(text)
    return body.replace('id="', f'id="{anchor}-')


def whole_edition_html(
    edition: ResolvedEdition, sections: Sequence[Page], inputs_sha256: str, generated: str
) -> str:
    """Every guidance section in navigation order, with a cover, contents and the stamp."""
    settings = edition.edition.item
    rendered = []
    for page in sections:
        anchor = page.src_uri.removeprefix("guidance/").removesuffix(".md")
        rendered.append(
            {"anchor": anchor, "title": page.title, "html": _section_html(page.markdown, anchor)}
        )
    return _ENVIRONMENT.get_template("print-edition.html.j2").render(
        name=settings.name,
        authority=settings.authority,
        stamp=stamp(edition, inputs_sha256, generated),
        sections=rendered,
    )
