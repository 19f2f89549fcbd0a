"""An edition's settings (site_config/editions/<id>/edition.yaml)."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from generator.models.common import Colour, ContentModel, Id, Line, Text, Url

LogoPath = Annotated[str, StringConstraints(pattern=r"^assets/[A-Za-z0-9_-]+\.(svg|png)$")]


class Branding(ContentModel):
    """Colours and logo of an edition, applied to its site, print and JSON exports."""

    primary_colour: Colour | None = None
    accent_colour: Colour | None = None
    logo: LogoPath | None = Field(
        default=None,
        description="An SVG or PNG in the edition folder's assets/, e.g. assets/logo.svg.",
    )


class Edition(ContentModel):
    """Name, authority, base and role bindings of one published edition."""

    id: Id
    name: Line
    authority: Line
    base: Id | None = Field(default=None, description="Edition this one builds on.")
    review_by: datetime.date | None = None
    banner: Text | None = Field(default=None, description="Emergency banner shown on every page.")
    site_url: Url | None = Field(
        default=None,
        description="Where the edition is published; printouts point readers to it.",
    )
    branding: Branding = Field(default_factory=Branding)
    bindings: dict[Id, Id] = Field(
        default_factory=dict, description="Role id -> contact id that fills it in this edition."
    )
    banner_roles: list[Id] = Field(
        default_factory=lambda: [
            "police-emergency",
            "childrens-social-care-front-door",
            "childrens-social-care-urgent",
            "childrens-social-care-out-of-hours",
        ],
        description="Roles whose numbers the emergency banner shows on every page, in order.",
    )
    flag_changes_days: int = Field(
        default=30,
        ge=0,
        description="Pages that changed are flagged at their top for this many days.",
    )
    gaps: dict[Id, Text] = Field(
        default_factory=dict,
        description="Role id -> note, for roles whose contact the sources do not publish.",
    )
    example: bool = Field(
        default=False,
        description=(
            "A fictional edition for training or testing: Ofcom's drama-range numbers are"
            " accepted only here, and every page says 'Example edition: fictional details'."
        ),
    )
