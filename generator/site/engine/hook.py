"""MkDocs hook named in mkdocs.yml: generates the default edition for `mkdocs build/serve`.

Set ``SAFEGUIDE_EDITION`` to serve another edition: ``SAFEGUIDE_EDITION=essex mkdocs serve``.
Every event safeguide's plugin handles is passed on to it, so a plain ``mkdocs build``
makes the same pages as ``safeguide build`` (same security policy, links and caches), and
``mkdocs serve``/``safeguide serve`` the same but for the policy (see engine/plugin.py).
"""

from __future__ import annotations

from typing import Any

from generator.site.engine.plugin import SafeguidePlugin, plugin_for_config, starting

_plugin: SafeguidePlugin | None = None


def _current() -> SafeguidePlugin:
    assert _plugin is not None, "on_config runs first"
    return _plugin


def on_startup(command: str, dirty: bool) -> None:
    """Note whether MkDocs builds or serves (served pages make room for live reload)."""
    starting(command)


def on_config(config: Any) -> Any:
    """Generate the edition and set navigation and site name."""
    global _plugin
    _plugin = plugin_for_config(config)
    return _plugin.on_config(config)


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Keep compiled theme templates in the cache."""
    return _current().on_env(env, config=config, files=files)


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages and exports."""
    return _current().on_files(files, config=config)


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """Take the page's conversion from the cache when nothing it depends on changed."""
    return _current().on_pre_page(page, config=config, files=files)


def on_post_build(config: Any) -> Any:
    """The post-build pass: Content-Security-Policy, safe outside links, the 404 page."""
    return _current().on_post_build(config=config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Reload when content changes."""
    return _current().on_serve(server, config=config, builder=builder)
