"""The MkDocs 1.x API that safeguide uses, imported in this one module.

The rest of the engine package takes these names from here. Which engine backs them is
settled first (``runtime``): the one this process already runs (``safeguide build`` starts
the chosen one before it gets here; the ``properdocs`` and ``mkdocs`` commands start their
own before loading the hook), else ProperDocs.
"""

from __future__ import annotations

from generator.site.engine.runtime import current

current()

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

__all__ = [
    "Abort",
    "BasePlugin",
    "File",
    "Files",
    "MkDocsConfig",
    "Page",
    "TableOfContents",
    "build",
    "event_priority",
    "load_config",
    "serve",
]
