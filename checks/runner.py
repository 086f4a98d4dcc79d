"""Run the checks: every rule of the registry over documents, translation units and the termbase.

:func:`run_checks` is the one call ``ruzh check`` and ``ruzh build`` make. It takes objects (the
reader's documents, units in a file or in memory, the termbase), iterates the registry
(:data:`checks.rules.RULES`) scope by scope, applies the configuration and the baseline, and returns
a :class:`Report`. What depends on one document alone (its findings, its summary for each corpus
rule) goes through ``memo``, so a build can keep it with the document and recompute only edited ones;
the findings of each passage's units alone go through ``unit_memo`` the same way.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruzh.align.types import Document
from ruzh.checks.baseline import read_baseline, split_known
from ruzh.checks.config import CheckConfig
from ruzh.checks.findings import Finding, with_fingerprints
from ruzh.checks.formats import Report
from ruzh.checks.memory import UnitFile, UnitMemo, UnitMemory, fresh
from ruzh.checks.rules import RULES
from ruzh.checks.summary import Fact, Summaries
from ruzh.checks.text import DocumentText
from ruzh.checks.units import in_id_order
from ruzh.checks.variants import Glossary


@dataclass(frozen=True, slots=True)
class DocumentChecks:
    """What the checks keep of one document: the findings of the rules that look at it alone, and
    its summary for each rule across documents (by the rule's check name)."""

    findings: tuple[Finding, ...] = ()
    summaries: tuple[tuple[str, tuple[Fact, ...]], ...] = ()


# How the unit and memory rules' pass runs: ``aside(compute)`` returns a call that gives
# ``compute()``'s findings; a caller may start it elsewhere (a forked worker) and wait in that call,
# so that the pass runs while the documents' findings are merged.
Aside = Callable[[Callable[[], list[Finding]]], Callable[[], list[Finding]]]


def _later(compute: Callable[[], list[Finding]]) -> Callable[[], list[Finding]]:
    return compute


# How the part of a run that depends on one document alone is computed: ``memo(document, compute)``
# returns ``compute()`` or a kept result of it. The termbase rules' summaries are made from that part
# on every run (a look-up per word, no lemmatisation): the termbase changes with the glossary; a
# caller may compute them ahead (``terms_memo``, e.g. on a pool).
Memo = Callable[[Document, Callable[[], DocumentChecks]], DocumentChecks]


def _compute(document: Document, compute: Callable[[], DocumentChecks]) -> DocumentChecks:
    return compute()


@cache
def checks_of(*scopes: str) -> tuple[tuple[str, Any], ...]:
    """The distinct checks of these scopes, in registry order: (name, function or check object)."""
    names = dict.fromkeys(r.check for r in RULES if r.scope in scopes)
    found = []
    for name in names:
        module, attribute = name.rsplit(".", 1)
        found.append((name, getattr(importlib.import_module(f"ruzh.checks.{module}"), attribute)))
    return tuple(found)


def document_part(text: DocumentText) -> DocumentChecks:
    """The findings of the ``document`` rules, the summaries of the ``corpus`` rules and what the
    ``termbase`` rules prepare (under the check's name, the part's own)."""
    found = [f for _, check in checks_of("document") for f in check(text)]
    summaries = [(name, check.summarise(text)) for name, check in checks_of("corpus")]
    summaries += [(name, check.prepare(text)) for name, check in checks_of("termbase")]
    return DocumentChecks(tuple(found), tuple(summaries))


def termbase_part(text: DocumentText, prepared: DocumentChecks, termbase: Glossary) -> DocumentChecks:
    """The summaries of the ``termbase`` rules, from what :func:`document_part` prepared."""
    ready = dict(prepared.summaries)
    summaries = tuple((n, c.summarise(text, ready.get(n, ()), termbase)) for n, c in checks_of("termbase"))
    return DocumentChecks((), summaries)


@dataclass(frozen=True, slots=True)
class _Parts:
    name: str
    alone: DocumentChecks
    terms: DocumentChecks


def _parts(document: Document, termbase: Glossary | None, memo: Memo, terms_memo: Memo) -> _Parts:
    """One document's parts; its running text is built once, and only when needed."""
    held: list[DocumentText] = []

    def text() -> DocumentText:
        if not held:
            held.append(DocumentText.of(document))
        return held[0]

    alone = memo(document, lambda: document_part(text()))
    terms = DocumentChecks()
    if termbase is not None:
        terms = terms_memo(document, lambda: termbase_part(text(), alone, termbase))
    return _Parts(document.name, alone, terms)


def _summaries(parts: Sequence[DocumentChecks], names: Sequence[str], check: str) -> Summaries:
    """The summaries one check made, per document."""
    return [
        (doc, facts)
        for doc, part in zip(names, parts, strict=True)
        for n, facts in part.summaries
        if n == check
    ]


def collect(
    documents: Sequence[Document],
    units: Sequence[UnitFile | UnitMemory] = (),
    termbase: Glossary | None = None,
    memo: Memo = _compute,
    unit_memo: UnitMemo = fresh,
    terms_memo: Memo = _compute,
    aside: Aside = _later,
) -> Iterator[Finding]:
    """Every finding of every rule, before configuration: per document, across documents, per unit.
    ``terms_memo`` is ``memo`` for the termbase rules' summaries (made against this termbase);
    ``aside`` runs the unit and memory rules' pass (see :data:`Aside`).
    The termbase's concepts are taken in the order of their ids, as :class:`checks.units.UnitChecker`
    takes them, so ``ruzh check`` and ``ruzh build`` find the same uses whatever the rows' order."""
    if termbase is not None:
        termbase = in_id_order(termbase)
    glossary = termbase

    def unit_findings() -> list[Finding]:
        """One streaming pass over the units for both scopes."""
        return [
            f
            for _, check in checks_of("unit", "tm")
            for source in units
            for f in check(source, glossary, documents, unit_memo)
        ]

    found = aside(unit_findings)
    parts = [_parts(d, termbase, memo, terms_memo) for d in documents]
    names = [p.name for p in parts]
    for p in parts:
        yield from p.alone.findings
    alone = [p.alone for p in parts]
    for name, check in checks_of("corpus"):
        yield from check.merge(_summaries(alone, names, name))
    if termbase is not None:
        terms = [p.terms for p in parts]
        for name, check in checks_of("termbase"):
            yield from check.merge(_summaries(terms, names, name), termbase)
    yield from found()


def run_checks(
    documents: Sequence[Document],
    units: Sequence[UnitFile | UnitMemory] = (),
    termbase: Glossary | None = None,
    config: CheckConfig | None = None,
    baseline: str | Path | None = None,
    *,
    memo: Memo = _compute,
    unit_memo: UnitMemo = fresh,
    terms_memo: Memo = _compute,
    aside: Aside = _later,
    version: str = "",
    termbase_label: str = "shipped termbase",
) -> Report:
    """Every finding with configured severities and fingerprints, minus those in the baseline.
    Findings name the document they are in by its name (its identity in the corpus)."""
    raw = list(collect(documents, units, termbase, memo, unit_memo, terms_memo, aside))
    files = [*(d.name for d in documents), *(u.name for u in units)]
    return make_report(raw, files, config, baseline, version, termbase_label)


def make_report(
    raw: list[Finding],
    files: Sequence[str],
    config: CheckConfig | None = None,
    baseline: str | Path | None = None,
    version: str = "",
    glossary: str = "shipped termbase",
) -> Report:
    """The report of raw findings: configured severities (switched-off rules dropped), fingerprints,
    the baseline applied. ``raw`` is consumed."""
    cfg = config or CheckConfig()
    findings = sorted(cfg.apply(raw), key=Finding.sort_key)
    raw.clear()
    for i, f in enumerate(with_fingerprints(findings)):
        findings[i] = f  # in place: a million-unit memory may give a hundred thousand findings
    hidden = 0
    if baseline is not None:
        findings, hidden = split_known(findings, read_baseline(baseline))
    rules = tuple(r for r in RULES if cfg.enabled_anywhere(r.id))
    settings = (
        ("config", cfg.source or "defaults"),
        ("glossary", glossary),
        ("baseline", str(baseline) if baseline else "none"),
    )
    return Report(tuple(findings), tuple(files), rules, version=version, suppressed=hidden, settings=settings)
