"""Text for people's terminals, with the control characters of documents made visible.

A document (or a file name) may carry ESC sequences that a terminal would obey: clear the screen,
retitle the window, hide the lines above, forge a hyperlink. Text meant to be read is therefore
printed with every control character (C0 except tab and newline, DEL, C1) written as an escape
such as ``\\x1b``, which is what a reader needs to find and remove it. Commands that print text
for people call :func:`visible`; :func:`guarded_terminals` catches every other write to a terminal.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def visible(text: str) -> str:
    """``text`` with control characters (but tab and newline) written as ``\\xNN``."""
    return _CONTROL.sub(_escape, text)


class VisibleStream(io.TextIOBase):
    """A text stream that writes through :func:`visible` to another one (a terminal)."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self._target = target

    def write(self, text: str) -> int:
        # A carriage return that starts a write is how a progress bar redraws its line: it passes.
        head = "\r" if text.startswith("\r") else ""
        self._target.write(head + visible(text[len(head) :]))
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def isatty(self) -> bool:
        return self._target.isatty()

    def fileno(self) -> int:
        return self._target.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._target.encoding

    @property
    def buffer(self) -> Any:
        """Binary writes (a TMX to stdout) are data, not text for people: they pass unchanged."""
        return self._target.buffer


@contextlib.contextmanager
def guarded_terminals() -> Iterator[None]:
    """While the block runs, standard output and error that are terminals show controls visibly."""
    saved = sys.stdout, sys.stderr
    try:
        if sys.stdout.isatty():
            sys.stdout = VisibleStream(sys.stdout)
        if sys.stderr.isatty():
            sys.stderr = VisibleStream(sys.stderr)
        yield
    finally:
        sys.stdout, sys.stderr = saved
