"""Item 3: no cell of a CSV/TSV written for spreadsheets starts like a formula; the round trip is lossless."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from ruzh.core.spreadsheet import FORMULA_START, neutralise, restore
from ruzh.glossary.entries import read_csv

LIVE = ("=", "+", "-", "@", "\t", "\r")


@given(st.text(alphabet=st.sampled_from("=+-@'\t\rab数 "), max_size=8) | st.text(max_size=20))
def test_neutralise_is_safe_and_restore_inverts_it(cell: str) -> None:
    written = neutralise(cell)
    assert not written.startswith(LIVE)
    assert restore(written) == cell


def test_cells_people_typed_pass_unchanged() -> None:
    # (read from a spreadsheet, as ruzh understands it) — a quote before a formula is one level of quoting
    for typed, meant in [("=SUM(1)", "=SUM(1)"), ("'=SUM(1)", "=SUM(1)"), ("'quoted", "'quoted"), ("", "")]:
        assert restore(typed) == meant


def _cells(path: Path, delimiter: str) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_build_outputs_quote_formula_cells_and_read_back(hostile_build: Any) -> None:
    out = hostile_build.out
    for name, delimiter in (("glossary.csv", ","), ("unaligned.tsv", "\t")):
        rows = _cells(out / name, delimiter)
        assert len(rows) > 10, name
        live = [cell for row in rows for cell in row if cell[:1] in FORMULA_START]
        assert live == [], (name, live[:5])
    docs = {d for e in read_csv(out / "glossary.csv") for d in (*e.ru_docs, *e.zh_docs)}
    assert {"=1+2", "@SUM(1,2)"} <= docs  # the quote is gone once ruzh reads its own file
    quoted = [row[0] for row in _cells(out / "unaligned.tsv", "\t")[1:]]
    assert "'=1+2" in quoted and "'-x+HYPERLINK(1)" in quoted


def test_formula_term_in_a_reviewed_glossary_is_refused(
    ruzh: Any, tmp_path: Path, seed_path: Any, kit: Any
) -> None:
    reviewed = tmp_path / "reviewed.csv"
    reviewed.write_text(
        "id,ru,zh,status\nC1,цифровая экономика,数字经济,approved\n"
        'C2,"=HYPERLINK(""http://x"",""y"")",数据,approved\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    (out / "glossary.tbx").write_text("old export", encoding="utf-8")
    before = kit.digest(out)
    result = ruzh("glossary", "build", seed_path("000"), "--reviewed", reviewed, "-o", out)
    kit.refused(result, 3, f"{reviewed}:3", "formula")
    assert kit.digest(out) == before and kit.no_part_files(out)
