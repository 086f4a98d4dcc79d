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
from ruzh.checks.runner import Aside, DocumentChecks, run_checks
from ruzh.checks.units import UnitChecker, glossary_digest, in_id_order
from ruzh.checks.variants import Glossary, overlay
from ruzh.glossary.entries import Entry
from ruzh.glossary.termbase import load_termbase
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.check_parts import (
    PART_CHUNK,
    Counts,
    EarlyParts,
    add_counts,
    alone_part,
    chunks,
    counts,
    document_key,
    lazy_text,
    part_of,
    pooled,
    terms_key,
    terms_of,
)
from ruzh.pipeline.pool import WorkerPool, worker_pool
from ruzh.tmx.types import TranslationUnit

RUN_CHUNK = 4  # passages' runs of units per task on the pool
ASIDE_UNITS = 2000  # units from which the unit and memory rules run on a worker of their own
POOL_READS = 100  # documents from which their kept parts are read on the pool, not here


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
    their parts at hand, which are stored and their cache names, the termbase, the memory's units
    and runs, a ready checker."""

    documents: Sequence[Document]
    kept: Sequence[DocumentChecks | None]
    stored: frozenset[int]
    names: Sequence[str]
    termbase: Glossary
    units: Sequence[TranslationUnit]
    runs: Sequence[tuple[int, int, str]]  # (start, end, cache name) of each passage's run of units
    checker: UnitChecker
    cache: Cache
    terms_digest: str


_SHARED: _Shared | None = None


def _document_task(indices: list[int]) -> tuple[list[tuple[DocumentChecks, DocumentChecks]], Counts, Counts]:
    """Worker: each document's part (at hand, read or made) as the merges take it, its termbase
    part (read or made; what is made is stored from here), and what the cache counted meanwhile."""
    s = _SHARED
    assert s is not None
    before = counts(s.cache)
    out: list[tuple[DocumentChecks, DocumentChecks]] = []
    for i in indices:
        text, name = lazy_text(s.documents[i]), s.names[i]
        part = part_of(s.cache, name, s.kept[i], i in s.stored, text)
        terms = terms_of(s.cache, terms_key(name, s.terms_digest), part, s.termbase, text)
        out.append((alone_part(part), terms))
    return out, before, counts(s.cache)


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


def _on_pool(shared: _Shared, todo: Sequence[int], jobs: int, advance: Callable[[int], None]) -> Ahead:
    """Every document's parts (as the merges take them, :func:`alone_part`), and the findings of
    the runs at ``todo``, on ``jobs`` forked workers."""
    global _SHARED
    shared.termbase.matchers()  # built here once, before the fork, not in each worker
    out = Ahead()
    _SHARED = shared
    try:
        with worker_pool(jobs, context=multiprocessing.get_context("fork")) as pool:
            tasks = chunks(range(len(shared.documents)), PART_CHUNK)
            runs = chunks(todo, RUN_CHUNK)
            found = pool.map(_units_task, runs)  # submitted now, taken after the documents
            for chunk, (parts, before, after) in zip(tasks, pool.map(_document_task, tasks), strict=True):
                for i, (alone, terms) in zip(chunk, parts, strict=True):
                    out.parts[shared.documents[i].name] = alone
                    out.terms[shared.documents[i].name] = terms
                add_counts(shared.cache, before, after)
                advance(len(chunk))
            for chunk, findings in zip(runs, found, strict=True):
                out.units.update((shared.runs[i][2], f) for i, f in zip(chunk, findings, strict=True))
    finally:
        _SHARED = None
    return out


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
    """The document parts (made by ``early``, else kept, else made) and unit findings, here or
    (with :func:`pooled`, for enough documents or enough missing) on forked workers, which then
    also take every document's termbase part, and read each kept part there, not here."""
    early = early or EarlyParts(documents, fingerprints, cache, 1)
    names, kept, stored = early.names, early.parts(), early.stored
    digest = glossary_digest(termbase)
    runs = [(a, b, unit_key(digest, units[a:b])) for a, b in passage_runs(units)]
    found = [cache.get(name, "unit-findings", UnitFindings) for _, _, name in runs]
    todo = [i for i, f in enumerate(found) if f is None]
    missing = sum(1 for i, part in enumerate(kept) if part is None and i not in stored)
    many = len(todo) >= 2 * RUN_CHUNK or missing >= 2 * PART_CHUNK or len(documents) >= POOL_READS
    if pooled(jobs, documents) and many:
        checker = UnitChecker("", termbase)
        ordered = in_id_order(termbase)  # the termbase parts are found with it (see terms_key)
        shared = _Shared(documents, kept, stored, names, ordered, units, runs, checker, cache, digest)
        out = _on_pool(shared, todo, jobs, advance)
    else:
        out = Ahead()
        for i, (d, n) in enumerate(zip(documents, names, strict=True)):
            out.parts[d.name] = part_of(cache, n, kept[i], i in stored, lazy_text(d))
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
        return terms_of(cache, name, ready.parts[document.name], termbase, lazy_text(document))

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
