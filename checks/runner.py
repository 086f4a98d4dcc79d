"""Run the checks: documents as a corpus, translation units one by one and across the memory.

:func:`run_checks` is the one call the command (and ``ruzh build``) needs: it reads the inputs,
runs every rule, applies the configuration and the baseline and returns a :class:`Report`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruzh.checks import homoglyphs, names, punctuation, typography
from ruzh.checks.baseline import read_baseline, split_known
from ruzh.checks.config import CheckConfig
from ruzh.checks.findings import Finding, with_fingerprints
from ruzh.checks.formats import Report
from ruzh.checks.rules import RULES
from ruzh.checks.source import SourceFile, joined, parse_source, read_source
from ruzh.checks.units import check_unit_file
from ruzh.checks.variants import Glossary, check_variants, load_glossary
from ruzh.core.inputs import find_files, printable

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx")


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to check: files as given, directories searched for text files, in sorted order."""
    return find_files(paths, DOCUMENT_SUFFIXES)


def display_name(path: Path) -> str:
    """The path as reports show it: relative to the working directory when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return printable(path)
    return printable(path if rel.startswith("..") else rel)


def check_sources(sources: Sequence[SourceFile], glossary: Glossary | None = None) -> Iterator[Finding]:
    """Document rules over a corpus: typography and scripts per file, dashes and terms across files."""
    runs = {s.name: joined(s) for s in sources}
    dashes = typography.dash_contexts(runs.values())
    latin = homoglyphs.latin_acronyms(line for s in sources for line in s.lines)
    for src in sources:
        yield from typography.halfwidth_punctuation(src)
        yield from typography.unbalanced_pairs(src, runs[src.name])
        yield from typography.stray_spaces(src)
        yield from typography.han_for_dash(src, runs[src.name], dashes)
        yield from homoglyphs.mixed_script(src)
        yield from homoglyphs.lookalike_acronyms(src, latin)
        yield from punctuation.punctuation_variants(src, runs[src.name])
    yield from names.two_spellings(sources, runs)
    if glossary is not None:
        yield from check_variants(sources, runs, glossary)


@dataclass(frozen=True, slots=True)
class CheckInputs:
    """What to check: documents, and optionally a termbase, a TMX and aligned pairs."""

    documents: tuple[Path, ...] = ()
    glossary: Path | None = None
    inline: tuple[tuple[str, bytes], ...] = ()  # (name, bytes) of documents not in files: stdin
    tmx: Path | None = None
    aligned: Path | None = None


def collect(inputs: CheckInputs) -> tuple[list[Finding], list[str]]:
    """All findings (before configuration) and the names of the checked files."""
    sources = [read_source(p, display_name(p)) for p in inputs.documents]
    sources += [parse_source(raw, name) for name, raw in inputs.inline]
    files = [s.name for s in sources]
    found: list[Finding] = []
    glossary_data = load_glossary(inputs.glossary)
    found.extend(check_sources(sources, glossary_data))
    for unit_file, kind in ((inputs.tmx, "tmx"), (inputs.aligned, "tsv")):
        if unit_file is None:
            continue
        found.extend(check_unit_file(unit_file, display_name(unit_file), glossary_data, kind))
        files.append(display_name(unit_file))
    return found, files


def run_checks(
    inputs: CheckInputs,
    config: CheckConfig | None = None,
    baseline: str | Path | None = None,
    version: str = "",
) -> Report:
    """Every finding with configured severities and fingerprints, minus those in the baseline."""
    cfg = config or CheckConfig()
    raw, files = collect(inputs)
    findings = sorted(cfg.apply(raw), key=Finding.sort_key)
    del raw
    for i, f in enumerate(with_fingerprints(findings)):
        findings[i] = f  # in place: a million-unit memory may give a hundred thousand findings
    hidden = 0
    if baseline is not None:
        findings, hidden = split_known(findings, read_baseline(baseline))
    rules = tuple(r for r in RULES if cfg.enabled_anywhere(r.id))
    settings = (
        ("config", cfg.source or "defaults"),
        ("glossary", str(inputs.glossary) if inputs.glossary else "shipped termbase"),
        ("baseline", str(baseline) if baseline else "none"),
    )
    return Report(tuple(findings), tuple(files), rules, version=version, suppressed=hidden, settings=settings)
