"""Ctrl-C: the main process stops at once and says so; worker processes stay silent.

A terminal sends SIGINT to every process of the foreground group, so each pool worker would
raise ``KeyboardInterrupt`` and print its own traceback. While :func:`interruptible` is active the
SIGINT handler is one that forked workers inherit and that does nothing in them; in the main process
it ends the workers (they only compute: every file is written by the main process, atomically)
and raises ``KeyboardInterrupt``, so pools shut down at once instead of finishing their queues.
Pools started some other way than by forking call :func:`ignore_interrupts` as their initializer.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # multiprocessing costs ~15 ms to import: only commands that fork pay it
    from concurrent.futures import ProcessPoolExecutor

_main_pid: int | None = None


def ignore_interrupts() -> None:
    """Initializer of a pool worker: Ctrl-C is the main process's business."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _main_pid:
        return  # a forked worker: the main process stops the run
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
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


@contextlib.contextmanager
def worker_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers ignore Ctrl-C; on an error or an interrupt the queued work is
    cancelled instead of finished."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=ignore_interrupts)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
