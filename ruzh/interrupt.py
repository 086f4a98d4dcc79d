"""Ctrl-C: the main process stops at once and says so; worker processes stay silent.

A terminal sends SIGINT to every process of the foreground group, so each pool worker would
raise ``KeyboardInterrupt`` and print its own traceback. While :func:`interruptible` is active the
SIGINT handler is one that forked workers inherit and that does nothing in them; in the main process
it raises ``KeyboardInterrupt``. The workers are ended by their pools, which the exception leaves:
a :class:`ruzh.pipeline.pool.WorkerPool` drops its pending tasks and then terminates its workers, in
that order (terminating them from here, while ``Executor.map`` cancelled its futures, made a pool's
manager thread print an ``InvalidStateError`` traceback). The build's pools also ignore SIGINT in
their workers.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType

_main_pid: int | None = None


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _main_pid:
        return  # a forked worker: the main process stops the run
    raise KeyboardInterrupt


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Install the handler for the duration of a command (main thread only; elsewhere a no-op)."""
    global _main_pid
    try:
        previous = signal.signal(signal.SIGINT, _on_interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    _main_pid = os.getpid()
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
