"""Search on the built site: contacts found by name, role and number; safeguide's weights
and exclusions on the index every engine writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.render.search_index import PAGE_WEIGHT
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


def _entries(index_file: Path, key: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads(index_file.read_text(encoding="utf-8"))[key]
    return entries


def test_material_index_weighs_pages_and_leaves_sign_off_tables_out(tmp_path: Path) -> None:
    out = tmp_path / "national"
    build_edition(Layout(REPO), "national", out)
    docs = _entries(out / "search" / "search_index.json", "docs")
    boost = {str(d["location"]): d.get("boost") for d in docs}
    assert boost["contacts.html#contact-nspcc-helpline"] == 3
    assert boost["guidance/radicalisation-and-prevent.html"] == 2 * PAGE_WEIGHT
    assert boost["flowcharts/when-to-call-the-police.html"] == 2 * PAGE_WEIGHT
    assert boost["flowcharts/when-to-call-the-police.html#when-to-call-the-police-call-999"] == 2
    assert boost["scenarios/a-post-on-sunday-night.html"] == 0.5 * PAGE_WEIGHT
    assert boost["index.html"] is None
    pages = {location.split("#")[0] for location in boost}
    assert not [p for p in pages if p.endswith("-routes.html") or p == "whats-new.html"]
    (nspcc,) = [d for d in docs if d["location"] == "contacts.html#contact-nspcc-helpline"]
    assert nspcc["tags"] == ["0808 800 5000"]
    assert (out / "flowcharts" / "when-to-call-the-police-routes.html").is_file()


def test_zensical_index_puts_contacts_first_and_leaves_sign_off_tables_out(
    zensical_national: Path,
) -> None:
    items = _entries(zensical_national / "search.json", "items")
    pages = [str(i["location"]).split("#")[0] for i in items]
    assert pages[0] == "contacts.html"
    (nspcc,) = [i for i in items if i["location"] == "contacts.html#contact-nspcc-helpline"]
    assert nspcc["title"] == "0808 800 5000 · NSPCC Helpline"
    assert pages.index("flowcharts/when-to-call-the-police.html") < pages.index("index.html")
    assert pages.index("index.html") < pages.index("scenarios/a-post-on-sunday-night.html")
    assert not [p for p in pages if p.endswith("-routes.html") or p == "whats-new.html"]
    script = (zensical_national / "search.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("var __index = ").removesuffix(";"))["items"] == items
