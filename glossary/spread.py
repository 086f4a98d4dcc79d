"""Work split into parts that run on forked worker processes, or here when there are none.

Competitive linking's ranking (each co-occurring pair on its own) and its competition (each sentence
pair on its own) depend only on the round's state, which is large: a forked worker inherits it, so
only a part's number goes to the worker and only its result comes back. The caller supplies the
pool (one that keeps the inherited state out of the garbage collector's reach while the workers run,
as the build's do: a worker's collection would otherwise visit every inherited object and write to
it, copying the pages it shares with the main process, some 8% of the workers' CPU on the 500-pair
benchmark; and bound to the build's life). Without one, or with one part, everything runs in this
process in the same order, so the results are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Workers:
    """``jobs`` worker processes, started by ``pool`` (forked: they inherit what exists when it is
    called) and stopped when its block ends."""

    jobs: int
    pool: Callable[[], AbstractContextManager[Executor]]


# The task of the pool being run: set before the workers fork, so that they inherit it.
_TASK: Callable[[int], Any] | None = None


def spread(workers: Workers | None, task: Callable[[int], T], parts: int) -> list[T]:
    """``[task(0), ..., task(parts - 1)]``, on ``workers`` when there are some and several parts."""
    global _TASK
    if workers is None or workers.jobs < 2 or parts < 2:
        return [task(i) for i in range(parts)]
    _TASK = task
    try:
        with workers.pool() as pool:
            return list(pool.map(_run, range(parts)))
    finally:
        _TASK = None


def parts(workers: Workers | None, size: int, least: int) -> int:
    """How many parts to split work of ``size`` into: a few per worker, so that uneven parts even
    out, or one below ``least`` (starting workers would cost more than they save)."""
    return 1 if workers is None or workers.jobs < 2 or size < least else 3 * workers.jobs


def bounds(size: int, count: int) -> list[tuple[int, int]]:
    """``count`` consecutive slices of ``range(size)`` of about equal length."""
    return [(size * i // count, size * (i + 1) // count) for i in range(count)]


def _run(part: int) -> Any:
    assert _TASK is not None, "spread's task is set before its workers start"
    return _TASK(part)
