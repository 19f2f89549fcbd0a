"""The contact directory and the roles editions fill (content/contacts.yaml)."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from generator.models.common import Citation, ContentModel, Id, Line, Text
from generator.models.phones import PhoneError, parse_phone
from generator.models.text_rules import check_email, check_text, check_url

ChannelType = Literal["phone", "text", "relay", "email", "web", "form", "chat", "address"]
Urgency = Literal["emergency", "same-day", "advice", "support"]
Topic = Literal["online-safety", "staff-allegations"]
ContactAudience = Literal["staff", "children", "parents"]
STAFF_ONLY: tuple[ContactAudience, ...] = ("staff",)
PHONE_CHANNELS = ("phone", "text", "relay")
URL_CHANNELS = ("web", "form", "chat")


class Channel(ContentModel):
    """One way to reach a contact: a number, an address, a web form..."""

    type: ChannelType
    value: str = Field(min_length=1, description="The number, address or URL, as published.")
    label: Line | None = Field(default=None, description="e.g. 'Out of hours' or 'Textphone'.")

    @field_validator("value", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("value")
    @classmethod
    def _value_fits_type(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("type")
        check_text(value)
        if kind in PHONE_CHANNELS:
            try:
                parse_phone(value)
            except PhoneError as exc:
                raise PydanticCustomError("invalid-phone", str(exc)) from None
        elif kind == "email":
            check_email(value)
        elif kind in URL_CHANNELS:
            check_url(value)
        return value


class Contact(ContentModel):
    """A service or role staff can contact, with when and how."""

    id: Id
    name: Line = Field(description="A service or role; never a private individual.")
    description: Text | None = None
    channels: list[Channel] = Field(min_length=1)
    hours: Line | None = Field(default=None, description="e.g. 'Monday to Friday, 9am to 5pm'.")
    out_of_hours: Id | None = Field(
        default=None, description="Contact or role id to use when this one is closed."
    )
    when_to_use: Text
    urgency: Urgency
    topic: Topic | None = Field(
        default=None,
        description="Lists the contact under Online safety or Staff allegations in the directory.",
    )
    audiences: list[ContactAudience] = Field(
        default_factory=lambda: list(STAFF_ONLY),
        min_length=1,
        description="Who may use it: staff, children, parents (the directory filters by these).",
    )
    area: Line = Field(description="Where it serves, e.g. 'England' or 'Essex'.")
    fulfils: list[Id] = Field(default_factory=list, description="Role ids this contact fills.")
    source: Citation
    verified: datetime.date = Field(description="When the details were last checked.")
    shares_number_with: list[Id] = Field(
        default_factory=list, description="Contacts that deliberately share a number with this one."
    )


class Role(ContentModel):
    """A slot such as ``lado`` that each edition binds to one of its contacts."""

    id: Id
    name: Line
    description: Text
    default: Id | None = Field(
        default=None,
        description="National contact that fills this role unless an edition binds it.",
    )


class ContactsFile(ContentModel):
    """Roles and contacts of one edition layer."""

    roles: list[Role] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
