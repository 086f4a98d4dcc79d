"""Item 9 (documents, names, encodings): damaged archives, undecodable file names and codecs that are
not text encodings get exit 2 or 3 with one line, never 70; ``--keep-going`` goes on."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pytest


def test_build_keeps_going_past_a_damaged_docx(hostile_build: Any) -> None:
    assert hostile_build.code == 3, hostile_build.err
    errors = [line for line in hostile_build.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "broken.docx" in errors[0] and "decompress" in errors[0], hostile_build.err
    assert "internal error" not in hostile_build.err
    names = {"memory.tmx", "glossary.csv", "unaligned.tsv", "findings.json", "report.html"}
    assert names <= {p.name for p in hostile_build.out.iterdir()}


def test_build_reads_a_file_whose_name_is_not_utf8(hostile_build: Any) -> None:
    text = (hostile_build.out / "unaligned.tsv").read_text(encoding="utf-8")
    docs = {row[0] for row in csv.reader(io.StringIO(text), delimiter="\t")}
    assert "caf\\xe9" in docs  # the byte is shown, the sentences are kept
    assert "caf\\xe9" in (hostile_build.out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["segment", "check", "glossary"])
def test_damaged_docx_is_exit_3(
    ruzh: Any, hostile_build: Any, tmp_path: Path, command: str, kit: Any
) -> None:
    broken = hostile_build.corpus / "broken.docx"
    args = {"segment": ("segment", broken), "check": ("check", broken), "glossary": ("glossary", "build")}
    extra = (broken, "-o", tmp_path / "g") if command == "glossary" else ()
    kit.refused(ruzh(*args[command], *extra), 3, "broken.docx", "not a valid .docx")
    assert not (tmp_path / "g").exists()


def test_segment_keep_going_reports_the_damaged_docx_and_prints_the_rest(
    ruzh: Any, hostile_build: Any, seed_path: Any
) -> None:
    result = ruzh("segment", "--keep-going", hostile_build.corpus / "broken.docx", seed_path("001"))
    assert result.code == 3 and len(result.errors()) == 1 and "broken.docx" in result.err
    assert "# 001_" in result.out and result.out.count("\n") > 50


def test_check_and_glossary_accept_a_name_that_is_not_utf8(ruzh: Any, tmp_path: Path, seed_path: Any) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.fsencode(corpus) + b"/\xff\xfe.txt", "wb") as handle:
        handle.write(seed_path("000").read_bytes())
    checked = ruzh("check", corpus, "--format", "json", "--fail-on", "never")
    assert checked.code == 0, checked.err
    assert "\\\\xff\\\\xfe.txt" in checked.out  # JSON of the printable name
    built = ruzh("glossary", "build", corpus, "-o", tmp_path / "g")
    assert built.code == 0, built.err
    assert "\\xff\\xfe" in (tmp_path / "g" / "glossary.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("codec", ["rot13", "hex", "zlib", "no-such-codec"])
@pytest.mark.parametrize(
    "command",
    [("segment",), ("build", "-o", "{d}/out"), ("glossary", "build", "-o", "{d}/g"), ("tmx", "build")],
)
def test_encoding_that_is_not_a_text_codec_is_exit_2(
    ruzh: Any, tmp_path: Path, seed_path: Any, codec: str, command: tuple[str, ...], kit: Any
) -> None:
    args = [a.format(d=tmp_path) for a in command]
    result = ruzh(*args, "--encoding", codec, seed_path("000"))
    kit.refused(result, 2, "--encoding", repr(codec))
    assert list(tmp_path.iterdir()) == []
