"""safeguide's search weights on an engine's finished index, Material's and Zensical's."""

from __future__ import annotations

import json
import re

import pytest

from generator.render.pages import Page
from generator.render.search_index import (
    MATERIAL_SEPARATOR,
    PAGE_WEIGHT,
    SearchSetting,
    index_file_with_search_settings,
    phone_numbers,
    search_setting,
    with_search_settings,
)


def _entry(location: str, **more: object) -> dict[str, object]:
    return {"location": location, "title": location, "text": "", **more}


MATERIAL = {
    "config": {"lang": ["en"]},
    "docs": [
        _entry("index.html"),
        _entry("scenarios/playground.html"),
        _entry("flowcharts/police.html"),
        _entry("flowcharts/police.html#police-call-999"),
        _entry("flowcharts/police-routes.html"),
        _entry("whats-new.html#2026-11-30"),
        _entry("contacts.html#contact-lado"),
        _entry("guidance/responding.html"),
    ],
}
ZENSICAL = {"config": {"lang": ["en"]}, "items": MATERIAL["docs"]}


def test_every_generated_page_has_the_setting_of_its_kind(pages: dict[str, Page]) -> None:
    settings = {uri: search_setting(uri.removesuffix(".md") + ".html") for uri in pages}
    assert settings == {
        "index.md": SearchSetting(),
        "guidance/responding.md": SearchSetting(boost=2),
        "flowcharts/police.md": SearchSetting(boost=2),
        "flowcharts/police-routes.md": SearchSetting(exclude=True),
        "contacts.md": SearchSetting(boost=3),
        "scenarios/index.md": SearchSetting(),
        "scenarios/playground.md": SearchSetting(boost=0.5),
        "whats-new.md": SearchSetting(exclude=True),
    }


def test_a_page_outside_the_rules_is_left_alone() -> None:
    assert search_setting("scenarios/handouts/playground.html") == SearchSetting()
    assert search_setting("print/whole-edition.html#part-2") == SearchSetting()


def test_material_index_gets_a_boost_per_entry_and_loses_excluded_pages() -> None:
    docs = with_search_settings(MATERIAL)["docs"]
    assert [(d["location"], d.get("boost")) for d in docs] == [
        ("index.html", None),
        ("scenarios/playground.html", 0.5 * PAGE_WEIGHT),  # a page's own entry
        ("flowcharts/police.html", 2 * PAGE_WEIGHT),
        ("flowcharts/police.html#police-call-999", 2),  # a heading (a step) of it
        ("contacts.html#contact-lado", 3),
        ("guidance/responding.html", 2 * PAGE_WEIGHT),
    ]


def test_zensical_index_puts_weighted_pages_first_and_pages_before_their_headings() -> None:
    items = with_search_settings(ZENSICAL)["items"]
    assert [i["location"] for i in items] == [
        "contacts.html#contact-lado",
        "flowcharts/police.html",  # pages' own entries before their headings
        "guidance/responding.html",
        "flowcharts/police.html#police-call-999",
        "index.html",
        "scenarios/playground.html",
    ]
    assert all("boost" not in i for i in items)


@pytest.mark.parametrize("index", [MATERIAL, ZENSICAL], ids=["material", "zensical"])
@pytest.mark.parametrize("script", [("", ""), ("var __index = ", ""), ("var __index = ", ";")])
def test_the_file_step_is_idempotent_in_json_and_script_form(
    index: dict[str, object], script: tuple[str, str]
) -> None:
    prefix, suffix = script
    text = prefix + json.dumps(index, separators=(",", ":")) + suffix
    once = index_file_with_search_settings(text)
    assert once != text
    assert once.startswith(prefix) and once.endswith(suffix)
    assert json.loads(once.removeprefix(prefix).removesuffix(suffix)) == with_search_settings(index)
    assert index_file_with_search_settings(once) == once


def test_an_index_of_another_shape_is_left_as_it_is() -> None:
    assert with_search_settings({"entries": []}) == {"entries": []}
    assert index_file_with_search_settings("[1, 2]") == "[1, 2]"


CARD = (
    "<p>When to use: worried about a child.</p> <ul> <li>Phone: 0808 800 5000 · Any time"
    "</li> <li>Phone (out of hours): (01632) 960123</li> <li>Text SHOUT to: 85258</li> "
    "<li>Email: help@example.org</li> <li>For staff; area: England. Source: Guidance "
    "(Department for Education, 2026), paragraph 101; details checked 24 November 2026.</li>"
    "</ul>"
)


def test_phone_numbers_are_found_as_written_once_each_in_order() -> None:
    assert phone_numbers("0808 800 5000 · 0345 603 7627 (24 hours) · 999 101 · 0808 8005000") == [
        ("0808 800 5000", "08088005000"),
        ("0345 603 7627", "03456037627"),
        ("999", "999"),
        ("101", "101"),
    ]
    assert phone_numbers("(01245) 123456, 116 123, 020 7946 0018") == [
        ("(01245) 123456", "01245123456"),
        ("116 123", "116123"),
        ("020 7946 0018", "02079460018"),
    ]
    assert phone_numbers("2026, 24 November, 8:00 am, page 12") == []


def test_a_contact_card_carries_its_numbers_as_tags_on_material() -> None:
    card = {**_entry("contacts.html#contact-nspcc-helpline", text=CARD), "title": "NSPCC"}
    (entry,) = with_search_settings({"docs": [card]})["docs"]
    assert entry["title"] == "NSPCC"
    assert entry["tags"] == ["0808 800 5000", "(01632) 960123", "85258"]  # outweigh titles
    assert entry["text"].endswith("<p>Also written 08088005000, 01632960123, 01632 960123</p>")
    assert "101" not in entry["tags"]  # a paragraph number in the source line is no number
    assert with_search_settings({"docs": [entry]})["docs"] == [entry]


def test_a_contact_card_carries_its_numbers_in_its_title_on_zensical() -> None:
    card = {**_entry("contacts.html#contact-nspcc-helpline", text=CARD), "title": "NSPCC"}
    (entry,) = with_search_settings({"items": [card]})["items"]
    assert entry["title"] == "0808 800 5000, (01632) 960123, 85258 · NSPCC"
    assert entry["text"].endswith("<p>Also written 08088005000, 01632960123, 01632 960123</p>")
    assert "tags" not in entry
    assert with_search_settings({"items": [entry]})["items"] == [entry]


def test_material_splits_words_at_punctuation_as_zensical_does() -> None:
    config = with_search_settings(MATERIAL)["config"]
    assert config == {"lang": ["en"], "separator": MATERIAL_SEPARATOR}
    words = re.split(MATERIAL_SEPARATOR, "Female genital mutilation (FGM): 0.5 (01632) 960123")
    assert [w for w in words if w] == [
        "Female",
        "genital",
        "mutilation",
        "FGM",
        "0.5",
        "01632",
        "960123",
    ]


def test_numbers_are_added_to_contact_cards_only() -> None:
    section = _entry("guidance/helplines.html#nspcc", text=CARD)
    assert with_search_settings({"items": [section]})["items"] == [section]


def test_a_charts_entry_keeps_its_opening_line_not_the_charts_words() -> None:
    chart = _entry(
        "flowcharts/police.html#police-flowchart",
        text="<p>Each box links to its step below.</p> Do we need the police? 1. Is a child "
        "in danger? 2. Call 999 now " * 40,
    )
    step = _entry("flowcharts/police.html#police-call-999", text="<p>Call 999.</p> <p>More</p>")
    for key in ("docs", "items"):
        entries = with_search_settings({key: [chart, step]})[key]
        texts = {e["location"]: e["text"] for e in entries}
        assert texts["flowcharts/police.html#police-flowchart"] == (
            "<p>Each box links to its step below.</p>"
        )
        assert texts["flowcharts/police.html#police-call-999"] == step["text"]
