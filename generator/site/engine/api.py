"""The MkDocs 1.x API that safeguide uses, imported in this one module.

The rest of the engine package takes these names from here, so the engine that backs them
is chosen in one place.
"""

from __future__ import annotations

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
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
    "load_config",
    "serve",
]
