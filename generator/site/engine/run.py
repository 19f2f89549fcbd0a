"""Run the engine: build a rendered edition into a folder, or serve an edition live."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from generator.content.project import Layout
from generator.render.site import RenderedSite
from generator.site.engine.api import build, load_config, serve
from generator.site.engine.plugin import EDITION_VARIABLE, SafeguidePlugin
from generator.text_cache import default_cache_dir


def build_site(layout: Layout, site: RenderedSite, site_dir: Path, *, strict: bool) -> str:
    """Run a real engine build of ``site`` into ``site_dir`` with the project's mkdocs.yml;
    return how many pages were converted and how many came from the cache."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(str(layout.mkdocs_config), site_dir=str(site_dir), hooks=[], strict=strict)
    plugin = SafeguidePlugin(site, cache_dir=default_cache_dir(layout.root))
    config.plugins["safeguide"] = plugin
    build(config)
    return plugin.pages.summary() if plugin.pages is not None else ""


def serve_edition(layout: Layout, edition_id: str, dev_addr: str) -> None:
    """Serve ``edition_id`` with live reload: the engine's development server loads
    mkdocs.yml, whose hook renders the edition named in ``SAFEGUIDE_EDITION``."""
    os.environ[EDITION_VARIABLE] = edition_id
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve(config_file=str(layout.mkdocs_config), dev_addr=dev_addr)
