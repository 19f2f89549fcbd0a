"""Every published number of every shipped edition, typed as published and without
spaces, finds its contact card first in the built site's search (real Chromium, from
file://)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import LOCAL_EDITIONS
from tests.browser.engine import search, search_again

pytestmark = pytest.mark.browser
DIALLED = ("phone", "text")


def published_numbers(site: Path) -> list[str]:
    """The numbers the edition's contacts page shows, from its contacts.json export."""
    contacts = json.loads((site / "contacts.json").read_text(encoding="utf-8"))["contacts"]
    shown = [ch["display"] for c in contacts for ch in c["channels"] if ch["type"] in DIALLED]
    return list(dict.fromkeys(shown))


@pytest.mark.parametrize("edition_id", ["national", *LOCAL_EDITIONS])
def test_each_number_in_either_form_finds_its_contact_first(
    browser: Browser, edition_site: Path
) -> None:
    numbers = published_numbers(edition_site)
    assert len(numbers) >= 10
    page = browser.new_page()
    page.goto((edition_site / "index.html").as_uri())
    assert search(page, "contacts")
    wrong = []
    for number in numbers:
        for form in dict.fromkeys([number, re.sub(r"\D", "", number)]):
            found = search_again(page, form)
            if not found[0].endswith("/contacts.html"):
                wrong.append((form, found[:2]))
    page.close()
    assert wrong == []
