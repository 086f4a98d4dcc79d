"""A small progress bar on stderr for long runs; silent when stderr is not a terminal or when quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``with Progress("aligning", total) as bar: bar.advance()``; redraws at most ten times a second."""

    def __init__(self, label: str, total: int, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = not quiet and self.stream.isatty() and total > 1
        self._last = 0.0

    def __enter__(self) -> Progress:
        self._draw(force=True)
        return self

    def advance(self, step: int = 1) -> None:
        """Count finished work and redraw."""
        self.done += step
        self._draw()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 30
        filled = int(width * self.done / self.total)
        self.stream.write(
            f"\r{self.label:<12} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
        )
        self.stream.flush()

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
