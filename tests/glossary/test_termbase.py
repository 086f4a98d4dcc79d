"""The termbase reader: concepts from CSV rows, and malformed rows reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.core.errors import InputError
from ruzh.glossary.termbase import default_path, load_termbase, parse_termbase

HEADER = "concept,lang,term,pos,status,domain,note,source\n"

SMALL = HEADER + (
    "DE0001,ru,цифровая экономика,NOUN,preferred,economy,,seed 000\n"
    "DE0001,zh,数字经济,n,preferred,economy,,seed 000\n"
    "DE0001,en,digital economy,n,preferred,economy,,\n"
    "DE0002,ru,информационно-коммуникационные технологии,NOUN,preferred,ict,,\n"
    "DE0002,ru,ИКТ,ABBR,admitted,ict,,\n"
    "DE0002,zh,信息和通信技术,n,preferred,ict,,\n"
    "DE0002,zh,信息通信技术,n,admitted,ict,,\n"
    "DE0002,en,ICT,ABBR,admitted,ict,,\n"
    'DE0002,en,"information and communication technologies",n,preferred,ict,"note, with comma",\n'
)


def test_concepts_group_rows_and_keep_status(tmp_path: Path) -> None:
    path = tmp_path / "tb.csv"
    path.write_text(SMALL, encoding="utf-8")
    concepts = load_termbase(path)
    assert [c.id for c in concepts] == ["DE0001", "DE0002"]
    ict = concepts[1]
    assert ict.preferred("ru") is not None and ict.preferred("ru").text.startswith("информационно")  # type: ignore[union-attr]
    assert [t.text for t in ict.terms_of("zh")] == ["信息和通信技术", "信息通信技术"]
    assert ict.en == "information and communication technologies"
    assert ict.note == "note, with comma"
    assert concepts[0].source == "seed 000"


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        ("DE1,ru,цифра,NOUN,favourite,,,\n", 2, "unknown status"),  # status outside the four
        ("DE1,de,Wirtschaft,NOUN,preferred,,,\n", 2, "unknown language"),  # no German column
        ("DE1,zh,数字经济,n,preferred,,,\nDE1,zh,数码经济,n,preferred,,,\n", 3, "second preferred zh"),
        ("DE1,ru,,NOUN,preferred,,,\n", 2, "empty term"),
        ('DE1,ru,"цифра,NOUN,preferred,,,\n', 2, "broken CSV"),  # quote never closed
        ("DE1,ru,цифра,NOUN,preferred,,,,extra,field\n", 2, "fields"),
    ],
)
def test_malformed_rows_name_file_and_line(tmp_path: Path, rows: str, line: int, words: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_termbase(path)
    assert info.value.file == str(path)
    assert info.value.line == line
    assert words in info.value.what


def test_missing_header_column_is_reported() -> None:
    with pytest.raises(InputError) as info:
        parse_termbase("id,language,text\nDE1,ru,x\n", "x.csv")
    assert info.value.line == 1 and "concept" in info.value.what


def test_shipped_termbase_loads() -> None:
    assert default_path().is_file(), "the shipped termbase is missing from the package"
    concepts = load_termbase()
    assert concepts, "shipped termbase is empty"
    ids = [c.id for c in concepts]
    assert len(ids) == len(set(ids))
    for concept in concepts:
        assert concept.terms, concept.id
