"""How each kind of contact channel is shown and linked."""

from __future__ import annotations

from generator.models import Channel, Contact
from generator.models.channel_display import ChannelView, channel_view, first_of


def test_phone_in_uk_format_with_tel_link() -> None:
    view = channel_view(Channel(type="phone", value="0345 603 7627"))
    assert view == ChannelView("Phone", "0345 603 7627", "tel:+443456037627")


def test_short_code_dialled_as_it_is() -> None:
    assert channel_view(Channel(type="phone", value="999")).href == "tel:999"


def test_text_number_links_to_sms() -> None:
    view = channel_view(Channel(type="text", value="85258", label="Text us"))
    assert view == ChannelView("Text us", "85258", "sms:85258")


def test_email_web_and_address() -> None:
    assert channel_view(Channel(type="email", value="hub@example.org")).href == (
        "mailto:hub@example.org"
    )
    assert channel_view(Channel(type="web", value="https://example.org/")).href == (
        "https://example.org/"
    )
    assert channel_view(Channel(type="address", value="1 High Street")).href is None


def test_first_of_picks_the_first_channel_of_the_types_asked() -> None:
    contact = Contact.model_validate(
        {
            "id": "hub",
            "name": "Front door",
            "channels": [
                {"type": "email", "value": "hub@example.org"},
                {"type": "phone", "value": "0345 603 7627"},
            ],
            "when_to_use": "To ask for help for a child.",
            "urgency": "same-day",
            "area": "England",
            "source": {"source": "kcsie-2025", "where": "Part one"},
            "verified": "2026-11-01",
        }
    )
    assert first_of(contact, "phone", "relay") == "0345 603 7627"
    assert first_of(contact, "chat") is None
