"""Run an engine: build a rendered edition into a folder, or serve an edition live.

Each function starts the chosen engine (``runtime.start``) before it imports the engine's
API, so importing this module loads no engine.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from generator.content.project import Layout
from generator.errors import Diagnostic
from generator.render.site import RenderedSite
from generator.site.engine import runtime
from generator.site.engine.choice import PLUGIN_ENGINES, ZENSICAL
from generator.text_cache import default_cache_dir

EDITION_VARIABLE = "SAFEGUIDE_EDITION"
"""The edition the hook renders for a plain engine command (default: national)."""


def build_site(
    layout: Layout, site: RenderedSite, site_dir: Path, *, strict: bool, engine: str
) -> str:
    """Run a real ``engine`` build of ``site`` into ``site_dir`` with the project's
    mkdocs.yml (its hook switched off: the rendered site is handed over as a plugin);
    return how many pages were converted and how many came from the cache."""
    runtime.start(engine)
    from generator.site.engine.api import build, load_config
    from generator.site.engine.plugin import SafeguidePlugin

    for name in PLUGIN_ENGINES:  # the engine's own progress lines stay quiet; warnings show
        logging.getLogger(name).setLevel(logging.WARNING)
    config = load_config(str(layout.mkdocs_config), site_dir=str(site_dir), hooks=[], strict=strict)
    plugin = SafeguidePlugin(site, cache_dir=default_cache_dir(layout.root))
    config.plugins["safeguide"] = plugin
    build(config)
    return plugin.pages.summary() if plugin.pages is not None else ""


def build_with_engine(
    layout: Layout, site: RenderedSite, site_dir: Path, *, strict: bool, engine: str
) -> tuple[str, list[Diagnostic]]:
    """Build ``site`` into the empty ``site_dir`` with ``engine``: in this process through
    safeguide's plugin (ProperDocs, MkDocs), or with the ``zensical`` command on an export;
    return a summary line and the engine's warnings that safeguide reports."""
    if engine == ZENSICAL:
        from generator.site.engine.zensical import build_with_zensical

        return build_with_zensical(layout, site, site_dir, strict=strict)
    return build_site(layout, site, site_dir, strict=strict, engine=engine), []


def serve_edition(
    layout: Layout,
    edition_id: str,
    dev_addr: str,
    *,
    engine: str,
    report: Callable[[list[Diagnostic]], object],
) -> None:
    """Serve ``edition_id`` with live reload. ProperDocs and MkDocs: the engine's
    development server loads mkdocs.yml, whose hook renders the edition named in
    ``SAFEGUIDE_EDITION``. Zensical, which runs no plugins: ``zensical serve`` on an export
    that safeguide writes again on every change (``engine/zensical.py``), diagnostics
    printed through ``report``."""
    if engine == ZENSICAL:
        from generator.site.engine.zensical_serve import serve_with_zensical

        serve_with_zensical(layout, edition_id, dev_addr, report)
        return
    runtime.start(engine)
    from generator.site.engine.api import serve

    os.environ[EDITION_VARIABLE] = edition_id
    serve(config_file=str(layout.mkdocs_config), dev_addr=dev_addr)
