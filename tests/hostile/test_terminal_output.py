"""Item 5: ESC and other control sequences from documents (and their names) never reach a terminal raw."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import pytest
from ruzh.core.terminal import VisibleStream, guarded_terminals, visible

PAYLOAD = "\x1b[2J\x1b]0;owned\x07\x9b31m"  # clear screen, retitle the window, 8-bit CSI colour
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def poisoned(tmp_path: Path, seed_path: Any) -> Path:
    """Seed 000 with the payload before its first «цифров…» and inside the first sentence that
    ``glossary show`` quotes for 数字经济."""
    text = seed_path("000").read_text(encoding="utf-8")
    at = text.lower().index("цифров")
    text = text[:at] + PAYLOAD + text[at:]
    path = tmp_path / "poisoned.txt"
    path.write_text(text.replace("后疫情时代", "后疫情" + PAYLOAD + "时代", 1), encoding="utf-8")
    return path


def test_visible_writes_every_control_as_an_escape() -> None:
    assert visible(PAYLOAD) == "\\x1b[2J\\x1b]0;owned\\x07\\x9b31m"
    assert visible("абв\tгде\n数字") == "абв\tгде\n数字"  # tabs, newlines and text pass


def test_segment_text_shows_the_payload(ruzh: Any, poisoned: Path) -> None:
    result = ruzh("segment", poisoned)
    assert result.code == 0, result.err
    assert not RAW.search(result.out.replace("\t", "").replace("\n", ""))
    assert "\\x1b[2J\\x1b]0;owned\\x07" in result.out


def test_glossary_show_shows_the_payload(ruzh: Any, poisoned: Path) -> None:
    result = ruzh("glossary", "show", "цифровая экономика", poisoned)
    assert result.code == 0, result.err
    assert "\\x1b]0;owned" in result.out and not RAW.search(result.out.replace("\t", "").replace("\n", ""))


def test_error_messages_show_a_hostile_file_name(ruzh: Any, tmp_path: Path, kit: Any) -> None:
    name = tmp_path / f"x{PAYLOAD}.txt"
    line = kit.refused(ruzh("segment", name), 3, "no such file")
    assert not RAW.search(line) and "\\x1b]0;owned" in line


def test_every_write_to_a_terminal_is_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a command prints (warnings, tables) goes through the guard when stdout is a terminal."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    with guarded_terminals():
        print(f"warning: {PAYLOAD}")
        import sys

        sys.stdout.write("\rprogress 1/2")  # a progress bar's own carriage return passes
    assert screen.getvalue() == "warning: \\x1b[2J\\x1b]0;owned\\x07\\x9b31m\n\rprogress 1/2"


def test_pipes_keep_the_bytes_of_data_formats(ruzh: Any, poisoned: Path) -> None:
    """JSON lines are data, not a terminal: control characters stay JSON-escaped, not rewritten."""
    result = ruzh("segment", "--format", "jsonl", poisoned)
    assert result.code == 0 and "\\u001b[2J" in result.out


def test_visible_stream_forwards_binary_and_fileno() -> None:
    target = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    try:
        stream = VisibleStream(target)
        assert stream.fileno() == target.fileno() and stream.buffer is target.buffer
    finally:
        target.close()
