"""The per-document parts of a build's checks: their cache names, how each is read or made, and the
early workers that make the missing ones while the glossary is built.

A document's part (:func:`~ruzh.checks.runner.document_part`) is kept by the document's content, its
termbase part by that name and the glossary digest. A kept part is read once per build, where it is
used: in this process, or on the checks' workers (:mod:`ruzh.pipeline.checking`), which send back
only what the merges across the corpus take (:func:`alone_part`).
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Sized

from ruzh.align.types import Document
from ruzh.checks.runner import DocumentChecks, checks_of, document_part, termbase_part
from ruzh.checks.text import DocumentText
from ruzh.checks.variants import Glossary
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.pool import WorkerPool, worker_pool

PART_CHUNK = 8  # documents per task on the pool

Counts = tuple[int, int, int, Counter[str], Counter[str]]  # hits, misses, rejected, misses and hits by kind


def chunks(items: Sequence[int], size: int) -> list[list[int]]:
    return [list(items[k : k + size]) for k in range(0, len(items), size)]


def pooled(jobs: int, documents: Sized) -> bool:
    """Whether a pool pays for these documents: several workers, enough documents, forked workers
    available."""
    return jobs > 1 and len(documents) >= 2 * PART_CHUNK and "fork" in multiprocessing.get_all_start_methods()


def document_key(fingerprint: str) -> str:
    """The cache name of a document's part of the checks (by its content key)."""
    return key("document-findings", fingerprint)


def terms_key(document: str, digest: str) -> str:
    """The cache name of a document's termbase part: its part's name and the glossary digest
    (:func:`checks.units.glossary_digest`; the part is found with :func:`in_id_order`)."""
    return key("termbase-part", document, digest)


def lazy_text(document: Document) -> Callable[[], DocumentText]:
    """The document's running text, built on the first call only (a kept part needs none)."""
    held: list[DocumentText] = []

    def text() -> DocumentText:
        if not held:
            held.append(DocumentText.of(document))
        return held[0]

    return text


def part_of(
    cache: Cache, name: str, part: DocumentChecks | None, stored: bool, text: Callable[[], DocumentText]
) -> DocumentChecks:
    """A document's part: ``part`` when at hand, else read (when ``stored``), else made and stored."""
    if part is None and stored:
        part = cache.get(name, "findings-doc", DocumentChecks)
    if part is None:
        part = document_part(text())
        cache.put(name, "findings-doc", part)
    return part


def terms_of(
    cache: Cache, name: str, part: DocumentChecks, termbase: Glossary, text: Callable[[], DocumentText]
) -> DocumentChecks:
    """A document's termbase part (``name``: :func:`terms_key`), kept or made from ``part`` with
    ``termbase`` and stored."""
    kept = cache.get(name, "findings-terms", DocumentChecks)
    if kept is None:
        kept = termbase_part(text(), part, termbase)
        cache.put(name, "findings-terms", kept)
    return kept


def alone_part(part: DocumentChecks) -> DocumentChecks:
    """What the merges take of a document's part once its termbase part is made: the findings and
    the corpus rules' summaries (what the termbase rules prepared is left where it was used)."""
    corpus = {n for n, _ in checks_of("corpus")}
    return DocumentChecks(part.findings, tuple(s for s in part.summaries if s[0] in corpus))


def counts(cache: Cache) -> Counts:
    return cache.hits, cache.misses, cache.rejected, Counter(cache.missed), Counter(cache.found)


def add_counts(cache: Cache, before: Counts, after: Counts) -> None:
    """Add to ``cache`` what a worker's copy of it counted between ``before`` and ``after``."""
    cache.hits += after[0] - before[0]
    cache.misses += after[1] - before[1]
    cache.rejected += after[2] - before[2]
    cache.missed.update(after[3] - before[3])
    cache.found.update(after[4] - before[4])


_EARLY: tuple[Sequence[Document], Sequence[str], Cache] | None = None  # for the early worker


def _early_task(indices: list[int]) -> list[DocumentChecks]:
    """Early worker: the parts of some documents, stored from here."""
    assert _EARLY is not None
    documents, names, cache = _EARLY
    out = []
    for i in indices:
        part = document_part(DocumentText.of(documents[i]))
        cache.put(names[i], "findings-doc", part)
        out.append(part)
    return out


class EarlyParts:
    """The per-document check parts a build is missing, computed on forked workers while the main
    process builds the glossary (they need the documents alone); :meth:`start` forks them, the
    checks take the parts with :meth:`parts`. The workers end with the ``with`` block."""

    def __init__(self, documents: Sequence[Document], fingerprints: Sequence[str], cache: Cache, jobs: int):
        self.documents, self.cache, self.jobs = documents, cache, jobs
        self.names = [document_key(f) for f in fingerprints]
        self.stored: frozenset[int] = frozenset()  # documents with a part in the cache, read where used
        self._kept: list[DocumentChecks | None] | None = None
        self._pool: WorkerPool | None = None
        self._todo: list[list[int]] = []
        self._results: Iterator[list[DocumentChecks]] | None = None

    def __enter__(self) -> EarlyParts:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        global _EARLY
        if self._pool is not None:
            self._pool.close(failed=kind is not None)
            self._pool = None
        _EARLY = None

    def start(self) -> None:
        """Find which parts are stored (not read here); when enough are missing, start computing
        them on the side (one worker fewer than ``jobs``: this process goes on working)."""
        global _EARLY
        self.stored = frozenset(i for i, n in enumerate(self.names) if self.cache.has(n, "findings-doc"))
        # an entry not stored is asked for all the same: the miss is counted, as the stats report it
        self._kept = [None if i in self.stored else self.cache.get(n, "findings-doc", DocumentChecks)
                      for i, n in enumerate(self.names)]  # fmt: skip
        todo = [i for i, part in enumerate(self._kept) if part is None and i not in self.stored]
        if not pooled(self.jobs, todo):
            return
        self._todo = chunks(todo, PART_CHUNK)
        _EARLY = (self.documents, self.names, self.cache)  # until the workers end (__exit__)
        self._pool = worker_pool(max(1, self.jobs - 1), context=multiprocessing.get_context("fork"))
        self._results = self._pool.map(_early_task, self._todo)

    def parts(self) -> list[DocumentChecks | None]:
        """Every document's part made early (``None``: read it when in :attr:`stored`, else make
        it), waiting for the early workers."""
        if self._kept is None:
            self.start()
        assert self._kept is not None
        kept = self._kept
        if self._results is not None:
            for chunk, found in zip(self._todo, self._results, strict=True):
                for i, part in zip(chunk, found, strict=True):
                    kept[i] = part
            self._results = None
            self.__exit__(None)
        return kept
