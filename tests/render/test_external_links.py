"""Links that leave the site carry rel="noopener noreferrer"; links inside it are untouched."""

from __future__ import annotations

from generator.render.external_links import with_safe_external_links


def test_outside_links_get_noopener_noreferrer() -> None:
    html = '<p><a href="https://www.nspcc.org.uk/">NSPCC</a> <a href="//cdn.example/x">x</a></p>'
    out = with_safe_external_links(html)
    assert out.count('rel="noopener noreferrer"') == 2


def test_an_existing_rel_is_extended_not_replaced_or_repeated() -> None:
    out = with_safe_external_links('<a class="c" href="https://x.org" rel="external">x</a>')
    assert 'rel="external noopener noreferrer"' in out
    again = with_safe_external_links(out)
    assert again == out


def test_links_inside_the_site_are_left_alone() -> None:
    html = (
        '<a href="../contacts.html#lado">LADO</a> <a href="#top">top</a> <a href="tel:999">999</a>'
    )
    assert with_safe_external_links(html) == html
