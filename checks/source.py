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

from ruzh.core.inputs import printable, read_input


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


def joined(src: SourceFile) -> Joined:
    """Join the lines of a file into running text, mapping every character back to the file.

    Lines join as the reader joins them (:func:`align.reflow.join_lines`): nothing next to Chinese,
    a word hyphenated across the break is rejoined (the hyphen kept where the word has one, as in
    научно-исследовательской), a space otherwise; blank lines become one space.
    """
    from ruzh.align.hyphenation import vocabulary
    from ruzh.align.reflow import join_lines

    known = vocabulary("\n".join(src.lines))
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
            separator, drop = join_lines(parts[-1], stripped, known)
            if drop:
                parts[-1] = parts[-1][:-drop]
                size -= drop
            elif separator:
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
