"""Raw text of the checked files, with a way back from any offset to the original line and column.

The checks look at text exactly as it stands in the file, so that every finding points at what a
person sees in an editor. Terms and words may be broken across the line breaks of PDF-extracted
text (``智慧城`` / ``市``, ``инфраструкту-`` / ``ры``); :func:`joined` rebuilds a running text
without those breaks and keeps, for every character, its original position.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import regex
from ruzh.core.inputs import printable, read_input

_HAN = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’《》]")
_CYR_LOWER = regex.compile(r"\p{Ll}")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A checked file: the name used in reports and its lines without line terminators."""

    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Joined:
    """Running text of a file with line breaks removed where they split a word or a Chinese phrase.

    ``starts[i]`` is the offset in ``text`` where a piece copied from line ``lines[i]`` (1-based),
    column ``cols[i]`` (1-based) begins; pieces are contiguous runs of one original line.
    """

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]
    cols: tuple[int, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """Original (line, column) of the character at ``offset`` of :attr:`text`."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[i], self.cols[i] + offset - self.starts[i]


def read_source(path: str | Path, name: str | None = None, encoding: str | None = None) -> SourceFile:
    """Read a text file with the reader's encoding detection (UTF-8/16, cp1251, GB18030; exit 3 if
    none), or the paragraphs of a .docx, one per line."""
    label = name or printable(path)
    raw = read_input(path)
    return parse_source(raw, label, docx=Path(path).suffix.lower() == ".docx", encoding=encoding)


def parse_source(raw: bytes, label: str, docx: bool = False, encoding: str | None = None) -> SourceFile:
    """A checked file from its bytes (a file's, or standard input's under the name ``<stdin>``)."""
    from ruzh.align.encoding import decode_bytes

    if docx:
        from ruzh.align.docx import docx_paragraphs

        # as the reader does: a paragraph is a line, so positions are paragraph:column
        return SourceFile(label, tuple(docx_paragraphs(raw, label)))
    text, _ = decode_bytes(raw, label, encoding)
    return SourceFile(label, tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))


def _is_cjk(ch: str) -> bool:
    return bool(_HAN.match(ch))


def joined(src: SourceFile) -> Joined:
    """Join the lines of a file into running text, mapping every character back to the file.

    Between two lines: nothing when both sides are Chinese or a Russian word is hyphenated across
    the break (the hyphen is dropped), a space otherwise; blank lines become one space.
    """
    parts: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    cols: list[int] = []
    size = 0
    for number, raw in enumerate(src.lines, 1):
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        if parts:
            prev = parts[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and _CYR_LOWER.match(stripped[0]):
                parts[-1] = prev[:-1]
                size -= 1
            elif not (_is_cjk(prev[-1]) and _is_cjk(stripped[0])):
                parts.append(" ")
                starts.append(size)
                lines.append(number)
                cols.append(max(lead, 1))  # the space stands just before the first character of this line
                size += 1
        parts.append(stripped)
        starts.append(size)
        lines.append(number)
        cols.append(lead + 1)
        size += len(stripped)
    return Joined("".join(parts), tuple(starts), tuple(lines), tuple(cols))
