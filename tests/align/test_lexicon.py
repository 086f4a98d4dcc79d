"""The lexicon loader: shipped files, users' CSV, extra pairs, and errors that point at the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import load_lexicon, parse_tsv_lines, read_user_csv
from ruzh.core.errors import InputError


def test_shipped_lexicon_loads_with_lemma_keys() -> None:
    lex = load_lexicon()
    assert len(lex) > 5_000, "the shipped lexicon files are missing from the package"
    for key in list(lex.entries)[:2000]:
        assert key == key.lower() and "ё" not in key
    assert all(entry.zh for entry in lex.entries.values())


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("страна\tNOUN", "expected 3"),  # missing renderings column
        ("страна\tNOUN\t国家\textra", "expected 3"),  # one column too many
        ("страна\tNOUNS\t国家", "unknown part of speech"),  # typo in the tag
        ("страна\tNOUN\tstrana!", "bad Chinese rendering"),  # not Han
        ("country\tNOUN\t国家", "not Russian"),  # key in the wrong language
    ],
)
def test_malformed_line_reports_file_and_line(line: str, message: str) -> None:
    lines = ["# header", "", "город\tNOUN\t城市|市", line]
    with pytest.raises(InputError) as info:
        list(parse_tsv_lines(lines, "nouns.tsv"))
    assert message in info.value.what
    assert info.value.location() == "nouns.tsv:4"


def test_comments_and_blank_lines_are_skipped() -> None:
    entries = list(parse_tsv_lines(["# provenance", "", "ёлка\tNOUN\t圣诞树|枞树"], "x.tsv"))
    assert [(e.ru, e.zh) for e in entries] == [("елка", ("圣诞树", "枞树"))]


def test_user_csv_is_lemmatised(tmp_path: Path) -> None:
    path = tmp_path / "user.csv"
    path.write_text("ru,zh\nцифровая экономика,数字经济\nМинском,明斯克\n", encoding="utf-8")
    lex = load_lexicon([path], shipped=False)
    assert lex.get("цифровой экономика") is not None
    assert lex.get("минск") is not None and lex.get("минск").zh == ("明斯克",)  # type: ignore[union-attr]
    assert "user.csv" in lex.signature()


def test_user_csv_errors_point_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("ru,zh\nгород,城市\nстрана,\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_user_csv(path)
    assert info.value.line == 3
    path.write_text("russian,chinese\nгород,城市\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_user_csv(path)
    assert "header" in info.value.what


def test_extra_pairs_extend_entries() -> None:
    lex = load_lexicon(extra_pairs=[("умный город", "智慧城市|智能城市"), ("", "空")], shipped=False)
    entry = lex.get("умный город")
    assert entry is not None and entry.zh == ("智慧城市", "智能城市")
    assert len(lex) == 1
