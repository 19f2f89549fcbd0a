"""The notice an example edition (``example: true``) shows on every page. Pure."""

from __future__ import annotations

from generator.editions.resolve import ResolvedEdition

EXAMPLE_NOTICE = "Example edition: fictional details"
"""Shown on every page (site, card, printed edition, handouts) of an example edition."""


def example_notice(edition: ResolvedEdition) -> str | None:
    """:data:`EXAMPLE_NOTICE` for an edition marked ``example: true``, else None."""
    return EXAMPLE_NOTICE if edition.edition.item.example else None
