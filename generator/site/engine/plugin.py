"""safeguide's plugin: hands a rendered edition to the engine as generated files."""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import Any

import jinja2

from generator.changes.previous_build import read_previous_build
from generator.checks.pipeline import DEFAULT_EDITION
from generator.content.project import Layout
from generator.errors import errors_in
from generator.render.csp import with_policy
from generator.render.external_links import with_safe_external_links
from generator.render.site import RenderedSite
from generator.render.template_cache import TEMPLATE_BYTECODE
from generator.site.engine.api import Abort, BasePlugin, File, Files, MkDocsConfig, Page
from generator.site.engine.page_cache import PageConversionCache
from generator.site.engine.run import EDITION_VARIABLE
from generator.site.generate import generate
from generator.text_cache import default_cache_dir

log = logging.getLogger("mkdocs.plugins.safeguide")


SHIM = "assets/vendor/iframe-worker-shim.js"


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


def _shim_source(config: MkDocsConfig) -> str | None:
    """The vendored iframe-worker shim's source, whose inline script CSP must allow."""
    return _read_optional(Path(config.docs_dir) / SHIM)


@functools.lru_cache(maxsize=8)
def _read_optional(path: Path) -> str | None:
    """A file's text, read once per process (every page of every build asks for it)."""
    return path.read_text(encoding="utf-8") if path.is_file() else None


class SafeguidePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hands a rendered edition to MkDocs: navigation, site name and generated files."""

    def __init__(
        self, site: RenderedSite, watch: list[Path] | None = None, cache_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.site = site
        self.watch = watch or []
        self.cache_dir = cache_dir
        self.pages = PageConversionCache(cache_dir / "page-html") if cache_dir else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.nav = self.site.nav
        config.site_name = self.site.site_name
        theme = self.site.theme
        if theme is not None:
            config.extra["safeguide_banner"] = theme.banner
            config.extra["safeguide_banner_items"] = [vars(item) for item in theme.banner_items]
            config.extra["safeguide_print_line"] = theme.print_line
            config.extra_css = [*config.extra_css, *theme.extra_css]
            if theme.logo:
                config.theme["logo"] = theme.logo
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

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        """Every page gets its Content-Security-Policy (scripts: self and hashes only) and
        rel="noopener noreferrer" on links that leave the site. Pages of the development
        server go without the policy, so its live-reload script can run."""
        linked = with_safe_external_links(output)
        return linked if _serving() else with_policy(linked, _shim_source(config))

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Make 404.html work from file:// and under a sub-path: root-absolute URLs to relative.

        404.html sits at the site root, so "/assets/..." becomes "assets/...".
        """
        if template_name != "404.html" or config.site_url:
            return output_content
        relative = output_content.replace('href="/"', 'href="index.html"')
        relative = relative.replace('href="/', 'href="').replace('src="/', 'src="')
        # Material's page config too: search base and worker.
        relative = relative.replace('"base": "/"', '"base": "."').replace(
            '": "/assets/', '": "assets/'
        )
        # The 404 page has no navigation: hide its empty, unfocusable sidebar.
        relative = relative.replace(
            '<div class="md-sidebar md-sidebar--primary"',
            '<div hidden class="md-sidebar md-sidebar--primary"',
            1,
        )
        return relative if _serving() else with_policy(relative, _shim_source(config))

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
    return SafeguidePlugin(generated.site, watch, default_cache_dir(layout.root))
