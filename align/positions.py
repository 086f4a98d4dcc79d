"""Map offsets in rebuilt text back to (line, column) in the original file.

Reflowing joins lines, drops hyphens and stray spaces; findings and CI annotations must still point
into the file the user has. A :class:`PositionedText` is built from pieces of original lines; each
piece maps linearly, so a lookup is one bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


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
