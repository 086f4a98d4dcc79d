"""Reading a reviewed CSV as spreadsheets save it, and refusing broken ones with file, line and fix."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from ruzh.core.errors import InputError
from ruzh.glossary.build import Glossary
from ruzh.glossary.entries import COLUMNS, MAX_DOCS_LISTED, Entry, read_csv, write_csv
from ruzh.glossary.review_csv import MAX_CELL

ROW = ["DE0001", "цифровая экономика", "数字经济", "digital economy", "Approved", "", "数码经济 (Deprecated)"]


def _spreadsheet(tmp_path: Path, delimiter: str, encoding: str, rows: list[list[str]]) -> Path:
    """A CSV the way LibreOffice in a Russian locale writes it: ; or , and CRLF line ends."""
    path = tmp_path / "reviewed.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([c.upper() if c == "status" else c for c in COLUMNS[:7]])
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_semicolons_bom_crlf_and_capitals_are_read(tmp_path: Path, delimiter: str, encoding: str) -> None:
    (entry,) = read_csv(_spreadsheet(tmp_path, delimiter, encoding, [ROW]))
    assert (entry.id, entry.ru, entry.zh, entry.status) == (
        "DE0001",
        "цифровая экономика",
        "数字经济",
        "approved",
    )
    assert entry.zh_variants == ("数码经济 (deprecated)",)


def test_cp1251_gets_a_message_that_names_it(tmp_path: Path) -> None:
    path = _spreadsheet(tmp_path, ";", "cp1251", [[*ROW[:2], "", "", "approved"]])
    with pytest.raises(InputError) as info:
        read_csv(path)
    assert "cp1251" in info.value.what and "UTF-8" in (info.value.hint or "")
    assert info.value.line == 2


def _fails(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_csv(path)
    assert info.value.file == str(path) and info.value.hint
    return info.value


@pytest.mark.parametrize(
    ("header", "line", "words"),
    [
        ("id,ru,zh,status,status\n", 1, "appears twice"),  # a second status column
        ("id,ru,zh,status,colour\n", 1, "unknown column 'colour'"),
        ("id,ru,zh,status\n", 2, "no rows"),  # a header alone
    ],
)
def test_bad_headers(tmp_path: Path, header: str, line: int, words: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(header, encoding="utf-8")
    error = _fails(path)
    assert words in error.what and error.line == line


def test_a_huge_cell_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        f"id,ru,zh,status,note\nA1,a,b,approved,\nA2,a,b,approved,{'x' * (MAX_CELL + 1)}\n", "utf-8"
    )
    error = _fails(path)
    assert error.line == 3 and "characters" in error.what


def test_own_csv_with_many_long_document_names_reads_back(tmp_path: Path) -> None:
    """700 names of 200 characters would make a 140,000-character cell: the cell lists a few and counts."""
    docs = tuple(f"{i:04d}_" + "д" * 195 for i in range(700))
    path = tmp_path / "g.csv"
    write_csv([Entry("C1", ru="облачные вычисления", ru_docs=docs, ru_freq=700)], path)
    (back,) = read_csv(path)
    assert back.ru_docs == docs[:MAX_DOCS_LISTED]
    text = path.read_text(encoding="utf-8-sig")
    assert f"… +{700 - MAX_DOCS_LISTED} more" in text and max(map(len, text.split(","))) < MAX_CELL


def test_seed_glossary_keeps_termhood_association_and_method_apart(seed_glossary: Glossary) -> None:
    cands = [e for e in seed_glossary.entries if e.status == "candidate"]
    assert all(e.termhood is not None for e in cands if e.method != "transliteration")
    paired = [e for e in cands if e.zh and e.ru]
    assert paired and all(e.association is not None and 0 < e.association <= 1 for e in paired)
    assert {e.method for e in paired} <= {"lexicon", "composed", "aligned", "transliteration"}
    assert all(e.method == "termbase" for e in seed_glossary.entries if e.status == "termbase")
