"""The checks of a build: per-document findings kept by content, corpus-wide ones recomputed.

The build already knows its documents and their identities, so the checks get the files under those
names (findings, TMX and report name a document the same way) and the build's configuration. Rules
that look at one file alone are cached per document; rules that compare files, and the checks of the
new memory against the new glossary, run on every build whose corpus changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruzh import __version__
from ruzh.checks.config import CheckConfig
from ruzh.checks.findings import Finding
from ruzh.checks.formats import Report
from ruzh.checks.rules import BY_ID
from ruzh.checks.runner import corpus_findings, document_findings, make_report
from ruzh.checks.source import Joined, SourceFile, joined, read_source
from ruzh.checks.units import check_unit_file
from ruzh.checks.variants import load_glossary
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.corpus import CorpusFile


@dataclass(frozen=True, slots=True)
class DocumentFindings:
    """The findings of the single-file rules in one document, as cached."""

    findings: tuple[Finding, ...]


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


def _document_findings(
    sources: Sequence[SourceFile],
    runs: Mapping[str, Joined],
    fingerprints: Sequence[str],
    cache: Cache,
    advance: Callable[[int], None],
) -> list[Finding]:
    found: list[Finding] = []
    for src, fingerprint in zip(sources, fingerprints, strict=True):
        advance(1)
        name = key("document-findings", fingerprint)
        stored = cache.get(name, "findings-doc", DocumentFindings)
        if stored is None:
            stored = DocumentFindings(tuple(document_findings(src, runs[src.name])))
            cache.put(name, "findings-doc", stored)
        found.extend(stored.findings)
    return found


def check_build(
    files: Sequence[CorpusFile],
    fingerprints: Sequence[str],
    memory: tuple[Path, str],
    glossary_csv: Path,
    config: CheckConfig,
    encoding: str | None,
    cache: Cache,
    advance: Callable[[int], None] | None = None,
) -> Report:
    """Every finding of the build: the documents (``files``, with their content keys), and the new
    memory (``memory`` = its path and the name findings give it) against the new glossary;
    ``advance(1)`` is called for each document."""
    sources = [read_source(f.path, f.ident, encoding) for f in files]
    runs = {s.name: joined(s) for s in sources}
    raw = _document_findings(sources, runs, fingerprints, cache, advance or (lambda _: None))
    glossary = load_glossary(glossary_csv)
    raw.extend(corpus_findings(sources, runs, glossary))
    del sources, runs
    path, name = memory
    raw.extend(check_unit_file(path, name, glossary, "tmx"))
    names = [*(f.ident for f in files), name]
    return make_report(raw, names, config, version=__version__, glossary="glossary.csv of this build")
