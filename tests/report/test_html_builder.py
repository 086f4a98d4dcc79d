"""The HTML builder's one way to emit text: whatever text it is given comes out escaped and cleaned
exactly as :func:`html.escape` after :func:`clean` would give it, fast path or not."""

from __future__ import annotations

import html

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from ruzh.report.html import Safe, attrs, clean, esc, join, tag, void

# Markup characters, controls, lone surrogates, and the text of the seeds' languages.
_TRICKY = st.text(
    alphabet=st.one_of(
        st.sampled_from("&<>\"'\x00\x01\x08\x0b\x0c\x1f\x7f\ud800\udfff\t\n\r "),
        st.characters(min_codepoint=0x410, max_codepoint=0x44F),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.characters(codec="ascii"),
    )
)


@given(_TRICKY)
def test_text_is_escaped_and_cleaned_whatever_it_holds(text: str) -> None:
    assert esc(text) == html.escape(clean(text), quote=True)
    assert join([text, None, [text]]) == 2 * html.escape(clean(text), quote=True)
    assert attrs({"title": text}) == f' title="{html.escape(clean(text), quote=True)}"'


def test_text_never_becomes_markup() -> None:
    hostile = '"><img src=x onerror=alert(1)>数字经济<script>alert("ru")</script>'
    page = lxml.html.fragment_fromstring(tag("p", hostile, title=hostile, data_x=hostile))
    assert page.text == hostile and page.get("title") == hostile and page.get("data-x") == hostile
    assert not list(page)  # no element came out of the text


def test_safe_markup_numbers_and_flags() -> None:
    assert tag("td", Safe("<b>x</b>"), 3, 0.5) == "<td><b>x</b>30.5</td>"
    assert esc(Safe("<i>")) == "<i>"
    assert void("input", type_="checkbox", checked=True, disabled=False, value=None) == (
        '<input type="checkbox" checked>'
    )
    assert tag("span", "Россия", class_="ru", data_sent_id="s-1") == (
        '<span class="ru" data-sent-id="s-1">Россия</span>'
    )
    assert esc("a\ud800b\x01") == "a\ufffdb\u2401"
