"""Align batches of passage pairs on several processes, reusing cached alignments.

The aligner's pairing (:func:`align.aligner.pairing.find_parallel_passages`) decides which passages to
try; this is the batch aligner it calls, so the costly step runs in parallel and is never repeated
for the same sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from types import TracebackType

from ruzh.align.aligner import align_sentences
from ruzh.align.aligner.pairing import Passage
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Bead
from ruzh.interrupt import ignore_interrupts
from ruzh.pipeline.cache import Cache, key
from ruzh.progress import Progress

_WORKER_LEXICON: Lexicon | None = None


def _start_worker(lexicon: Lexicon, worker: bool = False) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon
    if worker:
        ignore_interrupts()


def _align(ru: list[str], zh: list[str]) -> list[Bead]:
    """Worker: beads for one passage pair with the build's lexicon."""
    return align_sentences(ru, zh, _WORKER_LEXICON)


def _texts(passage: Passage) -> list[str]:
    return [s.text for s in passage.sentences]


class CachedParallelAligner:
    """``aligner(batch)`` → beads per pair; a process pool lives as long as the ``with`` block."""

    def __init__(self, jobs: int, cache: Cache, lexicon: Lexicon, quiet: bool = False) -> None:
        self.jobs = jobs
        self.lexicon = lexicon
        _start_worker(lexicon)  # the serial path aligns in this process
        self.cache = cache
        self.quiet = quiet
        self.aligned = 0
        self._pool: Executor | None = None
        self._bar = Progress("aligning", 0, quiet)  # one line for every batch the pairing sends

    def __enter__(self) -> CachedParallelAligner:
        self._bar.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=kind is not None)
            self._pool = None
        self._bar.__exit__(kind, value, trace)

    def _executor(self) -> Executor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_start_worker, initargs=(self.lexicon, True)
            )
        return self._pool

    def __call__(self, batch: Sequence[tuple[Passage, Passage]]) -> list[list[Bead]]:
        lex = self.lexicon.signature()
        keys = [key("passage", lex, *_texts(ru), "\x01", *_texts(zh)) for ru, zh in batch]
        beads: list[list[Bead] | None] = [self.cache.get(k, "beads") for k in keys]
        todo = [i for i, b in enumerate(beads) if b is None]
        self._bar.grow(len(batch))
        self._bar.advance(len(batch) - len(todo))  # from the cache
        if self.jobs > 1 and len(todo) > 1:
            pool = self._executor()
            futures = [pool.submit(_align, _texts(batch[i][0]), _texts(batch[i][1])) for i in todo]
            results = (future.result() for future in futures)
        else:
            results = (_align(_texts(batch[i][0]), _texts(batch[i][1])) for i in todo)
        for i, result in zip(todo, results, strict=True):
            beads[i] = result
            self.cache.put(keys[i], "beads", result)
            self._bar.advance()
        self.aligned += len(todo)
        return [b or [] for b in beads]
