"""``-`` reads standard input wherever a document is read (segment, align, glossary, tmx build)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ruzh.cli import main


@pytest.fixture
def seed000(seed_path: Callable[[str], Path]) -> Path:
    return seed_path("000")


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_segment_reads_stdin_like_the_file(
    seed000: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["segment", "--format", "jsonl", str(seed000)]) == 0
    from_file = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    feed(monkeypatch, seed000.read_bytes())
    assert main(["segment", "--format", "jsonl", "-"]) == 0
    from_stdin = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["doc"] for r in from_stdin} == {"<stdin>"}
    strip = [{k: v for k, v in r.items() if k != "doc"} for r in from_file]
    assert [{k: v for k, v in r.items() if k != "doc"} for r in from_stdin] == strip


def test_align_takes_one_side_from_stdin(
    seed000: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, seed000.read_bytes())
    assert main(["align", "-", str(seed000), "--format", "tsv"]) == 0
    assert "本文通过中白两国" in capsys.readouterr().out
    assert main(["align", "-", "-"]) == 2


def test_glossary_show_reads_terms_or_a_document_from_stdin(
    seed000: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, "цифровая экономика\nИИ\n".encode())
    assert main(["glossary", "show", "-", str(seed000)]) == 0
    out = capsys.readouterr().out
    assert "DE0001" in out and "DE0045" in out
    feed(monkeypatch, seed000.read_bytes())
    assert main(["glossary", "show", "цифровая экономика", "-"]) == 0
    assert "<stdin>" in capsys.readouterr().out


def test_stdin_twice_and_empty_stdin_are_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, b"")
    assert main(["segment", "-"]) == 3
    assert "error: file is empty (<stdin>)" in capsys.readouterr().err
    assert main(["segment", "-", "-"]) == 2


def test_tmx_build_aligns_a_document_from_stdin(
    seed000: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, seed000.read_bytes())
    out = tmp_path / "m.tmx"
    assert main(["tmx", "build", "-", str(seed000), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("<tu ") >= 1


def test_glossary_reads_reviewed_csv_and_pairs_from_stdin(
    seed000: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    memory = tmp_path / "m.tmx"
    assert main(["tmx", "build", str(seed000), str(seed000), "-o", str(memory)]) == 0
    feed(monkeypatch, memory.read_bytes())
    assert main(["glossary", "build", str(seed000), "--pairs", "-", "-o", str(tmp_path / "a")]) == 0
    reviewed = (tmp_path / "a" / "glossary.csv").read_bytes()
    feed(monkeypatch, reviewed)
    assert main(["glossary", "build", str(seed000), "--reviewed", "-", "-o", str(tmp_path / "b")]) == 0
    feed(monkeypatch, reviewed)
    assert (
        main(["glossary", "merge", "-", str(tmp_path / "a" / "glossary.csv"), "-o", str(tmp_path / "m.csv")])
        == 0
    )
    assert (tmp_path / "m.csv").read_bytes().count(b"\n") == reviewed.count(b"\n")
    capsys.readouterr()
    assert main(["glossary", "build", "-", "--reviewed", "-", "-o", str(tmp_path / "c")]) == 2
    assert "standard input (-) can give one input only" in capsys.readouterr().err
