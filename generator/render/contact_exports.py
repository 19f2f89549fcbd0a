"""contacts.csv (for Excel) and contacts.vcf (vCard 4.0, for phones). Pure.

Both list the entries of contacts.json's "contacts" (declared gaps are not contacts).
"""

from __future__ import annotations

import csv
import io

from generator.editions.resolve import ResolvedEdition
from generator.models import Contact
from generator.models.channel_display import channel_view

CSV_FILE = "contacts.csv"
VCARD_FILE = "contacts.vcf"
CSV_HEADER = (
    "Name",
    "Phone",
    "Text",
    "Email",
    "Website",
    "Hours",
    "Out of hours",
    "When to use",
    "Urgency",
    "Area",
    "Roles",
    "Source",
    "Checked",
)
UTF8_BOM = "\ufeff"


def _contacts(edition: ResolvedEdition) -> list[Contact]:
    return [located.item for _, located in sorted(edition.content.contacts.items())]


def _all(contact: Contact, *types: str) -> list[str]:
    return [channel_view(c).text for c in contact.channels if c.type in types]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def contacts_csv(edition: ResolvedEdition) -> str:
    """Every contact as CSV: UTF-8 with a BOM so Excel reads it, every field quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for contact in _contacts(edition):
        night = edition.resolve_contact(contact.out_of_hours) if contact.out_of_hours else None
        writer.writerow(
            [
                contact.name,
                "; ".join(_all(contact, "phone", "relay")),
                "; ".join(_all(contact, "text")),
                "; ".join(_all(contact, "email")),
                "; ".join(_all(contact, "web", "form", "chat")),
                contact.hours or "",
                night.name if isinstance(night, Contact) else "",
                _one_line(contact.when_to_use),
                contact.urgency,
                contact.area,
                ", ".join(contact.fulfils),
                f"{contact.source.source}: {contact.source.where}",
                contact.verified.isoformat(),
            ]
        )
    return UTF8_BOM + out.getvalue()


def _escape(value: str) -> str:
    """A vCard text value (RFC 6350 section 3.4): backslash, comma, semicolon, newline."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 6350 section 3.2), never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        limit = 75 if not parts else 74
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def contact_vcard(contact: Contact) -> str:
    """One vCard 4.0 for ``contact``: FN, ORG, TEL (tel: URIs), EMAIL, URL, NOTE."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{_escape(contact.name)}", "KIND:org"]
    lines.append(f"ORG:{_escape(contact.name)}")
    for channel in contact.channels:
        view = channel_view(channel)
        if channel.type in ("phone", "relay"):
            lines.append(f"TEL;VALUE=uri;TYPE=voice:{view.href}")
        elif channel.type == "text":
            tel = (view.href or "").replace("sms:", "tel:", 1)
            lines.append(f"TEL;VALUE=uri;TYPE=text:{tel}")
        elif channel.type == "email":
            lines.append(f"EMAIL:{channel.value}")
        elif channel.type in ("web", "form", "chat"):
            lines.append(f"URL:{channel.value}")
    note = _one_line(contact.when_to_use)
    if contact.hours:
        note += f" Hours: {contact.hours}."
    lines.append(f"NOTE:{_escape(note)}")
    lines.append(f"UID:urn:safeguide:contact:{contact.id}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def contacts_vcf(edition: ResolvedEdition) -> str:
    """Every contact as vCard 4.0, one card each."""
    return "".join(contact_vcard(contact) for contact in _contacts(edition))
