"""Rules every piece of content text must obey, shared by the models.

Rejected anywhere in text: control characters (Graphviz copies them into SVG
as invalid XML), bidirectional override characters (they disguise text), raw
HTML tags (pages are Markdown; HTML would bypass escaping), script URLs,
Markdown attribute lists (``{: onclick=...}`` would set HTML attributes, ``{#id}``
could clobber the page's own element ids) and Markdown links to anything but a web
page, an email address, a phone number or a page of this site (no ``data:``,
no protocol-relative ``//host``).
"""

from __future__ import annotations

import functools
import re

from pydantic_core import PydanticCustomError

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!|\?)")
_SCRIPT_URL = re.compile(r"(?:java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE)
_ATTRIBUTE_LIST = re.compile(r"\{\s*(?::|[#.][A-Za-z_]|[A-Za-z_][\w:.-]*\s*=)")
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?([^)>\s]*)"),  # [text](target) and ![alt](target)
    re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^>\s]+)", re.MULTILINE),  # [ref]: target
)
_SAFE_LINK = re.compile(r"^(?:https?://[^/\s]|mailto:|tel:|#|[^:/\\][^:]*$|$)", re.IGNORECASE)
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)
_URL = re.compile(r'^https?://[^\s/$.?#<>"{}|\\^`][^\s<>"{}|\\^`]*$', re.IGNORECASE)
"""http(s), a host, and none of the characters a URL never holds unencoded (RFC 3986)."""
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

MAX_ID_LENGTH = 64


def _excerpt(text: str, start: int, width: int = 20) -> str:
    return repr(text[start : start + width])


@functools.lru_cache(maxsize=8192)  # the same text is checked in every edition of a chain
def check_text(value: str) -> str:
    """Reject control characters, raw HTML and script URLs; return ``value`` unchanged."""
    if match := _CONTROL.search(value):
        raise PydanticCustomError(
            "control-character",
            "expected printable text, got control character U+{codepoint} at offset {offset}",
            {"codepoint": f"{ord(match.group()):04X}", "offset": match.start()},
        )
    if match := _RAW_HTML.search(value):
        raise PydanticCustomError(
            "raw-html",
            "expected text or Markdown without raw HTML, got {found}",
            {"found": _excerpt(value, match.start())},
        )
    if match := _SCRIPT_URL.search(value):
        raise PydanticCustomError(
            "script-url",
            "expected no script URL, got {found}",
            {"found": _excerpt(value, match.start())},
        )
    if match := _ATTRIBUTE_LIST.search(value):
        raise PydanticCustomError(
            "attribute-list",
            "expected no Markdown attribute list (it sets HTML attributes), got {found}",
            {"found": _excerpt(value, match.start())},
        )
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(value):
            if not _SAFE_LINK.match(match.group(1)):
                raise PydanticCustomError(
                    "link-target",
                    "expected a link to an https:// or http:// address, mailto:, tel: or a "
                    "page of this site, got {found}",
                    {"found": repr(match.group(1))},
                )
    return value


def check_single_line(value: str) -> str:
    """Text that must fit on one line (titles, labels)."""
    check_text(value)
    if "\n" in value.strip():
        raise PydanticCustomError(
            "multi-line",
            "expected one line of text, got {lines} lines",
            {"lines": value.strip().count("\n") + 1},
        )
    return value.strip()


def check_id(value: str) -> str:
    """Ids are lowercase words joined by hyphens: ``front-door``."""
    if len(value) > MAX_ID_LENGTH or not _ID.match(value):
        raise PydanticCustomError(
            "invalid-id",
            "expected an id of lowercase letters, digits and single hyphens "
            "(at most {limit} characters), got {found}",
            {"limit": MAX_ID_LENGTH, "found": repr(value)},
        )
    return value


def check_url(value: str) -> str:
    """An absolute http(s) URL."""
    check_text(value)
    if not _URL.match(value):
        raise PydanticCustomError(
            "invalid-url",
            "expected an http:// or https:// address, got {found}",
            {"found": repr(value)},
        )
    return value


def check_email(value: str) -> str:
    """An email address of a plain, conventional form."""
    check_text(value)
    if not _EMAIL.match(value):
        raise PydanticCustomError(
            "invalid-email",
            "expected an email address like name@example.org, got {found}",
            {"found": repr(value)},
        )
    return value


def check_colour(value: str) -> str:
    """A ``#rrggbb`` colour."""
    if not _COLOUR.match(value):
        raise PydanticCustomError(
            "invalid-colour", "expected a colour like #1f4e79, got {found}", {"found": repr(value)}
        )
    return value
