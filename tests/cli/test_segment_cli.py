"""``ruzh segment`` end to end: formats, defaults, bad inputs and exit codes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ruzh.cli import main

DOCX_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "{paragraphs}</w:body></w:document>"
)


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCX_BODY.format(paragraphs=body))
    return path


def test_jsonl_records(seed_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", "--format", "jsonl", str(seed_path("000"))]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(records[0]) == {"doc", "block", "lang", "role", "line", "column", "text"}
    abstracts = [r for r in records if r["role"] == "abstract"]
    assert [(r["lang"], r["line"], r["column"]) for r in abstracts] == [("ru", 26, 13), ("zh", 36, 4)]
    assert records[0]["doc"] == seed_path("000").stem


def test_default_input_is_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n# ") + out.startswith("# ") == 5


def test_docx_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = make_docx(
        tmp_path / "a.docx",
        ["Аннотация. Цифровая экономика растет. Китай лидирует.", "摘要。数字经济增长。中国领先。"],
    )
    assert main(["segment", "--format", "jsonl", str(docx)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["lang"], r["role"], r["line"]) for r in records] == [
        ("ru", "abstract", 1),
        ("ru", "abstract", 1),
        ("zh", "abstract", 2),
        ("zh", "abstract", 2),
    ]


def test_keep_going_reads_the_others(tmp_path: Path, seed_path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.4\n...")
    code = main(["segment", "--keep-going", str(empty), str(seed_path("002")), str(pdf)])
    captured = capsys.readouterr()
    assert code == 3
    assert "# 002_" in captured.out
    assert f"error: file is empty ({empty})" in captured.err
    assert "PDF" in captured.err and "Traceback" not in captured.err


def test_first_error_stops_without_keep_going(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = make_docx(tmp_path / "x.docx", [])
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["segment", str(broken)]) == 3
    assert "not a valid .docx" in capsys.readouterr().err


def test_usage_error_exit_code(seed_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", "--format", "xml"]) == 2
    assert main(["segment", "--encoding", "nope", str(seed_path("000"))]) == 2
    assert "unknown encoding 'nope'" in capsys.readouterr().err
