"""Hypothesis: write → read is the identity for any text; illegal characters are reported, never written."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from ruzh.core.xmlchars import ILLEGAL_XML_CHARS
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import write_stream
from translate.storage.tmx import tmxfile

# Text biased towards what breaks XML writers: markup characters, quotes, emoji, rare CJK (extension B),
# combining marks, RTL and zero-width marks, CR, plus any Unicode character at all (surrogates included).
MARKUP = [*"&<>\"'", "]]>", "&amp;", "\r", "\r\n", "\t", "\n"]
SCRIPTS = ["😀", "👩\u200d🔬", "𠀀", "𪚥", "é", "й", "\u0301", "\u200f", "\u202e", "\u200b", "\ufeff"]
ILLEGAL = ["\x00", "\x01", "\x1f", "\ufffe", "\uffff", "\ud800"]
TRICKY = st.sampled_from([*MARKUP, *SCRIPTS, *ILLEGAL])
TEXT = st.lists(st.one_of(TRICKY, st.characters(), st.text(min_size=1, max_size=5)), max_size=12).map("".join)
SCORE = st.none() | st.floats(0, 1).map(lambda x: round(x, 4))
NAME = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)


DTD_PATH = Path(__file__).resolve().parents[3] / "shared" / "spec" / "tmx14.dtd"
DTD = etree.DTD(str(DTD_PATH)) if DTD_PATH.is_file() else None  # checked in CI, skipped elsewhere


def clean(text: str) -> str:
    return ILLEGAL_XML_CHARS.sub("", text).strip()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT, SCORE, NAME, TEXT), min_size=0, max_size=6))
def test_write_read_identity(rows: list[tuple[str, str, float | None, str, str]]) -> None:
    units = [TranslationUnit(ru, zh, doc=doc, score=score, tuid=tuid) for ru, zh, score, doc, tuid in rows]
    out = io.BytesIO()
    report = write_stream(out, units)
    data = out.getvalue()
    expected = [u for u in units if clean(u.ru) and clean(u.zh)]
    back = list(TmxReader(io.BytesIO(data)))
    assert [(u.ru, u.zh, u.score) for u in back] == [(clean(u.ru), clean(u.zh), u.score) for u in expected]
    assert [u.doc for u in back] == [clean(u.doc) for u in expected]
    given_ids = [ILLEGAL_XML_CHARS.sub("", u.tuid) for u in expected]
    assert all(b.tuid == (t or b.tuid) and b.tuid for t, b in zip(given_ids, back, strict=True))
    # Every illegal character was reported, one problem each, and none reached the file.
    illegal = sum(len(ILLEGAL_XML_CHARS.findall(u.ru + u.zh)) for u in units)
    assert sum("cannot be written" in p.message for p in report.problems) == illegal
    assert report.written == len(expected)
    assert report.skipped == len(units) - len(expected)
    assert not ILLEGAL_XML_CHARS.search(data.decode("utf-8"))
    if DTD is not None:
        assert DTD.validate(etree.fromstring(data)), DTD.error_log


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5))
def test_translate_toolkit_reads_what_we_read(rows: list[tuple[str, str]]) -> None:
    out = io.BytesIO()
    write_stream(out, [TranslationUnit(ru, zh) for ru, zh in rows])
    ours = [(u.ru, u.zh) for u in TmxReader(io.BytesIO(out.getvalue()))]
    theirs = [(u.source, u.target) for u in tmxfile(io.BytesIO(out.getvalue())).units]
    assert ours == theirs
