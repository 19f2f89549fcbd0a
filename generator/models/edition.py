"""An edition's settings (site_config/editions/<id>/edition.yaml)."""

from __future__ import annotations

import datetime

from pydantic import Field

from generator.models.common import Colour, ContentModel, Id, Line, Text


class Branding(ContentModel):
    """Colours and banner text of an edition."""

    primary_colour: Colour | None = None
    accent_colour: Colour | None = None


class Edition(ContentModel):
    """Name, authority, base and role bindings of one published edition."""

    id: Id
    name: Line
    authority: Line
    base: Id | None = Field(default=None, description="Edition this one builds on.")
    review_by: datetime.date | None = None
    banner: Text | None = Field(default=None, description="Emergency banner shown on every page.")
    branding: Branding = Field(default_factory=Branding)
    bindings: dict[Id, Id] = Field(
        default_factory=dict, description="Role id -> contact id that fills it in this edition."
    )
    gaps: dict[Id, Text] = Field(
        default_factory=dict,
        description="Role id -> note, for roles whose contact the sources do not publish.",
    )
