"""Leaving the ``ruzh`` process once a command is done, without the interpreter's teardown.

A build leaves millions of objects alive until the end: jieba's and pymorphy3's dictionaries, the
lexicon's matchers, memo tables. At exit CPython frees them one by one, after every output has been
written, renamed into place and closed: ~1.3 s after a full build of the 500-pair benchmark and
~1 s after an edit's rebuild (`bench/bench_build.py`), some 8% of the edit's time. So the command
runs the exit handlers (``atexit``, ``weakref.finalize``), flushes the standard streams and ends
the process there. Where a thread other than the main one is still running, the process leaves
the usual way, which waits for it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import NoReturn


def leave(code: int) -> NoReturn:
    """End the process with ``code``: exit handlers run and the standard streams are flushed, but
    the objects left alive are not freed one by one (the system takes the memory back at once)."""
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing left to say
            stream.flush()
    os._exit(code)
