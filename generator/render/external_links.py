"""Links that leave the site get ``rel="noopener noreferrer"``. Pure: HTML in, HTML out.

The opened page then cannot reach back into this one (``window.opener``) and is not told
which page of the guidance the reader came from.
"""

from __future__ import annotations

import re

REL = "noopener noreferrer"
_EXTERNAL_ANCHOR = re.compile(r"<a\s[^>]*?href=\"(?:https?:)?//[^\"]*\"[^>]*>", re.IGNORECASE)
_REL = re.compile(r"\srel=\"([^\"]*)\"", re.IGNORECASE)


def _with_rel(tag: str) -> str:
    found = _REL.search(tag)
    if found is None:
        return tag[:-1] + f' rel="{REL}">'
    words = found.group(1).split()
    words += [word for word in REL.split() if word not in words]
    return tag[: found.start()] + f' rel="{" ".join(words)}"' + tag[found.end() :]


def with_safe_external_links(page: str) -> str:
    """Every ``<a href="http(s)://...">`` (or ``//...``) carries noopener and noreferrer."""
    return _EXTERNAL_ANCHOR.sub(lambda match: _with_rel(match.group(0)), page)
