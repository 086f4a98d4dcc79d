"""One file finder for every command: a folder contributes its .txt and .docx files, whatever the case.

Before, ``ruzh build`` read a.txt, b.TXT, d.docx and ``ruzh check`` read a.txt, c.md, d.docx.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from ruzh.align.reader import expand_inputs

from ruzh.cli import main

DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>Цифровая экономика растёт.</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Цифровая экономика растёт быстро.\n", encoding="utf-8")
    (corpus / "b.TXT").write_text("数字经济发展迅速。\n", encoding="utf-8")
    (corpus / "c.md").write_text("# Notes\n\nNot a document of the corpus.\n", encoding="utf-8")
    with zipfile.ZipFile(corpus / "d.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCX)
    return corpus


def test_the_finder(folder: Path) -> None:
    assert [p.name for p in expand_inputs([folder])] == ["a.txt", "b.TXT", "d.docx"]
    assert [p.name for p in expand_inputs([folder / "c.md"])] == ["c.md"]  # named: read as given


def test_segment_and_check_read_the_same_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", "--format", "jsonl", str(folder)]) == 0
    segmented = {Path(json.loads(line)["doc"]).name for line in capsys.readouterr().out.splitlines()}
    assert main(["check", "--format", "junit", "--fail-on", "never", str(folder)]) == 0
    cases = etree.fromstring(capsys.readouterr().out.encode()).iter("testcase")
    checked = {Path(case.get("name", "")).name for case in cases}
    assert checked == {"a.txt", "b.TXT", "d.docx"}
    assert {Path(name).stem for name in checked} == segmented


def test_build_reads_the_same_files(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--no-cache", "-o", str(tmp_path / "out"), str(folder)]) == 0
    assert "ruzh build: 3 documents" in capsys.readouterr().err
