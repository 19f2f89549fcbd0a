"""contacts.csv and contacts.vcf, parsed back: Excel-safe CSV and RFC 6350 vCards."""

from __future__ import annotations

import csv
import io
import re

import pytest

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.models import Contact
from generator.render.contact_exports import (
    CSV_HEADER,
    contact_vcard,
    contacts_csv,
    contacts_vcf,
)
from tests.conftest import REPO

# RFC 6350 section 3.3: name *(";" param) ":" value, after unfolding.
CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=[^;:]+)*:.*$")


@pytest.fixture(scope="module")
def essex() -> ResolvedEdition:
    checked = check_edition(Layout(REPO), "essex")
    assert checked.edition is not None
    return checked.edition


def unfold(text: str) -> list[str]:
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_csv_has_a_bom_a_header_and_one_quoted_row_per_contact(essex: ResolvedEdition) -> None:
    text = contacts_csv(essex)
    assert text.startswith('\ufeff"Name",')
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) - 1 == len(essex.content.contacts)
    by_name = {row[0]: row for row in rows[1:]}
    hub = by_name["Essex Children and Families Hub (Priority Line)"]
    assert hub[1] == "0345 603 7627"
    shout = by_name["Shout text service"]
    assert shout[2] == "85258"
    assert all(line.startswith('"') for line in text.removeprefix("\ufeff").splitlines())


def test_every_vcard_line_is_a_valid_content_line_of_at_most_75_octets(
    essex: ResolvedEdition,
) -> None:
    text = contacts_vcf(essex)
    for physical in text.split("\r\n")[:-1]:
        assert len(physical.encode("utf-8")) <= 75, physical
    lines = unfold(text)
    assert lines.count("BEGIN:VCARD") == len(essex.content.contacts) == lines.count("END:VCARD")
    assert lines.count("VERSION:4.0") == len(essex.content.contacts)
    for line in lines:
        assert CONTENT_LINE.match(line), line


def test_vcard_numbers_are_tel_uris_and_text_is_escaped(essex: ResolvedEdition) -> None:
    hub = essex.content.contacts["essex-children-and-families-hub"].item
    lines = unfold(contact_vcard(hub))
    assert "TEL;VALUE=uri;TYPE=voice:tel:+443456037627" in lines
    assert "FN:Essex Children and Families Hub (Priority Line)" in lines
    note = next(line for line in lines if line.startswith("NOTE:"))
    assert "\\," in note  # commas escaped
    police = essex.content.contacts["police-999"].item
    assert "TEL;VALUE=uri;TYPE=voice:tel:999" in unfold(contact_vcard(police))


def test_long_unicode_values_fold_without_splitting_a_character() -> None:
    contact = Contact.model_validate(
        {
            "id": "long",
            "name": "Service " + "é" * 60,
            "channels": [{"type": "phone", "value": "0800 1111"}],
            "when_to_use": "When needed; always, and with care.",
            "urgency": "support",
            "area": "UK",
            "source": {"source": "kcsie-2025", "where": "Part 1"},
            "verified": "2026-11-25",
        }
    )
    text = contact_vcard(contact)
    assert text.encode("utf-8").decode("utf-8") == text
    assert "FN:Service " + "é" * 60 in unfold(text)
    assert "NOTE:When needed\\; always\\, and with care." in unfold(text)
