"""Worker processes that never outlive the build.

On Linux each worker asks the kernel to kill it when the process that started it dies
(``PR_SET_PDEATHSIG``), so killing the main process, even with SIGKILL, leaves no worker running and
holding the output folder's lock. Workers ignore SIGINT: Ctrl-C is the main process's to handle
(exit 130), and a worker never prints a traceback for it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any

_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _start(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def worker_pool(
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    context: BaseContext | None = None,
) -> ProcessPoolExecutor:
    """A process pool of ``jobs`` workers bound to this process's life (``context``: how workers
    start; a forked worker shares what the main process built before the pool)."""
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_start,
        initargs=(os.getpid(), initializer, initargs),
    )
