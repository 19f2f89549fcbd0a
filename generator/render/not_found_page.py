"""The site's 404 page made to work from file:// and under any sub-path. Pure: HTML in,
HTML out, and the same HTML when given its own output.

The engine writes 404.html with root-absolute URLs (``href="/assets/..."``) so that a
server can show it for a missing page at any depth; opened from a file share, or served
from a sub-path of an intranet, those URLs lead nowhere. 404.html sits at the site's root,
so ``/assets/...`` becomes ``assets/...``. A site whose ``site_url`` gives the engine a
base of its own (its pages carry a canonical link, its 404 page that base) keeps it.
"""

from __future__ import annotations

import re

NOT_FOUND_PAGE = "404.html"
_ROOT_BASE = re.compile(r'"base":\s*"/"')
_DOT_BASE = re.compile(r'"base":\s*"\."')
_ROOT_WORKER = re.compile(r'("search":\s*")/(?=assets/)')
_ROOT_ABSOLUTE = re.compile(r'(href|src)="/(?!/)')
_SIDEBAR = '<div class="md-sidebar md-sidebar--primary"'


def has_root_base(html: str) -> bool:
    """True when the theme's page config gives the site's base as ``/``, or its search
    worker a root-absolute URL (Zensical's 404 page: base ``.``, worker ``/assets/...``)."""
    if _ROOT_BASE.search(html) is not None:
        return True
    return _DOT_BASE.search(html) is not None and _ROOT_WORKER.search(html) is not None


def with_relative_urls(html: str) -> str:
    """``html`` (the root 404 page) with root-absolute URLs made relative to the root."""
    relative = html.replace('href="/"', 'href="index.html"')
    relative = _ROOT_ABSOLUTE.sub(r'\1="', relative)
    # The theme's page config too: search base and worker.
    relative = _ROOT_BASE.sub('"base": "."', relative).replace('": "/assets/', '": "assets/')
    relative = _ROOT_WORKER.sub(r"\1", relative)
    # The 404 page has no navigation: hide its empty, unfocusable sidebar.
    return relative.replace(_SIDEBAR, f"<div hidden {_SIDEBAR[5:]}", 1)
