"""The glossary's per-document counts and per-passage sentence units, computed on one pool.

Both tag and lemmatise the same sentences (jieba and pymorphy3, with caches per process). Run on two
pools, each worker of the second tagged again what a worker of the first had tagged; here a task
counts the documents of a few passages and then computes those passages' units in the same worker,
whose caches are warm. Workers are forked from the main process and find the documents there by
index, so no document is sent to them; each stores what it computes in the cache itself. Both are
cached by content: after an edit only the edited document and its passages are computed again.

The parts are kept combined too, by groups of consecutive documents (merging is associative, see
:func:`glossary.parts.combined`): an edit restores and combines one group's parts and merges the
groups, in place of restoring and merging every document's part. A group whose documents are all
to be counted (a first build) is one task: its worker combines the parts it has just counted and
stores the group, so the documents' parts are neither sent back nor read again to be combined.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruzh.align.types import Document
from ruzh.glossary.lazy import Later
from ruzh.glossary.parts import DocumentPart, combined, load_models
from ruzh.glossary.termbase import Concept
from ruzh.glossary.units import SentenceUnits
from ruzh.pipeline import parts, units
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.partdata import StoredPart, restored, stored
from ruzh.pipeline.pool import worker_pool
from ruzh.pipeline.units import StoredPassageUnits, Texts, units_key

PASSAGES = 4  # passages per task (with their documents)
# Documents whose parts are combined and kept as one: an edit combines one group again and merges
# the groups, in place of restoring and merging every document's part.
GROUP = 32
# A first build counts a group in one task with this many groups or more per worker (fewer, larger
# tasks leave a worker idle at the end: then the documents are counted a few at a time and the
# workers combine the groups in a second round).
GROUP_TASKS = 4

_WORKER: Work | None = None  # the main process's work, which forked workers share


@dataclass
class Work:
    """What is missing from the cache: documents to count and passages whose units to compute,
    each by index with the name to store it under."""

    documents: Sequence[Document]
    doc_names: dict[int, str]
    texts: Sequence[Texts]
    unit_names: dict[int, str]
    groups: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # to combine: keys
    spans: Sequence[range] = ()  # every group's documents (by index)
    parts: dict[int, StoredPart] = field(default_factory=dict)
    combined: dict[int, StoredPart] = field(default_factory=dict)
    pairs: dict[int, list[SentenceUnits]] = field(default_factory=dict)  # computed passages' units


@dataclass(frozen=True, slots=True)
class _Task:
    documents: tuple[int, ...]
    passages: tuple[int, ...]
    group: int | None = None  # the group these documents make up: combined and stored by the task


def tasks(work: Work, passage_docs: Sequence[tuple[str, str]], jobs: int = 1) -> list[_Task]:
    """A task per group whose documents are all to be counted, with the passages whose first
    document is in it (with several ``jobs``, when there are :data:`GROUP_TASKS` such groups per
    worker); then tasks of ``PASSAGES`` passages each, with the documents of those
    passages that are still to be counted; then the documents that no passage to do reads, a few
    per task."""
    index = {d.name: i for i, d in enumerate(work.documents)}
    left = set(work.doc_names)
    whole = {g for g in work.groups if all(i in left for i in work.spans[g])}
    if jobs > 1 and len(whole) < GROUP_TASKS * jobs:
        whole = set()
    group_of = {i: g for g in whole for i in work.spans[g]}
    by_group: dict[int, list[int]] = {g: [] for g in sorted(whole)}
    todo: list[int] = []
    for u in sorted(work.unit_names):
        first = min((index[n] for n in passage_docs[u] if n in index), default=-1)
        (by_group[group_of[first]] if first in group_of else todo).append(u)
    out = [_Task(tuple(work.spans[g]), tuple(mine), g) for g, mine in by_group.items()]
    for g in whole:
        left.difference_update(work.spans[g])
    for k in range(0, len(todo), PASSAGES):
        chunk = tuple(todo[k : k + PASSAGES])
        docs = dict.fromkeys(index[n] for u in chunk for n in passage_docs[u] if n in index)
        mine = tuple(i for i in docs if i in left)
        left.difference_update(mine)
        out.append(_Task(mine, chunk))
    rest = tuple(sorted(left))
    out += [_Task(rest[k : k + PASSAGES], ()) for k in range(0, len(rest), PASSAGES)]
    return out


def _start(concepts: Sequence[Concept], folder: Path | None) -> None:
    parts.start_worker(concepts, folder)
    units.start_worker(folder)


# A task's result: the documents' parts (none when the task combines its group), the passages'
# units, the group's combined part, and how many documents it counted.
_Result = tuple[
    list[tuple[int, StoredPart]], list[tuple[int, StoredPassageUnits]], tuple[int, StoredPart] | None, int
]


def _run(task: _Task) -> _Result:
    """Worker: count the task's documents (and combine and store them when they are a group),
    then compute its passages' units."""
    work = _WORKER
    assert work is not None
    found = [parts.count_and_store(work.documents[i], work.doc_names[i]) for i in task.documents]
    batch, names = [work.texts[u] for u in task.passages], [work.unit_names[u] for u in task.passages]
    done = list(zip(task.passages, units.units_and_store(batch, names), strict=True))
    if task.group is None:
        return list(zip(task.documents, (data for _, data in found), strict=True)), done, None, len(found)
    group = parts.combine_counted([part for part, _ in found], work.groups[task.group][0])
    return [], done, (task.group, group), len(found)


def compute(
    work: Work,
    passage_docs: Sequence[tuple[str, str]],
    concepts: Sequence[Concept],
    jobs: int,
    folder: Path | None,
    tick: Callable[[int], None],
) -> Iterator[None]:
    """Fill ``work.parts`` and ``work.pairs``, on ``jobs`` forked workers when there is more than
    one task (else here), and then on those workers ``work.combined`` with the groups to combine
    (the main process combines the others); ``tick(n)`` for n documents or passages done.
    ``passage_docs``: each passage's (Russian, Chinese) document. Yields once the tasks are handed
    out and after each result taken: the caller takes what is ready meanwhile."""
    global _WORKER
    todo = tasks(work, passage_docs, jobs)
    _WORKER = work
    try:
        if jobs > 1 and len(todo) > 1:
            load_models()  # once, before the workers fork
            context = multiprocessing.get_context("fork")
            with worker_pool(jobs, _start, (list(concepts), folder), context) as pool:
                results = pool.map(_run, todo)
                yield
                for result in results:
                    _take(work, result, tick)
                    yield
                rest = {g: v for g, v in work.groups.items() if g not in work.combined}
                if len(rest) > 1:  # groups of counted and kept parts: the workers combine them too
                    done = pool.map(parts.combine_and_store, rest.values())
                    for g, part in zip(rest, done, strict=True):
                        if part is not None:
                            work.combined[g] = part
                        yield
        else:
            _start(concepts, folder)
            for task in todo:
                _take(work, _run(task), tick)
                yield
    finally:
        _WORKER = None


def _take(work: Work, result: _Result, tick: Callable[[int], None]) -> None:
    """One task's result; its units are made into sentence units here, while the workers go on."""
    counted, found, group, documents = result
    work.parts.update(counted)
    work.pairs.update((u, units.pairs) for u, units in found)
    if group is not None:
        work.combined[group[0]] = group[1]
    tick(documents + len(found))


def glossary_counts(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    texts: Sequence[Texts],
    passage_docs: Sequence[tuple[str, str]],
    concepts: Sequence[Concept],
    concepts_key: str,
    jobs: int,
    cache: Cache,
    advance: Callable[[int], None] | None = None,
    counted: Callable[[], None] | None = None,
) -> tuple[Generator[DocumentPart, None, None], Sequence[SentenceUnits]]:
    """The documents' parts combined by groups of ``GROUP`` in corpus order (:func:`groups`), and the
    sentence units of every passage's translation units in passage order (the memory's order):
    the missing ones computed and stored, the kept ones read from the cache only when first asked
    for (a build whose links are kept never asks). ``texts``: each passage's translation units;
    ``passage_docs``: its (Russian, Chinese) document; ``concepts_key`` names the concepts counted
    (termbase and reviewed rows); ``advance(n)``: n documents or passages done; ``counted()``: the
    workers are done.

    Taking the parts runs the counting: each part comes as soon as it and those before it are
    ready, so that the caller restores and merges it while the workers count the next ones (the
    merge was a serial tail of the stage). The units are there once the parts are all taken."""
    tick = advance or (lambda _: None)
    doc_keys = [key("glossary-part", concepts_key, f) for f in fingerprints]
    with uncollected():
        spans, merged = groups(doc_keys, cache)
    wanted = [i for span, m in zip(spans, merged, strict=True) if m is None for i in span]
    parts_found = {i: cache.get(doc_keys[i], "glossary-parts", StoredPart) for i in wanted}
    unit_keys = [units_key(t) for t in texts]
    units_kept = [cache.has(k, "pairing-units") for k in unit_keys]  # read only if the links miss
    for _ in range(units_kept.count(False)):
        cache.missing("pairing-units")
    hits = sum(1 for f in parts_found.values() if f is not None) + sum(units_kept)
    tick(len(documents) - len(wanted) + hits)
    work = Work(
        documents,
        {i: doc_keys[i] for i, f in parts_found.items() if f is None},
        texts,
        {u: k for u, (k, kept) in enumerate(zip(unit_keys, units_kept, strict=True)) if not kept},
        _to_combine(spans, merged, doc_keys) if cache.folder is not None else {},
        spans,
    )
    units_out = _units_later(unit_keys, texts, work, cache)
    ready = _Ready(spans, merged, work, parts_found, cache)
    run = (
        compute(work, passage_docs, concepts, jobs, cache.folder, tick)
        if work.doc_names or work.unit_names
        else iter(())
    )

    def taken() -> Generator[DocumentPart, None, None]:
        with uncollected():
            for _ in run:
                yield from ready.parts()
            if counted is not None:
                counted()
            if work.unit_names:  # new units: the links are made again, so they are read now, as they
                units_out.make_now()  # were (made in the linking, they cost it ~1 s more CPU, measured)
            yield from ready.parts(final=True)

    return taken(), units_out


@contextlib.contextmanager
def uncollected() -> Iterator[None]:
    """No garbage collection while stored parts are decoded, restored or merged: they make some 10^6
    small containers, none in a cycle, and the collector's passes over the growing heap meanwhile
    cost more than making them (restoring an edit's 32 groups: ~0.6 s of CPU more)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _units_later(
    unit_keys: Sequence[str], texts: Sequence[Texts], work: Work, cache: Cache
) -> Later[SentenceUnits]:
    """Every passage's sentence units, in order, read when first asked for: the computed ones, else
    the kept ones (one damaged since it was found is computed here and stored again)."""

    def make() -> list[SentenceUnits]:
        out: list[SentenceUnits] = []
        for u, name in enumerate(unit_keys):
            pairs = work.pairs.get(u)
            if pairs is None:
                found = cache.get(name, "pairing-units", StoredPassageUnits)
                if found is None:
                    found = units.units_of(texts[u])
                    cache.put(name, "pairing-units", found)
                pairs = found.pairs
            out.extend(pairs)
        return out

    return Later(make)


def groups(doc_keys: Sequence[str], cache: Cache) -> tuple[list[range], list[StoredPart | None]]:
    """The documents cut into consecutive groups of ``GROUP``, and each group's combined part when
    the cache has it (keyed by its members' keys, in order)."""
    spans = [range(k, min(k + GROUP, len(doc_keys))) for k in range(0, len(doc_keys), GROUP)]
    return spans, [cache.get(_group_key(doc_keys, s), "glossary-groups", StoredPart) for s in spans]


def _to_combine(
    spans: Sequence[range], merged: Sequence[StoredPart | None], doc_keys: Sequence[str]
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The groups not kept, each with its key and its members' keys."""
    return {
        g: (_group_key(doc_keys, s), tuple(doc_keys[i] for i in s))
        for g, (s, m) in enumerate(zip(spans, merged, strict=True))
        if m is None
    }


def _group_key(doc_keys: Sequence[str], span: range) -> str:
    return key("glossary-group", *(doc_keys[i] for i in span))


class _Ready:
    """The parts in corpus order, each as soon as it can be had: a kept group's (restored), a group
    combined on the workers, else (once the workers are done) a group combined here from its
    members' parts (and stored); without a cache, every document's part."""

    def __init__(
        self,
        spans: Sequence[range],
        merged: Sequence[StoredPart | None],
        work: Work,
        found: dict[int, StoredPart | None],
        cache: Cache,
    ) -> None:
        self.spans, self.merged, self.work, self.found, self.cache = spans, merged, work, found, cache
        self.grouped = cache.folder is not None
        self.next = 0

    def parts(self, final: bool = False) -> Iterator[DocumentPart]:
        """The next parts that are ready (``final``: the workers are done, all of them)."""
        size = len(self.spans) if self.grouped else len(self.work.documents)
        while self.next < size:
            part = self._group(self.next, final) if self.grouped else self._document(self.next)
            if part is None:
                return
            self.next += 1
            yield part

    def _document(self, i: int) -> DocumentPart | None:
        data = self.found.get(i) or self.work.parts.get(i)
        return restored(data) if data is not None else None

    def _group(self, g: int, final: bool) -> DocumentPart | None:
        kept = self.merged[g] if self.merged[g] is not None else self.work.combined.get(g)
        if kept is not None:
            return restored(kept)
        if not final:
            return None
        members = (self.found.get(i) or self.work.parts[i] for i in self.spans[g])
        part = combined([restored(m) for m in members])
        self.cache.put(self.work.groups[g][0], "glossary-groups", stored(part))
        return part
