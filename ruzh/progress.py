"""Progress of the build's phases on stderr, so a long run always shows what it is doing.

On a terminal every phase is one line drawn by ``rich`` (name, bar, done/total, elapsed, time left);
phases that run inside another (aligning inside pairing) get their own line under one live display.
When stderr is not a terminal (a CI log) each phase prints one line when it ends, and every
``interval`` seconds a line for each phase still running, so the log shows life. ``quiet`` prints
nothing. A phase whose work the libraries do in one call has no total: it counts its steps and
shows a spinner, and its ``result`` text tells what it produced.
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress

from ruzh.interrupt import stop_if_interrupted

PHASES = ("reading", "pairing", "aligning", "glossary", "checks", "report")
INTERVAL = 10.0  # seconds between the lines of a running phase when stderr is not a terminal


class _Live:
    """The one live display on a terminal, shared by the phases that are open at the same time."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.display: RichProgress | None = None
        self.open = 0

    def add(self, stream: TextIO, label: str, total: int | None) -> TaskID:
        with self.lock:
            if self.display is None:
                self.display = RichProgress(
                    SpinnerColumn(finished_text="✓"),
                    TextColumn("{task.description:<9}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("{task.fields[result]}"),
                    TimeElapsedColumn(),
                    TextColumn("left"),
                    TimeRemainingColumn(),
                    console=Console(file=stream, force_terminal=True),
                    refresh_per_second=8,
                )
                self.display.start()
            self.open += 1
            return self.display.add_task(label, total=total, result="")

    def update(self, task: TaskID, **fields: object) -> None:
        with self.lock:
            if self.display is not None:
                self.display.update(task, **fields)  # type: ignore[arg-type]

    def close(self, task: TaskID, total: int) -> None:
        with self.lock:
            if self.display is None:
                return
            self.display.update(task, total=total, completed=total)
            self.open -= 1
            if self.open == 0:
                self.display.stop()
                self.display = None


_LIVE = _Live()
_LOG_LOCK = threading.Lock()


class Progress:
    """``with Progress("aligning", total) as bar: bar.advance()``; ``bar.grow(n)`` when more work turns up."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        quiet: bool = False,
        stream: TextIO | None = None,
        interval: float = INTERVAL,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.result = ""
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.terminal = not quiet and _isatty(self.stream)
        if self.terminal and stream is None and sys.__stderr__ is not None:
            # The bars are drawn with terminal codes and show only our own names and counts, never a
            # document's text, so they go to the terminal itself, not through the guard of
            # ruzh.core.terminal that makes the controls of document text visible.
            self.stream = sys.__stderr__
        self.interval = interval
        self._start = 0.0
        self._task: TaskID | None = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __enter__(self) -> Progress:
        stop_if_interrupted()
        self._start = time.monotonic()
        if self.terminal:
            self._task = _LIVE.add(self.stream, self.label, self.total)
        elif not self.quiet:
            self._ticker = threading.Thread(target=self._tick, name=f"progress-{self.label}", daemon=True)
            self._ticker.start()
        return self

    def advance(self, step: int = 1) -> None:
        """Count finished work."""
        stop_if_interrupted()
        self.done += step
        if self._task is not None:
            _LIVE.update(self._task, completed=self.done)

    def grow(self, extra: int) -> None:
        """More work to do in this phase (another batch of passages to align)."""
        self.total = (self.total or 0) + extra
        if self._task is not None:
            _LIVE.update(self._task, total=self.total)

    def finish(self, result: str) -> None:
        """What the phase produced, shown on its line ("731 rows")."""
        self.result = result
        if self._task is not None:
            _LIVE.update(self._task, result=result)

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        if self._task is not None:
            _LIVE.close(self._task, self.total if self.total is not None else max(self.done, 1))
        elif not self.quiet and kind is None:
            self._write(self.line(final=True))

    def line(self, final: bool = False) -> str:
        """One line for a log: ``aligning: 500/500 done in 31.2 s`` when the phase ends, and while it
        runs ``aligning: 120/500 (24%) after 31 s, about 98 s left``."""
        elapsed = time.monotonic() - self._start
        count = f"{self.done}/{self.total}" if self.total else ""
        if final:
            text = f"{self.label}: {count} done in {elapsed:.1f} s".replace(":  ", ": ")
            return f"{text} ({self.result})" if self.result else text
        if not self.total:
            return f"{self.label}: running after {elapsed:.0f} s"
        text = f"{self.label}: {count} ({100 * self.done / self.total:.0f}%) after {elapsed:.0f} s"
        if 0 < self.done < self.total:
            text += f", about {elapsed * (self.total - self.done) / self.done:.0f} s left"
        return text

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            self._write(self.line())

    def _write(self, text: str) -> None:
        with _LOG_LOCK:
            self.stream.write(text + "\n")
            self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
