"""Map a character of a reflowed sentence back to its line and column in the original file.

The reader joins lines, removes hyphenation and page breaks, and gives each sentence the line and
column where it starts. A term in the middle of a long sentence may sit several lines further
down, so we walk the original text from the sentence's start, character by character, skipping
what reflow removed (line breaks, hyphens, spaces). Only sentences with hits are walked.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path

from ruzh.align.types import Sentence

# How far the walk may skip original characters that the reflowed text does not have.
_MAX_SKIP = 80


class SourceText:
    """The original text of one document, for line and column look-ups."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self._starts: list[int] = [0]
        if text:
            self._starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 1-based line and column."""
        if not self.text or line < 1:
            return 0
        return min(self._starts[min(line, len(self._starts)) - 1] + max(column, 1) - 1, len(self.text))

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def locate(self, sentence: Sentence, offsets: list[int]) -> list[tuple[int, int]]:
        """Original ``(line, column)`` of each offset (ascending) into ``sentence.text``."""
        if not self.text:
            return [(sentence.line, sentence.column)] * len(offsets)
        raw, text = self.text, sentence.text
        pos = self.offset(sentence.line, sentence.column)
        found: list[tuple[int, int]] = []
        want = iter(offsets)
        target = next(want, None)
        for i, ch in enumerate(text):
            if target is None:
                break
            if not ch.isspace():
                hit = _find(raw, ch, pos)
                if hit is not None:
                    pos = hit
            while target is not None and target <= i:
                found.append(self.line_column(pos))
                target = next(want, None)
            if not ch.isspace() and pos < len(raw) and raw[pos] == ch:
                pos += 1
        while len(found) < len(offsets):
            found.append(self.line_column(pos))
        return found


def _find(raw: str, ch: str, pos: int) -> int | None:
    """Next position of ``ch`` in ``raw`` within the skip window (case-insensitively as a fallback)."""
    end = min(len(raw), pos + _MAX_SKIP)
    i = raw.find(ch, pos, end)
    if i >= 0:
        return i
    low = ch.lower()
    for j in range(pos, end):
        if raw[j].lower() == low:
            return j
    return None


@lru_cache(maxsize=32)
def source_text(path: str, encoding: str) -> SourceText:
    """The original text of a plain-text document; empty for files that are not plain text."""
    p = Path(path)
    if p.suffix.lower() not in (".txt", ".text", ".md", "") or not p.is_file():
        return SourceText(None)
    from ruzh.align.encoding import decode_bytes
    from ruzh.core.errors import RuzhError

    try:
        text, _ = decode_bytes(p.read_bytes(), path, encoding or None)
    except (OSError, LookupError, RuzhError):
        return SourceText(None)
    return SourceText(text.replace("\r\n", "\n").replace("\r", "\n"))
