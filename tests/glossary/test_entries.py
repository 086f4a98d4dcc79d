"""The review CSV: round trip, merge keeping human decisions, malformed files reported with file and line."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruzh.core.errors import InputError
from ruzh.core.spreadsheet import FORMULA_START
from ruzh.glossary.build import Glossary, build_glossary
from ruzh.glossary.entries import COLUMNS, Entry, merge, parse_csv, read_csv, write_csv


def test_csv_opens_as_utf8_with_bom_and_exact_header(seed_glossary: Glossary, tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    write_csv(seed_glossary.entries, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(seed_glossary.entries) + 1
    de = next(r for r in rows if r[0] == "DE0001")
    assert de[1:3] == ["цифровая экономика", "数字经济"]
    assert de[9].split(";") == [d for d in de[9].split(";") if d[:3] in ("000", "004")]


def test_round_trip_is_identity(seed_glossary: Glossary, tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    write_csv(seed_glossary.entries, path)
    assert tuple(read_csv(path)) == seed_glossary.entries


def test_merge_keeps_decisions_refreshes_statistics_and_drops_rejected(
    seed_glossary: Glossary, seed_documents: list
) -> None:
    rows = list(seed_glossary.entries)
    cands = [e for e in rows if e.status == "candidate" and e.ru]
    approved, rejected = cands[0], cands[1]
    known = next(e for e in rows if e.id == "DE0001")
    reviewed = [
        replace(known, ru_freq=999, note="checked by the editor", zh_variants=("数码经济 (deprecated)",)),
        replace(approved, status="approved", ru="отредактированный термин", zh="编辑过的术语"),
        replace(rejected, status="rejected"),
    ]
    # the next build: reviewed decisions flow in, approved terms are attested, rejected stay out
    fresh = build_glossary(seed_documents, reviewed=reviewed)
    by_id = {e.id: e for e in fresh.entries}
    assert by_id["DE0001"].note == "checked by the editor"
    assert by_id["DE0001"].zh_variants == ("数码经济 (deprecated)",)
    assert by_id["DE0001"].ru_freq == known.ru_freq  # refreshed, not the 999 typed into the review
    assert by_id[approved.id].status == "approved" and by_id[approved.id].ru == "отредактированный термин"
    assert by_id[rejected.id].status == "rejected"
    assert sum(1 for e in fresh.entries if e.ru == rejected.ru) == 1  # not proposed again as a new row
    # and the plain CSV merge agrees
    merged = merge(reviewed, rows)
    assert [e.id for e in merged][:3] == [known.id, approved.id, rejected.id]
    assert len({e.id for e in merged}) == len(merged)


def test_merge_of_a_concept_that_disappeared_clears_its_counts() -> None:
    old = Entry("C1", ru="облачные вычисления", status="approved", ru_freq=5, ru_docs=("a",))
    (kept,) = merge([old], [])
    assert kept.status == "approved" and kept.ru_freq == 0 and kept.ru_docs == ()


HEAD = ",".join(COLUMNS) + "\n"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("DE1,цифра,数字,,maybe,,,,,,,,,,,,\n", 2, "unknown status"),  # not one of the four
        ("DE1,цифра,数字,,termbase,,,,,,,,,,,,\nDE1,цифра,数字,,termbase,,,,,,,,,,,,\n", 3, "duplicate id"),
        ("DE1,цифра,数字|数码,,termbase,,,,,,,,,,,,\n", 2, "two preferred Chinese"),
        ("DE1,цифра,数字,,termbase,,数码 (preferred),,,,,,,,,,\n", 2, "two preferred Chinese"),
        ('DE1,"цифра,数字,,termbase,,,,,,,,,,,,\n', 2, "broken CSV quoting"),  # quote never closed
        ("DE1,цифра,数字,,termbase,,,many,,,,,,,,,\n", 2, "not a number"),
        ("DE1,цифра,数字,,termbase,,,,,,,,,,,,,,,extra\n", 2, "fields"),
        ("DE1,цифра,数字,,termbase,цифирь (obsolete),,,,,,,,,,,\n", 2, "unknown term status"),
    ],
)
def test_malformed_csv_names_file_line_and_problem(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = tmp_path / "reviewed.csv"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_csv(path)
    assert (info.value.file, info.value.line) == (str(path), line)
    assert words in info.value.what and info.value.hint


def test_quoted_multiline_cells_keep_line_numbers_right() -> None:
    body = 'DE1,цифра,数字,,termbase,,,,,,,,,,,,"a note\nover two lines"\nDE2,x,y,,wrong,,,,,,,,,,,,\n'
    with pytest.raises(InputError) as info:
        parse_csv(HEAD + body, "r.csv")
    assert info.value.line == 4


def test_header_must_name_the_key_columns() -> None:
    with pytest.raises(InputError) as info:
        parse_csv("ident,russian\nDE1,x\n", "r.csv")
    assert info.value.line == 1


_CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), max_size=30
).map(str.strip)
# Terms that start like a spreadsheet formula are refused (see ruzh.core.spreadsheet); other cells keep them.
_TERM = _CELL.filter(
    lambda t: "|" not in t and ";" not in t and not t.endswith(")") and t[:1] not in FORMULA_START
)


@settings(max_examples=60, deadline=None)
@given(
    ru=_TERM,
    zh=_TERM,
    note=st.text(alphabet=st.sampled_from('ab, "\n数😀\u200f'), max_size=20).map(str.strip),
    context=st.text(max_size=40).map(lambda t: " ".join(t.split())),
    variants=st.lists(_TERM.filter(bool), max_size=3),
    freq=st.integers(min_value=0, max_value=10**6),
    status=st.sampled_from(["termbase", "candidate", "approved", "rejected"]),
)
def test_csv_round_trip_property(
    ru: str, zh: str, note: str, context: str, variants: list[str], freq: int, status: str
) -> None:
    """Any text (quotes, commas, line breaks inside notes, emoji) survives write and read."""
    entry = Entry("C1", ru=ru, zh=zh, note=note, ru_context=context, ru_variants=tuple(variants),
                  ru_freq=freq, status=status, termhood=0.5)  # fmt: skip
    handle = io.StringIO()
    write_csv([entry], handle)
    assert parse_csv(handle.getvalue().lstrip("\ufeff")) == [entry]
