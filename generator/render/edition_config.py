"""What an edition sets in the engine's configuration: site name, navigation, the banner
and print line the theme overrides show, the edition's stylesheet and logo. Pure.

safeguide's plugin sets these on the loaded configuration; ``safeguide export`` writes
them into a plain mkdocs.yml, so both give the theme the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.render.site import RenderedSite


@dataclass(frozen=True)
class EditionConfig:
    """The configuration values of one rendered edition."""

    site_name: str
    nav: list[Any]
    extra: dict[str, Any] = field(default_factory=dict)
    """Added to ``extra`` (read by the theme overrides)."""
    extra_css: list[str] = field(default_factory=list)
    """Appended to ``extra_css``."""
    logo: str | None = None
    """``theme.logo``, when the edition has one."""


def edition_config(site: RenderedSite) -> EditionConfig:
    """The configuration values ``site`` sets."""
    theme = site.theme
    if theme is None:
        return EditionConfig(site.site_name, site.nav)
    return EditionConfig(
        site_name=site.site_name,
        nav=site.nav,
        extra={
            "safeguide_banner": theme.banner,
            "safeguide_banner_items": [vars(item) for item in theme.banner_items],
            "safeguide_print_line": theme.print_line,
            "safeguide_example_notice": theme.example_notice,
        },
        extra_css=list(theme.extra_css),
        logo=theme.logo or None,
    )
