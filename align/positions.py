"""Map offsets in rebuilt text back to (line, column) in the original file.

Reflowing joins lines, drops hyphens and stray spaces; findings and CI annotations must still point
into the file the user has. A :class:`PositionedText` is built from pieces of original lines; each
piece maps linearly, so a lookup is one bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Where each piece of a rebuilt text came from: piece ``i`` starts at offset ``starts[i]`` and
    at 1-based ``lines[i]``:``columns[i]`` of the original file, and maps linearly from there."""

    starts: tuple[int, ...] = ()
    lines: tuple[int, ...] = ()
    columns: tuple[int, ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of the character at ``offset``."""
        if not self.starts:
            return (1, 1)
        index = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[index], self.columns[index] + (offset - self.starts[index])

    def offset_of(self, line: int, column: int, length: int) -> int:
        """The offset of the character at ``line``:``column`` in a text of ``length`` characters
        (the start of the next piece when no piece holds it). Pieces follow the file, so their
        places ascend and one bisection finds the piece."""
        i = bisect_right(
            range(len(self.starts)), (line, column), key=lambda k: (self.lines[k], self.columns[k])
        )
        if i == 0:
            return self.starts[0] if self.starts else 0
        start, end = self.starts[i - 1], self.starts[i] if i < len(self.starts) else length
        if self.lines[i - 1] == line and column - self.columns[i - 1] < end - start:
            return start + column - self.columns[i - 1]
        return end


@dataclass(frozen=True, slots=True)
class RunningText:
    """Text joined from rebuilt pieces (a document's paragraphs) with one map back to the file."""

    text: str
    offsets: OffsetMap

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of the character at ``offset``."""
        return self.offsets.locate(offset)


def concatenate(pieces: Iterable[tuple[str, OffsetMap]], separator: Callable[[str, str], str]) -> RunningText:
    """Pieces joined into one text; ``separator(before, after)`` gives what stands between two
    (it maps to the end of the piece before it)."""
    parts: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    columns: list[int] = []
    size = 0
    for text, where in pieces:
        if not text:
            continue
        between = separator(parts[-1], text) if parts else ""
        if between:
            parts.append(between)
            size += len(between)
        parts.append(text)
        starts.extend(size + s for s in where.starts)
        lines.extend(where.lines)
        columns.extend(where.columns)
        size += len(text)
    return RunningText("".join(parts), OffsetMap(tuple(starts), tuple(lines), tuple(columns)))


@dataclass
class PositionedText:
    """Text assembled from pieces of source lines, remembering where each piece came from."""

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    length: int = 0

    def append(self, piece: str, line: int, column: int) -> None:
        """Add ``piece`` that starts at 1-based ``line`` and ``column`` of the original file."""
        if not piece:
            return
        self.parts.append(piece)
        self.starts.append(self.length)
        self.lines.append(line)
        self.columns.append(column)
        self.length += len(piece)

    def append_synthetic(self, piece: str) -> None:
        """Add text that stands for something between pieces (a joining space): it maps to the
        end of the previous piece."""
        if not piece:
            return
        if self.parts:
            self.parts[-1] += piece
        else:
            self.parts.append(piece)
            self.starts.append(0)
            self.lines.append(1)
            self.columns.append(1)
        self.length += len(piece)

    def drop_last(self, count: int) -> None:
        """Remove the last ``count`` characters (a line-end hyphen) in constant time; slicing the
        whole text for it made 8,000 hyphenated lines quadratic."""
        while count > 0 and self.parts:
            last = self.parts[-1]
            if len(last) > count:
                self.parts[-1] = last[:-count]
                self.length -= count
                return
            self.parts.pop()
            self.starts.pop()
            self.lines.pop()
            self.columns.pop()
            self.length -= len(last)
            count -= len(last)

    @property
    def text(self) -> str:
        """The assembled text."""
        return "".join(self.parts)

    def offsets(self) -> OffsetMap:
        """The frozen map from offsets of :attr:`text` back to the file (kept with the block)."""
        return OffsetMap(tuple(self.starts), tuple(self.lines), tuple(self.columns))

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of the character at ``offset``."""
        if not self.starts:
            return (1, 1)
        index = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[index], self.columns[index] + (offset - self.starts[index])

    def slice(self, start: int, end: int) -> PositionedText:
        """The sub-text ``[start, end)`` with its positions (used to strip a label or spaces)."""
        result = PositionedText()
        for i, part in enumerate(self.parts):
            p_start = self.starts[i]
            p_end = p_start + len(part)
            lo, hi = max(start, p_start), min(end, p_end)
            if lo < hi:
                result.append(
                    part[lo - p_start : hi - p_start], self.lines[i], self.columns[i] + lo - p_start
                )
        return result

    def strip(self) -> PositionedText:
        """The text without leading and trailing white space."""
        text = self.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return self.slice(start, end) if (start, end) != (0, len(text)) else self
