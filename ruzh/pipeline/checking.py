"""The checks of a build: the documents, units and glossary it holds, per-document parts kept by content.

The build hands the checks the objects it already has (nothing is written to be parsed back): its
documents under their corpus identities (findings, TMX and report name a document the same way),
the memory's units, and the termbase with the new glossary's rows over it. What the checks compute
per document (the findings of the rules that look at it alone, its summaries for the corpus rules,
its term uses) is cached by the document's content; its termbase part (found with the concepts in
the order of their ids) by the content and the glossary digest; the findings of each passage's
units alone by their texts and the glossary digest. So an edit recomputes one document's parts and
its passages' unit findings plus the cheap merges across the corpus and the memory (length ratios,
TM groups).
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, field

from ruzh import __version__
from ruzh.align.types import Document
from ruzh.checks.config import CheckConfig
from ruzh.checks.findings import Finding
from ruzh.checks.formats import Report
from ruzh.checks.memory import UnitMemo, UnitMemory, passage_runs, run_findings
from ruzh.checks.rules import BY_ID
from ruzh.checks.runner import Aside, DocumentChecks, document_part, run_checks, termbase_part
from ruzh.checks.text import DocumentText
from ruzh.checks.units import UnitChecker, glossary_digest, in_id_order
from ruzh.checks.variants import Glossary, overlay
from ruzh.glossary.entries import Entry
from ruzh.glossary.termbase import load_termbase
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.pool import WorkerPool, worker_pool
from ruzh.tmx.types import TranslationUnit

PART_CHUNK = 8  # documents per task on the pool
RUN_CHUNK = 4  # passages' runs of units per task on the pool
ASIDE_UNITS = 2000  # units from which the unit and memory rules run on a worker of their own


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A :class:`Report` as data (rules by id)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rules: tuple[str, ...]
    version: str
    suppressed: int
    settings: tuple[tuple[str, str], ...]

    @staticmethod
    def of(report: Report) -> StoredReport:
        rules = tuple(r.id for r in report.rules)
        return StoredReport(
            report.findings, report.files, rules, report.version, report.suppressed, report.settings
        )

    def report(self) -> Report | None:
        """The report again, or ``None`` when a rule id is not one of ours (then it is a miss)."""
        if not all(r in BY_ID for r in self.rules):
            return None
        rules = tuple(BY_ID[r] for r in self.rules)
        return Report(self.findings, self.files, rules, self.version, self.suppressed, self.settings)


def config_signature(config: CheckConfig) -> str:
    """The configuration as a stable string (for cache keys: sets sorted, order-independent)."""
    paths = [(p.glob, sorted(p.disable), sorted(p.enable), sorted(p.severity)) for p in config.paths]
    return repr((config.fail_on, sorted(config.disable), sorted(config.severity), paths))


@dataclass(frozen=True, slots=True)
class UnitFindings:
    """The per-unit findings of one passage's units (lines counted within the passage)."""

    findings: tuple[Finding, ...]


def unit_key(digest: str, units: Sequence[TranslationUnit]) -> str:
    """The cache name of a run of units' findings: the glossary digest and the units' texts."""
    return key("unit-findings", digest, repr([(u.ru, u.zh) for u in units]))


def unit_memo(
    cache: Cache, glossary: str, ready: Mapping[str, tuple[Finding, ...]] | None = None
) -> UnitMemo:
    """The per-unit findings of a run of units, kept by the units' texts and the glossary digest
    (:func:`checks.units.glossary_digest`): an edit recomputes its own passages' units only.
    ``ready``: findings already at hand (computed ahead or read), by cache name; with it, what
    is not there was looked for already and is computed."""

    def memo(
        units: Sequence[TranslationUnit], compute: Callable[[], tuple[Finding, ...]]
    ) -> Sequence[Finding]:
        name = unit_key(glossary, units)
        if ready is not None and name in ready:
            return ready[name]
        stored = cache.get(name, "unit-findings", UnitFindings) if ready is None else None
        if stored is None:
            stored = UnitFindings(compute())
            cache.put(name, "unit-findings", stored)
        return stored.findings

    return memo


@dataclass
class Ahead:
    """What the checks need that was computed before they run: each document's part and termbase
    part by document name, and passages' unit findings by cache name."""

    parts: dict[str, DocumentChecks] = field(default_factory=dict)
    terms: dict[str, DocumentChecks] = field(default_factory=dict)
    units: dict[str, tuple[Finding, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Shared:
    """What forked workers read of the main process (nothing is sent to them): the documents with
    their kept parts and cache names, the termbase, the memory's units and runs, a ready checker."""

    documents: Sequence[Document]
    kept: Sequence[DocumentChecks | None]
    names: Sequence[str]
    termbase: Glossary
    units: Sequence[TranslationUnit]
    runs: Sequence[tuple[int, int, str]]  # (start, end, cache name) of each passage's run of units
    checker: UnitChecker
    cache: Cache
    terms_digest: str


_SHARED: _Shared | None = None


def _document_task(indices: list[int]) -> list[tuple[DocumentChecks | None, DocumentChecks]]:
    """Worker: each document's part when it was not kept (stored from here), and its termbase part."""
    s = _SHARED
    assert s is not None
    out: list[tuple[DocumentChecks | None, DocumentChecks]] = []
    for i in indices:
        text = DocumentText.of(s.documents[i])
        kept = s.kept[i]
        made = document_part(text) if kept is None else None
        if made is not None:
            s.cache.put(s.names[i], "findings-doc", made)
        terms = termbase_part(text, made or kept or DocumentChecks(), s.termbase)
        s.cache.put(terms_key(s.names[i], s.terms_digest), "findings-terms", terms)
        out.append((made, terms))
    return out


def _units_task(indices: list[int]) -> list[tuple[Finding, ...]]:
    """Worker: the per-unit findings of some passages' runs of units (stored from here)."""
    s = _SHARED
    assert s is not None
    out = []
    for i in indices:
        start, end, name = s.runs[i]
        found = run_findings(s.checker, s.units[start:end])
        s.cache.put(name, "unit-findings", UnitFindings(found))
        out.append(found)
    return out


def _chunks(items: Sequence[int], size: int) -> list[list[int]]:
    return [list(items[k : k + size]) for k in range(0, len(items), size)]


def _on_pool(shared: _Shared, todo: Sequence[int], jobs: int, advance: Callable[[int], None]) -> Ahead:
    """Every document's parts, and the findings of the runs at ``todo``, on ``jobs`` forked workers."""
    global _SHARED
    shared.termbase.matchers()  # built here once, before the fork, not in each worker
    out = Ahead()
    _SHARED = shared
    try:
        with worker_pool(jobs, context=multiprocessing.get_context("fork")) as pool:
            chunks = _chunks(range(len(shared.documents)), PART_CHUNK)
            runs = _chunks(todo, RUN_CHUNK)
            found = pool.map(_units_task, runs)  # submitted now, taken after the documents
            for chunk, parts in zip(chunks, pool.map(_document_task, chunks), strict=True):
                for i, (made, terms) in zip(chunk, parts, strict=True):
                    name = shared.documents[i].name
                    out.parts[name] = made or shared.kept[i] or DocumentChecks()
                    out.terms[name] = terms
                advance(len(chunk))
            for chunk, findings in zip(runs, found, strict=True):
                out.units.update((shared.runs[i][2], f) for i, f in zip(chunk, findings, strict=True))
    finally:
        _SHARED = None
    return out


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
        """Read the kept parts; when enough are missing, start computing them on the side (one
        worker fewer than ``jobs``: this process goes on working)."""
        global _EARLY
        self._kept = [self.cache.get(n, "findings-doc", DocumentChecks) for n in self.names]
        todo = [i for i, part in enumerate(self._kept) if part is None]
        if not pooled(self.jobs, todo):
            return
        self._todo = _chunks(todo, PART_CHUNK)
        _EARLY = (self.documents, self.names, self.cache)  # until the workers end (__exit__)
        self._pool = worker_pool(max(1, self.jobs - 1), context=multiprocessing.get_context("fork"))
        self._results = self._pool.map(_early_task, self._todo)

    def parts(self) -> list[DocumentChecks | None]:
        """Every document's part (``None``: to compute), waiting for the early workers."""
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


def ahead(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    units: Sequence[TranslationUnit],
    termbase: Glossary,
    cache: Cache,
    jobs: int,
    advance: Callable[[int], None],
    early: EarlyParts | None = None,
) -> Ahead:
    """The kept document parts (from ``early``, else the cache) and unit findings; the missing ones
    computed here, or (with :func:`pooled`, when enough are missing) on forked workers, which then
    also make every document's termbase part (alone they are too cheap to fork for)."""
    early = early or EarlyParts(documents, fingerprints, cache, 1)
    names, kept = early.names, early.parts()
    digest = glossary_digest(termbase)
    runs = [(a, b, unit_key(digest, units[a:b])) for a, b in passage_runs(units)]
    found = [cache.get(name, "unit-findings", UnitFindings) for _, _, name in runs]
    todo = [i for i, f in enumerate(found) if f is None]
    missing = sum(1 for part in kept if part is None)
    if pooled(jobs, documents) and (len(todo) >= 2 * RUN_CHUNK or missing >= 2 * PART_CHUNK):
        checker = UnitChecker("", termbase)
        ordered = in_id_order(termbase)  # the termbase parts are found with it (see terms_key)
        shared = _Shared(documents, kept, names, ordered, units, runs, checker, cache, digest)
        out = _on_pool(shared, todo, jobs, advance)
    else:
        out = Ahead()
        for d, n, part in zip(documents, names, kept, strict=True):
            if part is None:
                part = document_part(DocumentText.of(d))
                cache.put(n, "findings-doc", part)
            out.parts[d.name] = part
            advance(1)
    out.units.update((name, f.findings) for (_, _, name), f in zip(runs, found, strict=True) if f is not None)
    return out


_UNIT_PASS: Callable[[], list[Finding]] | None = None  # what the side worker computes


def _unit_pass() -> list[Finding]:
    assert _UNIT_PASS is not None
    return _UNIT_PASS()


@contextlib.contextmanager
def unit_pass_aside(jobs: int, units: Sized) -> Iterator[Aside]:
    """How :func:`~ruzh.checks.runner.run_checks` runs the unit and memory rules' pass: with
    ``jobs`` > 1 and enough units on one forked worker, while this process merges the documents'
    findings (the pass reads the units, the documents and the unit findings at hand, all made before
    the fork); here otherwise. The worker ends with the block, at once when the block fails."""
    global _UNIT_PASS
    if jobs < 2 or len(units) < ASIDE_UNITS or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda compute: compute
        return
    pools: list[WorkerPool] = []

    def aside(compute: Callable[[], list[Finding]]) -> Callable[[], list[Finding]]:
        global _UNIT_PASS
        _UNIT_PASS = compute
        pools.append(worker_pool(1, context=multiprocessing.get_context("fork")))
        return pools[-1].submit(_unit_pass).result

    failed = True
    try:
        yield aside
        failed = False
    finally:
        for pool in pools:
            pool.close(failed)
        _UNIT_PASS = None


def check_build(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    units: UnitMemory,
    glossary: Sequence[Entry],
    config: CheckConfig,
    cache: Cache,
    advance: Callable[[int], None] | None = None,
    jobs: int = 1,
    early: EarlyParts | None = None,
) -> Report:
    """Every finding of the build: the documents (with their content keys), and the new memory's
    units against the termbase with the new glossary's rows over it. ``advance(1)`` is called for
    each document. With ``jobs`` > 1 the per-document parts, their termbase parts and the missing
    passages' unit findings are computed on forked workers before the checks run (``early``: the
    document parts started earlier, see :class:`EarlyParts`)."""
    # in id order once: every check takes it so (a no-op for them), and its matchers are built once
    termbase = in_id_order(overlay(load_termbase(), glossary))
    step = advance or (lambda _: None)
    ready = ahead(documents, fingerprints, units.units, termbase, cache, jobs, step, early)

    def memo(document: Document, compute: Callable[[], DocumentChecks]) -> DocumentChecks:
        return ready.parts[document.name]

    digest = glossary_digest(termbase)
    names = {d.name: document_key(f) for d, f in zip(documents, fingerprints, strict=True)}

    def terms(document: Document, compute: Callable[[], DocumentChecks]) -> DocumentChecks:
        """The termbase part made ahead, else kept, else found here with ``termbase`` (as the
        workers find it: the key holds while the concepts stay, in whatever order)."""
        made = ready.terms.get(document.name)
        if made is not None:
            return made
        name = terms_key(names[document.name], digest)
        kept = cache.get(name, "findings-terms", DocumentChecks)
        if kept is None:
            kept = termbase_part(DocumentText.of(document), ready.parts[document.name], termbase)
            cache.put(name, "findings-terms", kept)
        return kept

    with unit_pass_aside(jobs, units.units) as aside:
        return run_checks(
            documents,
            (units,),
            termbase,
            config,
            memo=memo,
            unit_memo=unit_memo(cache, digest, ready.units),
            terms_memo=terms,
            aside=aside,
            version=__version__,
            termbase_label="glossary.csv of this build",
        )
