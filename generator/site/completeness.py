"""The guard after the engine: every page safeguide generated must have come out as HTML.

An engine that ignores safeguide's plugin or hook (as one without a plugin API does,
silently), or a mkdocs.yml that excludes generated pages (``exclude_docs``,
``draft_docs``), gives a site with the hand-written pages only and no error of its own;
the build then fails with one line instead of publishing it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.errors import START, Diagnostic
from generator.render.site import RenderedSite

CODE = "engine-incomplete"
SHOWN = 5
"""How many missing pages the error names."""


def _html_paths(src_uri: str) -> tuple[str, str]:
    """Where an engine writes a page's HTML, without and with directory URLs."""
    source = PurePosixPath(src_uri)
    flat = source.with_suffix(".html").as_posix()
    if source.stem == "index":
        return flat, flat
    return flat, (source.with_suffix("") / "index.html").as_posix()


def missing_pages(site: RenderedSite, folder: Path) -> list[str]:
    """The generated pages (their source paths) with no HTML in ``folder``."""
    return [
        page.src_uri
        for page in site.pages
        if not any((folder / path).is_file() for path in _html_paths(page.src_uri))
    ]


def incomplete_build(
    config: Path, engine: str, site: RenderedSite, missing: list[str]
) -> Diagnostic:
    """The one error line for a build that lacks ``missing`` of the site's pages."""
    names = ", ".join(missing[:SHOWN])
    more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    built = len(site.pages) - len(missing)
    return Diagnostic(
        path=config,
        position=START,
        key_path="-",
        message=(
            f"expected {engine} to build all {len(site.pages)} pages generated for edition "
            f"'{site.edition_id}', got {built} (missing {names}{more}): the engine did not run "
            "safeguide's plugin, or the configuration excludes generated pages"
        ),
        code=CODE,
    )
