"""safeguide's plugin: hands a rendered edition to the engine as generated files."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import jinja2

from generator.changes.previous_build import read_previous_build
from generator.checks.pipeline import DEFAULT_EDITION
from generator.content.project import Layout
from generator.errors import errors_in
from generator.render.edition_config import edition_config
from generator.render.site import RenderedSite
from generator.render.template_cache import TEMPLATE_BYTECODE
from generator.site.engine.api import (
    Abort,
    BasePlugin,
    File,
    Files,
    MkDocsConfig,
    Page,
    event_priority,
)
from generator.site.engine.page_cache import PageConversionCache
from generator.site.engine.run import EDITION_VARIABLE
from generator.site.generate import generate
from generator.site.postprocess import postprocess_site
from generator.text_cache import default_cache_dir

log = logging.getLogger("mkdocs.plugins.safeguide")


class _Command:
    """The MkDocs command this process runs, as MkDocs announced it (``on_startup``);
    ``safeguide build`` runs MkDocs' build directly and is a ``build``."""

    name = "build"


def starting(command: str) -> None:
    """Remember MkDocs' command (``build``, ``serve``, ``gh-deploy``) for every build this
    process makes from now on (the hook module is loaded afresh for each one)."""
    _Command.name = command


def _serving() -> bool:
    """True under ``mkdocs serve``/``safeguide serve``: the development server injects its
    live-reload script into every page it serves, inline, which a page's
    Content-Security-Policy (hashes of the page's own scripts only) would block."""
    return _Command.name == "serve"


class SafeguidePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hands a rendered edition to MkDocs: navigation, site name and generated files."""

    def __init__(
        self,
        site: RenderedSite,
        watch: list[Path] | None = None,
        cache_dir: Path | None = None,
        *,
        finish: bool = False,
    ) -> None:
        super().__init__()
        self.site = site
        self.finish = finish
        self.watch = watch or []
        self.cache_dir = cache_dir
        self.pages = PageConversionCache(cache_dir / "page-html") if cache_dir else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        values = edition_config(self.site)
        config.nav = values.nav
        config.site_name = values.site_name
        for key, value in values.extra.items():
            config.extra[key] = value
        config.extra_css = [*config.extra_css, *values.extra_css]
        if values.logo:
            config.theme["logo"] = values.logo
        return config

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Keep the theme's compiled templates in the cache folder: plain MkDocs compiles
        all of Material's templates again on every build and every reload. Jinja checks each
        template's source checksum, so an edited or upgraded template is compiled afresh."""
        if self.cache_dir is not None:
            TEMPLATE_BYTECODE.keep_in(self.cache_dir / "templates")
            env.bytecode_cache = TEMPLATE_BYTECODE
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.site.pages:
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        for path, data in sorted(self.site.files.items()):
            files.append(File.generated(config, path, content=data))
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """A page converted before (same Markdown, place and site) is taken from the cache
        instead of converting it again."""
        if self.pages is not None:
            self.pages.install(page)
        return page

    @event_priority(-100)  # last: after Material's search and offline plugins write the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Under a plain engine command (the hook), the finished site goes through the
        post-build pass here: Content-Security-Policy, safe outside links, the 404 page,
        the search index's weights.
        ``safeguide build`` runs the pass itself, after the engine (site/build.py). Pages
        of the development server go without the policy, so its live-reload script runs."""
        if self.finish:
            postprocess_site(Path(config.site_dir), policy=not _serving())

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for path in self.watch:
            if path.exists():
                server.watch(str(path))
        return server


def plugin_for_config(config: MkDocsConfig) -> SafeguidePlugin:
    """Render the edition named by ``SAFEGUIDE_EDITION`` (default national) for a plain
    ``mkdocs build``/``serve``; abort with positioned errors when content is broken."""
    layout = Layout(Path(config.config_file_path).resolve().parent)
    edition_id = os.environ.get(EDITION_VARIABLE) or DEFAULT_EDITION
    previous = read_previous_build(Path(config.site_dir).resolve())
    generated = generate(layout, edition_id, previous=previous, pdfs=not _serving())
    for diagnostic in generated.diagnostics:
        log.warning(diagnostic.format())
    if generated.site is None:
        count = len(errors_in(generated.diagnostics))
        raise Abort(f"safeguide: {count} content error(s) in edition '{edition_id}'")
    watch = [layout.content, layout.flowcharts_dir, layout.editions_dir / edition_id]
    return SafeguidePlugin(generated.site, watch, default_cache_dir(layout.root), finish=True)
