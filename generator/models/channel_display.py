"""How a contact's channels are shown and linked: display text plus href (used by the
exports and every renderer, so it lives with the models it reads)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models import Channel, Contact
from generator.models.phones import parse_phone

CHANNEL_LABELS = {
    "phone": "Phone",
    "text": "Text",
    "relay": "Relay UK",
    "email": "Email",
    "web": "Website",
    "form": "Online form",
    "chat": "Chat",
    "address": "Address",
}


@dataclass(frozen=True)
class ChannelView:
    """One channel ready to show: a label, the text and a link (None for an address)."""

    label: str
    text: str
    href: str | None


def channel_view(channel: Channel) -> ChannelView:
    """Display text and link of one channel; phones as ``tel:`` links in UK format."""
    label = channel.label or CHANNEL_LABELS[channel.type]
    if channel.type in ("phone", "relay"):
        phone = parse_phone(channel.value)
        return ChannelView(label, phone.display, phone.tel)
    if channel.type == "text":
        phone = parse_phone(channel.value)
        return ChannelView(label, phone.display, phone.tel.replace("tel:", "sms:", 1))
    if channel.type == "email":
        return ChannelView(label, channel.value, f"mailto:{channel.value}")
    if channel.type == "address":
        return ChannelView(label, channel.value, None)
    return ChannelView(label, channel.value, channel.value)


def channel_views(contact: Contact) -> list[ChannelView]:
    """Every channel of ``contact`` ready to show."""
    return [channel_view(channel) for channel in contact.channels]


def first_of(contact: Contact, *types: str) -> str | None:
    """Display text of the contact's first channel of one of ``types``."""
    for channel in contact.channels:
        if channel.type in types:
            return channel_view(channel).text
    return None
