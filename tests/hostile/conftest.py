"""Shared pieces of the hostile-input suite: run the command line in-process and check its answer.

Every case asserts the exit code, that stderr holds exactly the promised one-line message (no
traceback, no exit 70) and, in the tests themselves, that no output was clobbered or half-written.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from ruzh.cli import main

WORD = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error: ")]


Run = Callable[..., Result]


@pytest.fixture
def ruzh(capsys: pytest.CaptureFixture[str]) -> Run:
    """``ruzh("segment", path)``: exit code, stdout and stderr of one in-process run."""

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def assert_refused(result: Result, code: int, *words: str) -> str:
    """Exit ``code`` with one line ``error: <what> (<where>) — <fix>`` naming ``words``; returns it."""
    assert result.code == code, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    (line,) = lines
    assert line.startswith("error: ") and " — " in line, line
    assert "Traceback" not in result.err and "internal error" not in line
    for word in words:
        assert word in line, line
    return line


def digest(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the hash of its bytes: what a run must leave unchanged."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def no_part_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part")]


def write_docx(path: Path, body: str, parts: dict[str, str] | None = None) -> Path:
    """A minimal WordprocessingML package whose body is ``body`` (plus other ``parts``)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {WORD}><w:body>{body}</w:body></w:document>',
        )
        for name, text in (parts or {}).items():
            archive.writestr(name, text)
    return path


def paragraph(*runs: str) -> str:
    """``<w:p>`` with one ``<w:r><w:t>`` per run (text inserted as is: it may hold markup)."""
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs) + "</w:p>"


def seed_sentences(seed: Path, count: int) -> Sequence[str]:
    """The first ``count`` non-empty lines of a seed document (real text for .docx bodies)."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 20]
    return lines[:count]


@pytest.fixture
def kit() -> object:
    """The helpers above, for test modules (which cannot import a conftest by name)."""
    import types

    return types.SimpleNamespace(
        refused=assert_refused,
        digest=digest,
        no_part_files=no_part_files,
        write_docx=write_docx,
        paragraph=paragraph,
        seed_sentences=seed_sentences,
    )


HOSTILE_NAMES = {
    "000": "=1+2.txt",  # formula names (item 3)
    "001": "@SUM(1,2).txt",
    "002": "-x+HYPERLINK(1).txt",
    "003": "caf\udce9.txt",  # Latin-1 bytes in the name: not UTF-8 (item 9)
}


def damaged_docx(path: Path, seed: Path) -> Path:
    """A real-text .docx whose deflate stream has 20 flipped bytes (item 9)."""
    write_docx(path, "".join(paragraph(s) for s in seed_sentences(seed, 12)))
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 30):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


@dataclass(frozen=True)
class Built:
    corpus: Path
    out: Path
    code: int
    err: str


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory, seed_path: Callable[[str], Path]) -> Built:
    """One ``ruzh build --keep-going`` over seeds under hostile names plus a damaged .docx."""

    root = tmp_path_factory.mktemp("hostile-build")
    corpus = root / "corpus"
    corpus.mkdir()
    for number, name in HOSTILE_NAMES.items():
        target = os.fsencode(corpus) + b"/" + os.fsencode(name)
        with open(target, "wb") as handle:
            handle.write(seed_path(number).read_bytes())
    damaged_docx(corpus / "broken.docx", seed_path("004"))
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = main(
            ["build", str(corpus), "-o", str(root / "out"), "--keep-going", "-q", "--fail-on", "never"]
        )
    return Built(corpus, root / "out", code, stderr.getvalue())
