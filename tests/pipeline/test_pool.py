"""A pool left by Ctrl-C stops at once, without a traceback from its manager thread."""

from __future__ import annotations

import gc
import multiprocessing
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ruzh.interrupt import interruptible
from ruzh.pipeline.pool import worker_pool

TASKS = 20


def _slow(path: str) -> None:
    """Worker: note that the task ran, then take a while (the pool is busy when Ctrl-C comes)."""
    with open(path, "a") as handle:
        handle.write("ran\n")
    time.sleep(0.2)


def test_ctrl_c_during_map_drops_the_queue_and_ends_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGINT lands while ``map`` waits for a result and most tasks are still queued: the handler
    raises, the pool drops the queued tasks before it terminates its workers (the manager thread
    then marks only running futures failed, which is valid), and the block ends once they have."""
    errors: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda a: errors.append(a.exc_type.__name__))
    ran = tmp_path / "ran.txt"
    context = multiprocessing.get_context("fork")
    for _ in range(3):  # a race: try it a few times
        pool = worker_pool(2, context=context)
        with interruptible(), pytest.raises(KeyboardInterrupt), pool:
            results = pool.map(_slow, [str(ran)] * TASKS)
            next(results)  # the workers are up: the signal lands in the wait, not in a fork
            previous = signal.signal(signal.SIGALRM, lambda *_: signal.raise_signal(signal.SIGINT))
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            try:
                for _ in results:
                    pass
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        assert multiprocessing.active_children() == []
    assert errors == []
    assert len(ran.read_text().splitlines()) < 3 * TASKS // 2  # the queued tasks did not run


def test_a_pool_left_normally_finishes_its_tasks(tmp_path: Path) -> None:
    ran = tmp_path / "ran.txt"
    with worker_pool(2, context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_slow, str(ran)) for _ in range(4)]
    assert all(f.done() and f.exception() is None for f in futures)
    assert len(ran.read_text().splitlines()) == 4


_RESULT_SENT = """
import multiprocessing, sys, time
from ruzh.pipeline.pool import worker_pool

started = None

def keep(event):
    global started
    started = event

def large(size):
    data = bytes(size)
    started.set()
    return data  # sent back through the results pipe for a good fraction of a second

context = multiprocessing.get_context("fork")
event = context.Event()
try:
    with worker_pool(1, keep, (event,), context) as pool:
        pool.submit(large, 200_000_000)
        event.wait()
        time.sleep(0.3)  # the worker is writing its result now
        raise RuntimeError("stop")
except RuntimeError:
    print("stopped")
"""


def test_a_worker_is_never_terminated_in_the_middle_of_sending_a_result(tmp_path: Path) -> None:
    """Half a result left in the pipe made the pool's manager thread wait forever for the rest, and
    an interrupted build hung instead of exiting 130."""
    script = tmp_path / "stop_while_sending.py"
    script.write_text(_RESULT_SENT)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "stopped", done.stderr


def _pid(_: int) -> int:
    return 0


def test_forked_pools_keep_what_their_workers_inherited_out_of_the_collectors_reach() -> None:
    """A collection writes to every object it visits, copying the pages a forked worker shares with
    the main process: the objects that exist when a pool forks stay frozen until the last pool
    alive closes, normally or not, and are then the collector's again."""
    context = multiprocessing.get_context("fork")
    assert gc.get_freeze_count() == 0
    outer = worker_pool(1, context=context)
    with outer:
        assert list(outer.map(_pid, [1])) == [0]
        assert gc.get_freeze_count() > 0
        with pytest.raises(RuntimeError), worker_pool(1, context=context) as inner:
            assert list(inner.map(_pid, [1])) == [0]
            raise RuntimeError("a stage failed")
        assert gc.get_freeze_count() > 0  # the outer pool's workers still run
    assert gc.get_freeze_count() == 0


def test_a_spawning_pool_freezes_nothing() -> None:
    with worker_pool(1, context=multiprocessing.get_context("spawn")) as pool:
        assert list(pool.map(abs, [-1])) == [1]
        assert gc.get_freeze_count() == 0
