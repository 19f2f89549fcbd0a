"""The one-page "who to call" card of an edition: A4, large type, black and white. Pure."""

from __future__ import annotations

from generator.editions.resolve import Gap, ResolvedEdition
from generator.models import Contact
from generator.models.channel_display import channel_view
from generator.render.example_notice import example_notice
from generator.render.print_edition import stamp
from generator.render.template_cache import html_environment

CARD_FILE = "who-to-call.html"
CARD_PDF = "who-to-call.pdf"
CARD_ROLES = (
    "police-emergency",
    "childrens-social-care-front-door",
    "childrens-social-care-urgent",
    "childrens-social-care-out-of-hours",
    "designated-safeguarding-lead",
    "police-non-emergency",
    "lado",
    "early-help",
)
"""The roles on the card, in order; then the national helplines below."""
CARD_CONTACTS = ("nspcc-helpline", "childline")

_ENVIRONMENT = html_environment()


def _first_dialable(contact: Contact) -> tuple[str, str] | None:
    """The first number to dial or text, else the first email address."""
    for types in (("phone", "relay", "text"), ("email",)):
        for channel in contact.channels:
            if channel.type in types:
                view = channel_view(channel)
                prefix = "Text " if channel.type == "text" else ""
                return f"{prefix}{view.text}", view.href or ""
    return None


def _how(contact: Contact) -> str:
    """The contact's name, and the label of its first channel when it says what to ask for."""
    label = contact.channels[0].label
    return f"{contact.name} ({label})" if label else contact.name


def card_rows(edition: ResolvedEdition) -> list[dict[str, str | bool | None]]:
    """The card's rows: each role or helpline with its number, or a declared gap."""
    rows: list[dict[str, str | bool | None]] = []
    refs = edition.distinct_roles(CARD_ROLES)
    refs += [c for c in CARD_CONTACTS if c in edition.content.contacts]
    for ref in refs:
        resolved = edition.resolve_contact(ref)
        role = edition.content.roles.get(ref)
        label = (
            role.item.name if role else (resolved.name if isinstance(resolved, Contact) else ref)
        )
        if isinstance(resolved, Contact):
            dial = _first_dialable(resolved)
            night = (
                edition.resolve_contact(resolved.out_of_hours) if resolved.out_of_hours else None
            )
            night_dial = _first_dialable(night) if isinstance(night, Contact) else None
            rows.append(
                {
                    "role": label,
                    "number": dial[0] if dial else None,
                    "href": dial[1] if dial else None,
                    "who": _how(resolved),
                    "hours": resolved.hours,
                    "out_of_hours": night_dial[0] if night_dial else None,
                    "gap": False,
                }
            )
        else:
            rows.append(
                {
                    "role": label,
                    "number": None,
                    "href": None,
                    "who": None,
                    "hours": None,
                    "out_of_hours": None,
                    "gap": isinstance(resolved, Gap) or resolved is None,
                }
            )
    return rows


def card_html(edition: ResolvedEdition, generated: str, version: str = "") -> str:
    """The standalone HTML card (also the source of the PDF), stamped with its version."""
    settings = edition.edition.item
    return _ENVIRONMENT.get_template("card.html.j2").render(
        name=settings.name,
        authority=settings.authority,
        rows=card_rows(edition),
        stamp=stamp(edition, version, generated),
        example_notice=example_notice(edition),
    )
