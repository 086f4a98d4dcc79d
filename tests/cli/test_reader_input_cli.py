"""Input that is obviously wrong, and page furniture, through the command line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from ruzh.align.testcorpus import Corpus

from ruzh.cli import main


@pytest.fixture(scope="module")
def journal(pdflike_corpora: dict[str, Corpus]) -> Corpus:
    """Journal pages with running headers: an article, a translated pair (UTF-8 Russian, GB18030
    Chinese), a cp1251 Russian and a UTF-8 Chinese distractor, in that order."""
    return pdflike_corpora["lines-headers"]


@pytest.fixture(scope="module")
def pair(journal: Corpus) -> tuple[Path, Path]:
    """The Russian document and its Chinese translation (under an unrelated name)."""
    (gold,) = [g for g in journal.gold if g.kind == "document"]
    return journal.folder / f"{gold.ru_doc}.txt", journal.folder / f"{gold.zh_doc}.txt"


def test_align_notices_swapped_documents(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    ru_doc, zh_doc = pair
    straight = main(["align", str(ru_doc), str(zh_doc), "--format", "tsv"])
    expected = capsys.readouterr().out
    assert straight == 0
    assert main(["align", str(zh_doc), str(ru_doc), "--format", "tsv"]) == 0
    captured = capsys.readouterr()
    assert "is Chinese" in captured.err and "is Russian" in captured.err
    assert captured.out == expected  # aligned the right way round


def test_tmx_build_notices_swapped_documents(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ru_doc, zh_doc = pair
    out = tmp_path / "m.tmx"
    assert main(["tmx", "build", str(zh_doc), str(ru_doc), "-o", str(out)]) == 0
    assert "the other way round" in capsys.readouterr().err
    from ruzh.tmx.reader import read_tmx

    units = list(read_tmx(out))
    assert len(units) > 20 and all(any("\u0400" <= c <= "\u04ff" for c in u.ru) for u in units)


# the GB18030 Chinese translation, the cp1251 Russian distractor
@pytest.mark.parametrize(("keep", "missing"), [(2, "Russian"), (3, "Chinese")])
def test_build_without_one_language_exits_3(
    journal: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str], keep: int, missing: str
) -> None:
    """A folder with only Chinese (or only Russian) documents: exit 3, one line, no outputs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(journal.files[keep], corpus)
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--quiet", "--jobs", "1"]) == 3
    err = capsys.readouterr().err.strip()
    assert (
        err.startswith(f"error: no {missing} text")
        and " text in the 1 document(s) read" in err
        and "\n" not in err
    )
    assert not (tmp_path / "out" / "memory.tmx").exists()


def test_segment_reads_a_document_of_page_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages.txt"
    pages.write_text("".join(f"– {n} –\n\n" for n in range(1, 30)), encoding="utf-8")
    assert main(["segment", "--format", "jsonl", str(pages)]) == 0
    assert capsys.readouterr().out == ""  # no sentences
    assert main(["segment", str(pages)]) == 0
    assert capsys.readouterr().out.count(" furniture ") == 29


@pytest.mark.slow
def test_build_reports_furniture_in_unaligned(
    journal: Corpus, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    ru_doc = pair[0]
    assert main(["build", str(journal.folder), "-o", str(tmp_path), "--quiet", "--jobs", "1"]) == 0
    with (tmp_path / "unaligned.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["reason"] == "page-furniture"]
    assert rows and all(r["role"] == "furniture" and int(r["line"]) > 0 for r in rows)
    from ruzh.align.encoding import decode_bytes

    lines = decode_bytes(ru_doc.read_bytes(), ru_doc.name, None)[0].split("\n")
    ours = [r for r in rows if r["doc"] == ru_doc.stem]
    assert ours and all(lines[int(r["line"]) - 1].strip() == r["text"] for r in ours)
