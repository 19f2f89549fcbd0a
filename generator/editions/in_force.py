"""Which cited documents are in force on a given day.

Guidance such as KCSIE is published "for information" months before it applies; until its
``in_force_from`` date the edition it replaces stays current. A source is:

- ``upcoming`` before its own ``in_force_from`` date;
- ``superseded`` once the source named by its ``superseded_by`` is in force;
- ``in force`` otherwise (including a source whose successor is still upcoming).

Pure: the day is an argument, so a build on another day (``SAFEGUIDE_TODAY``) moves every
citation by itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from generator.models import Source

State = Literal["upcoming", "in force", "superseded"]


@dataclass(frozen=True)
class SourceStatus:
    """A source's standing on one day, and the successor that matters to readers."""

    state: State
    in_force_from: datetime.date | None
    successor: Source | None = None
    """The source that replaces this one, when it is upcoming or in force."""

    @property
    def successor_upcoming(self) -> bool:
        """True while this source is current but its successor is published ahead."""
        return self.state == "in force" and self.successor is not None


def _in_force(source: Source, day: datetime.date) -> bool:
    return source.in_force_from is None or source.in_force_from <= day


def source_status(
    sources: Mapping[str, Source], source_id: str, day: datetime.date
) -> SourceStatus:
    """The standing of ``source_id`` on ``day`` (an unknown successor is ignored: the
    reference check reports it)."""
    source = sources[source_id]
    if not _in_force(source, day):
        return SourceStatus("upcoming", source.in_force_from)
    successor = sources.get(source.superseded_by) if source.superseded_by else None
    if successor is None:
        return SourceStatus("in force", source.in_force_from)
    if _in_force(successor, day):
        return SourceStatus("superseded", source.in_force_from, successor)
    return SourceStatus("in force", source.in_force_from, successor)
