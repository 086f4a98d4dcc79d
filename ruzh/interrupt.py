"""Ctrl-C: the main process stops at once and says so; worker processes stay silent.

A terminal sends SIGINT to every process of the foreground group, so each pool worker would
raise ``KeyboardInterrupt`` and print its own traceback. While :func:`interruptible` is active the
SIGINT handler is one that forked workers inherit and that does nothing in them; in the main process
it raises ``KeyboardInterrupt``. The workers are ended by their pools, which the exception leaves:
a :class:`ruzh.pipeline.pool.WorkerPool` drops its pending tasks and then terminates its workers, in
that order (terminating them from here, while ``Executor.map`` cancelled its futures, made a pool's
manager thread print an ``InvalidStateError`` traceback). The build's pools also ignore SIGINT in
their workers.

Python ignores an exception raised while it runs a finalizer (``__del__``, a weakref callback): a
Ctrl-C that lands there would be printed as "Exception ignored" and lost, and the build would go on
to write its outputs. So the handler also records the interrupt, the progress of every phase and the
final move of a build's outputs call :func:`stop_if_interrupted`, and the ignored exception is not
reported while the command runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

_main_pid: int | None = None
_interrupted = False


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global _interrupted
    if os.getpid() != _main_pid:
        return  # a forked worker: the main process stops the run
    _interrupted = True
    raise KeyboardInterrupt


def stop_if_interrupted() -> None:
    """Raise ``KeyboardInterrupt`` if a Ctrl-C came and was swallowed by a finalizer (main thread)."""
    if _interrupted and os.getpid() == _main_pid and threading.current_thread() is threading.main_thread():
        raise KeyboardInterrupt


def _quiet_about_interrupts(unraisable: sys.UnraisableHookArgs) -> None:
    """The "Exception ignored" report of a Ctrl-C in a finalizer: recorded already, so not printed."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Install the handler for the duration of a command (main thread only; elsewhere a no-op)."""
    global _main_pid, _interrupted
    try:
        previous = signal.signal(signal.SIGINT, _on_interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    _main_pid = os.getpid()
    _interrupted = False
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_about_interrupts
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = previous_hook
        _main_pid, _interrupted = None, False  # outside a command nothing is stopped
