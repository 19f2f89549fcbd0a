"""Property-based tests (hypothesis) over the text rules and models that guard every
content field: whatever text arrives, the rules either accept it or refuse it with their
own error (never crash), and nothing they accept can carry script into a page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from generator.models import Citation, Contact
from generator.models.phones import PhoneError, parse_phone
from generator.models.text_rules import check_id, check_text
from generator.render.markdown_text import ALLOWED_TAGS, block, inline

# Text made mostly of the characters that matter for injection, plus anything else.
HOSTILE_PIECES = [
    "<",
    ">",
    "/",
    "script",
    "img",
    " onerror=",
    "on",
    "=",
    '"',
    "'",
    "javascript:",
    "data:",
    "&#106;",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ":",
    "#",
    ".",
    "!",
    "*",
    "`",
    "\n",
    " ",
    "//",
    "http://",
    "https://x.org",
    "mailto:",
    "<!--",
    "-->",
    "\\",
    "\t",
    "\u202e",
    "\x00",
    "é",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=3)), max_size=25
).map("".join)
SAFE_TAGS = {"div", *ALLOWED_TAGS}
SAFE_HREF = re.compile(r"^(?:https?://|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)


class _Elements(HTMLParser):
    """Every element and attribute in a fragment, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _unsafe(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    problems = []
    for tag, attributes in parser.found:
        if tag not in SAFE_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attributes:
            if name.startswith("on") or name not in {"class", "href", "title", "rel", "style"}:
                problems.append(f"{tag} {name}=")
            if name == "href" and not SAFE_HREF.match(value or ""):
                problems.append(f"href={value}")
    return problems


@settings(max_examples=400, deadline=None)
@given(hostile_text)
@example("[x](javascript:alert(1))")
@example("<img src=x onerror=alert(1)>")
@example('Text\n{: onclick="alert(1)" }')
def test_text_is_accepted_or_refused_never_crashes_and_accepted_text_is_inert(text: str) -> None:
    try:
        check_text(text)
    except PydanticCustomError:
        return
    html = block(text) if text.strip() else ""
    assert not _unsafe(html), (text, html)
    assert "<" not in inline(text).replace("&lt;", "")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_an_accepted_id_is_safe_in_a_path_a_dot_file_and_an_html_id(value: str) -> None:
    try:
        check_id(value)
    except PydanticCustomError:
        return
    assert re.fullmatch(r"[a-z0-9-]{1,64}", value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 +()-", max_size=20))
def test_a_phone_number_is_parsed_or_refused_and_its_link_is_only_digits(raw: str) -> None:
    try:
        phone = parse_phone(raw)
    except PhoneError:
        return
    assert re.fullmatch(r"tel:\+?[0-9]+", phone.tel)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["source", "where", "page", "paragraph", "note"]),
        st.one_of(st.text(max_size=20), st.integers(), st.none(), st.lists(st.text(max_size=3))),
        max_size=4,
    )
)
def test_a_model_refuses_with_a_validation_error_never_anything_else(
    data: dict[str, object],
) -> None:
    try:
        Citation.model_validate(data)
    except ValidationError:
        return
    assert set(data) == {"source", "where"}  # extra keys are always refused


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["web", "email", "phone", "text", "form", "chat"]), hostile_text)
def test_a_contact_channel_holds_only_a_safe_value(kind: str, value: str) -> None:
    data = {
        "id": "c",
        "name": "A contact",
        "channels": [{"type": kind, "value": value}],
        "when_to_use": "When needed.",
        "urgency": "support",
        "area": "UK",
        "source": {"source": "kcsie-2025", "where": "Part 1"},
        "verified": "2026-11-24",
    }
    try:
        contact = Contact.model_validate(data)
    except ValidationError:
        return
    stored = contact.channels[0].value
    # A script scheme is a danger where the value starts (it becomes an href); inside a URL
    # ("http://data:" is the host "data") or in text it is only words.
    assert not re.search(r"^\s*(javascript|data|vbscript):", stored, re.IGNORECASE)
    assert not re.search(r"<|\son[a-z]+=", stored, re.IGNORECASE)
    if kind == "web":
        assert re.match(r"https?://", stored)


def test_the_inspector_itself_sees_script_handlers_and_script_links() -> None:
    assert _unsafe("<script>alert(1)</script>") == ["<script>"]
    assert _unsafe('<p onclick="alert(1)">x</p>') == ["p onclick="]
    assert _unsafe('<a href="javascript:alert(1)">x</a>') == ["href=javascript:alert(1)"]
    assert _unsafe('<a href="https://x.org" rel="noopener noreferrer">x</a>') == []
