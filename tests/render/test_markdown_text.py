"""Plain text placed into Markdown renders exactly as written."""

from __future__ import annotations

import markdown
import pytest

from generator.render.markdown_text import attribute, indent, inline


def rendered(text: str) -> str:
    return markdown.markdown(inline(text), extensions=["tables", "admonition"])


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Call *now* & wait", "<p>Call *now* &amp; wait</p>"),
        ("a < b > c", "<p>a &lt; b &gt; c</p>"),
        ("[link](http://x)", "<p>[link](http://x)</p>"),
        ("# not a heading", "<p># not a heading</p>"),
        ("- not a list", "<p>- not a list</p>"),
        ("1. not a list", "<p>1. not a list</p>"),
        ("under_scores_here", "<p>under_scores_here</p>"),
        ("back\\slash `code`", "<p>back\\slash `code`</p>"),
        ("two\n  lines", "<p>two lines</p>"),
    ],
)
def test_inline_text_renders_literally(text: str, html: str) -> None:
    assert rendered(text) == html


def test_attribute_escapes_quotes() -> None:
    assert attribute('say "hi" <now>') == "say &quot;hi&quot; &lt;now&gt;"


def test_indent_indents_every_line_but_blank_ones() -> None:
    assert indent("one\n\ntwo\nthree") == "    one\n\n    two\n    three"
