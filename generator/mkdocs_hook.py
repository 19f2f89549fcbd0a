"""MkDocs hook named in mkdocs.yml: generates the default edition for `mkdocs build/serve`.

Set ``SAFEGUIDE_EDITION`` to serve another edition: ``SAFEGUIDE_EDITION=essex mkdocs serve``.
"""

from __future__ import annotations

from typing import Any

from generator.mkdocs_bridge import SafeguidePlugin, plugin_for_config

_plugin: SafeguidePlugin | None = None


def on_config(config: Any) -> Any:
    """Generate the edition and set navigation and site name."""
    global _plugin
    _plugin = plugin_for_config(config)
    return _plugin.on_config(config)


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages and exports."""
    assert _plugin is not None, "on_config runs first"
    return _plugin.on_files(files, config=config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Reload when content changes."""
    assert _plugin is not None, "on_config runs first"
    return _plugin.on_serve(server, config=config, builder=builder)
