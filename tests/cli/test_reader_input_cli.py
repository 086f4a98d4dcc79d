"""Input that is obviously wrong, and page furniture, through the command line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from ruzh.cli import main

FIXTURES = Path(__file__).parents[1] / "align" / "fixtures" / "pdflike" / "lines-headers"
RU_DOC, ZH_DOC = "001_29e5b53dba9b8496.txt", "002_0e0031b137dc29d7.txt"  # a translated pair (gold.json)


def test_align_notices_swapped_documents(capsys: pytest.CaptureFixture[str]) -> None:
    straight = main(["align", str(FIXTURES / RU_DOC), str(FIXTURES / ZH_DOC), "--format", "tsv"])
    expected = capsys.readouterr().out
    assert straight == 0
    assert main(["align", str(FIXTURES / ZH_DOC), str(FIXTURES / RU_DOC), "--format", "tsv"]) == 0
    captured = capsys.readouterr()
    assert "is Chinese" in captured.err and "is Russian" in captured.err
    assert captured.out == expected  # aligned the right way round


def test_tmx_build_notices_swapped_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.tmx"
    assert main(["tmx", "build", str(FIXTURES / ZH_DOC), str(FIXTURES / RU_DOC), "-o", str(out)]) == 0
    assert "the other way round" in capsys.readouterr().err
    from ruzh.tmx.reader import read_tmx

    units = list(read_tmx(out))
    assert len(units) > 20 and all(any("\u0400" <= c <= "\u04ff" for c in u.ru) for u in units)


@pytest.mark.parametrize("keep", ["002_0e0031b137dc29d7.txt", "003_89016c9c675f5afe.txt"])
def test_build_without_one_language_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keep: str
) -> None:
    """A folder with only Chinese (or only Russian) documents: exit 3, one line, no outputs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / keep, corpus)
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--quiet", "--jobs", "1"]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: no ") and " text in the 1 document(s) read" in err and "\n" not in err
    assert not (tmp_path / "out" / "memory.tmx").exists()


def test_segment_reads_a_document_of_page_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages.txt"
    pages.write_text("".join(f"– {n} –\n\n" for n in range(1, 30)), encoding="utf-8")
    assert main(["segment", "--format", "jsonl", str(pages)]) == 0
    assert capsys.readouterr().out == ""  # no sentences
    assert main(["segment", str(pages)]) == 0
    assert capsys.readouterr().out.count(" furniture ") == 29


@pytest.mark.slow
def test_build_reports_furniture_in_unaligned(tmp_path: Path) -> None:
    assert main(["build", str(FIXTURES), "-o", str(tmp_path), "--quiet", "--jobs", "1"]) == 0
    with (tmp_path / "unaligned.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["reason"] == "page-furniture"]
    assert rows and all(r["role"] == "furniture" and int(r["line"]) > 0 for r in rows)
    from ruzh.align.encoding import decode_bytes

    lines = decode_bytes((FIXTURES / RU_DOC).read_bytes(), RU_DOC, None)[0].split("\n")
    ours = [r for r in rows if r["doc"] == RU_DOC.removesuffix(".txt")]
    assert ours and all(lines[int(r["line"]) - 1].strip() == r["text"] for r in ours)
