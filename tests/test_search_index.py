"""Contacts are found by Material's offline search: by name, role and number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.site.build import build_edition
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def test_search_index_finds_contacts_by_name_role_and_number(tmp_path: Path) -> None:
    out = tmp_path / "essex"
    build_edition(Layout(REPO), "essex", out)
    docs = json.loads((out / "search" / "search_index.json").read_text())["docs"]

    def locations(term: str) -> set[str]:
        return {
            d["location"] for d in docs if term.lower() in (d["title"] + " " + d["text"]).lower()
        }

    assert "contacts.html#contact-essex-lado" in locations("LADO")
    assert "contacts.html#contact-childline" in locations("Childline")
    assert "contacts.html#contact-essex-children-and-families-hub" in locations("front door") | (
        locations("0345 603 7627")
    )
    assert "contacts.html#contact-essex-children-and-families-hub" in locations("0345 603 7627")
    assert "contacts.html#contact-nspcc-helpline" in locations("0808 800 5000")
