"""Plain text placed into Markdown renders exactly as written."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from generator.render.markdown_text import attribute, block, cached_block, indent, inline
from generator.text_cache import TextCache


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


def test_block_is_sanitised_html_even_if_validation_were_bypassed() -> None:
    """nh3 is the second guard: whatever reaches it, no script, handler or script URL leaves."""
    hostile = (
        "<script>alert(1)</script> **bold** <img src=x onerror=alert(2)>\n\n"
        "[click](javascript:alert(3)) [data](data:text/html,x) <a href=x onclick=alert(4)>a</a>"
        "\n\n<iframe src=https://evil.example></iframe><style>body{}</style>"
    )
    html = block(hostile)
    for gone in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:",
        "<iframe",
        "<style",
        "<img",
    ):
        assert gone not in html
    assert "<strong>bold</strong>" in html


def test_block_keeps_what_content_markdown_means() -> None:
    html = block(
        "Tell the **DSL**. See [KCSIE](https://www.gov.uk/x) or "
        "[step 2](../flowcharts/police.md#police-call-999).\n\n"
        "| Crime | Call |\n| :-- | --: |\n| Rape & assault | 999 |\n\n- one\n- two"
    )
    assert html.startswith('<div class="sg-text">') and html.endswith("</div>")
    assert '<a href="https://www.gov.uk/x" rel="noopener noreferrer">KCSIE</a>' in html
    assert 'href="../flowcharts/police.html#police-call-999"' in html  # page links to HTML
    assert '<td style="text-align:left">Rape &amp; assault</td>' in html
    assert "<li>one</li>" in html


def test_attribute_lists_are_not_a_markdown_feature_of_content() -> None:
    assert "<p onclick" not in block('Text\n{: onclick="alert(1)" }')


def test_cached_block_gives_the_same_html_and_reads_it_back_from_the_cache(
    tmp_path: Path,
) -> None:
    cache = TextCache(tmp_path, ".html")
    convert = cached_block(cache)
    text = "Tell the **DSL** [now](tel:999)."
    assert convert(text) == block(text)
    (stored,) = tmp_path.iterdir()
    stored.write_text("<p>from the cache</p>", encoding="utf-8")
    assert convert(text) == "<p>from the cache</p>"  # not converted again
    assert cached_block(None) is block
