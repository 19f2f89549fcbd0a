"""The national edition, checked once for all the per-tree tests."""

from __future__ import annotations

import pytest

from generator.editions.resolve import ResolvedEdition
from tests.trees.routes import checked_edition


@pytest.fixture(scope="session")
def national() -> ResolvedEdition:
    """The national edition, resolved and checked with no errors."""
    return checked_edition("national")
