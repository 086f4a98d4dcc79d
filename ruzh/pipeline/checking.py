"""The checks of a build: the documents, units and glossary it holds, per-document parts kept by content.

The build hands the checks the objects it already has (nothing is written to be parsed back): its
documents under their corpus identities (findings, TMX and report name a document the same way),
the memory's units, and the termbase with the new glossary's rows over it. What the checks compute
per document (the findings of the rules that look at it alone, its summaries for the corpus rules,
its term uses) is cached by the document's content, and the findings of each passage's units alone
by their texts and the glossary digest, so an edit recomputes one document's part and its passages'
unit findings plus the cheap merges across the corpus and the memory (length ratios, TM groups).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ruzh import __version__
from ruzh.align.types import Document
from ruzh.checks.config import CheckConfig
from ruzh.checks.findings import Finding
from ruzh.checks.formats import Report
from ruzh.checks.memory import UnitMemo, UnitMemory
from ruzh.checks.rules import BY_ID
from ruzh.checks.runner import DocumentChecks, Memo, document_part, run_checks
from ruzh.checks.text import DocumentText
from ruzh.checks.units import glossary_digest
from ruzh.checks.variants import overlay
from ruzh.glossary.entries import Entry
from ruzh.glossary.termbase import load_termbase
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.pool import worker_pool
from ruzh.tmx.types import TranslationUnit

PART_CHUNK = 8  # documents per task on the pool
_WORKER_DOCUMENTS: Sequence[Document] | None = None  # the main process's documents, for forked workers


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


def _document_part(index: int) -> DocumentChecks:
    """Worker: the part of one document of the main process's list (forked, so nothing is sent)."""
    assert _WORKER_DOCUMENTS is not None
    return document_part(DocumentText.of(_WORKER_DOCUMENTS[index]))


def _missing_parts(documents: Sequence[Document], todo: Sequence[int], jobs: int) -> list[DocumentChecks]:
    """The parts of the documents at ``todo``, on ``jobs`` forked workers when there are enough."""
    global _WORKER_DOCUMENTS
    if jobs < 2 or len(todo) < 2 * PART_CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        return [document_part(DocumentText.of(documents[i])) for i in todo]
    _WORKER_DOCUMENTS = documents
    try:
        with worker_pool(jobs, context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_document_part, todo, chunksize=PART_CHUNK))
    finally:
        _WORKER_DOCUMENTS = None


def _memo(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    cache: Cache,
    advance: Callable[[int], None],
    jobs: int,
) -> Memo:
    """The part of the checks that depends on one document alone, kept by its content key: the
    missing ones are computed first, on the pool; ``advance(1)`` for each document (the progress)."""
    names = {d.name: key("document-findings", f) for d, f in zip(documents, fingerprints, strict=True)}
    parts = {d.name: cache.get(names[d.name], "findings-doc", DocumentChecks) for d in documents}
    todo = [i for i, d in enumerate(documents) if parts[d.name] is None]
    for i, part in zip(todo, _missing_parts(documents, todo, jobs), strict=True):
        parts[documents[i].name] = part
        cache.put(names[documents[i].name], "findings-doc", part)

    def memo(document: Document, compute: Callable[[], DocumentChecks]) -> DocumentChecks:
        advance(1)
        part = parts.get(document.name)
        return part if part is not None else compute()

    return memo


@dataclass(frozen=True, slots=True)
class UnitFindings:
    """The per-unit findings of one passage's units (lines counted within the passage)."""

    findings: tuple[Finding, ...]


def unit_memo(cache: Cache, glossary: str) -> UnitMemo:
    """The per-unit findings of a run of units, kept by the units' texts and the glossary digest
    (:func:`checks.units.glossary_digest`): an edit recomputes its own passages' units only."""

    def memo(
        units: Sequence[TranslationUnit], compute: Callable[[], tuple[Finding, ...]]
    ) -> Sequence[Finding]:
        name = key("unit-findings", glossary, repr([(u.ru, u.zh) for u in units]))
        stored = cache.get(name, "unit-findings", UnitFindings)
        if stored is None:
            stored = UnitFindings(compute())
            cache.put(name, "unit-findings", stored)
        return stored.findings

    return memo


def check_build(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    units: UnitMemory,
    glossary: Sequence[Entry],
    config: CheckConfig,
    cache: Cache,
    advance: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> Report:
    """Every finding of the build: the documents (with their content keys), and the new memory's
    units against the termbase with the new glossary's rows over it. ``advance(1)`` is called for
    each document."""
    termbase = overlay(load_termbase(), glossary)
    return run_checks(
        documents,
        (units,),
        termbase,
        config,
        memo=_memo(documents, fingerprints, cache, advance or (lambda _: None), jobs),
        unit_memo=unit_memo(cache, glossary_digest(termbase)),
        version=__version__,
        termbase_label="glossary.csv of this build",
    )
