"""The build: read, find parallel passages, align, write TMX, glossary, findings and the report.

Each stage is a library call; this module only sequences them, runs independent documents and
passages in parallel, and caches what can be reused on an unchanged corpus.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruzh import __version__
from ruzh.align.aligner import signature
from ruzh.align.reader import expand_inputs
from ruzh.align.types import Document
from ruzh.checks.formats import Report, render_json, render_sarif
from ruzh.checks.runner import CheckInputs, run_checks
from ruzh.core.errors import InputError
from ruzh.core.langtags import OutputTags
from ruzh.glossary.build import Glossary, build_glossary
from ruzh.glossary.entries import read_csv
from ruzh.glossary.export import write_outputs
from ruzh.lexicon import aligner_lexicon
from ruzh.pipeline import outputs
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.corpus import read_corpus
from ruzh.pipeline.discovery import parallel_passages
from ruzh.pipeline.model import AlignedPassage, BuildResult
from ruzh.pipeline.passages import CachedParallelAligner
from ruzh.report import report_html
from ruzh.tmx.types import TranslationUnit

OUTPUT_FILES = (
    "memory.tmx",
    "glossary.csv",
    "glossary.tbx",
    "glossary.xcs",
    "glossary-omegat.txt",
    "findings.json",
    "findings.sarif",
    "unaligned.tsv",
    "report.html",
)


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked for."""

    inputs: tuple[Path, ...]
    output: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_dir: Path | None = None
    encoding: str | None = None
    keep_going: bool = False
    quiet: bool = False
    tags: OutputTags = field(default_factory=OutputTags)
    reviewed: Path | None = None


@dataclass
class BuildStats:
    """What happened, for the summary line and the benchmark."""

    documents: int = 0
    errors: list[InputError] = field(default_factory=list)
    units: int = 0
    unaligned: int = 0
    findings: int = 0
    cache_hits: int = 0
    cache_misses: int = 0


def settings_signature(options: BuildOptions) -> dict[str, str]:
    """Settings that change results, recorded in the TMX header and the report."""
    return {
        "ruzh": __version__,
        "aligner": signature(aligner_lexicon()),
        "ru_tag": options.tags.ru,
        "zh_tag": options.tags.zh,
    }


def _passages(
    documents: Sequence[Document], fingerprints: Sequence[str], options: BuildOptions, cache: Cache
) -> list[AlignedPassage]:
    """Parallel passages with their beads (the whole result cached by the documents' content)."""
    lexicon = aligner_lexicon()
    name = key("passages", lexicon.signature(), *fingerprints)
    found = cache.get(name, "passages")
    if not isinstance(found, list):
        with CachedParallelAligner(options.jobs, cache, lexicon, options.quiet) as aligner:
            found = parallel_passages(documents, aligner, lexicon)
        cache.put(name, "passages", found)
    return found


def _corpus_key(
    fingerprints: Sequence[str], units: Sequence[TranslationUnit], settings: str, reviewed: Path | None
) -> str:
    """A key for the corpus-wide results (glossary, findings, report): the documents' keys, every
    unit's text, the settings written into the outputs, and the reviewed glossary's bytes."""
    parts: list[str | bytes] = [settings, *fingerprints]
    parts.extend(f"{u.ru}\x1f{u.zh}\x1f{u.doc}" for u in units)
    parts.append(reviewed.read_bytes() if reviewed else b"")
    return key("corpus", *parts)


def _glossary(
    documents: Sequence[Document],
    units: Sequence[TranslationUnit],
    reviewed: Path | None,
    cache: Cache,
    name: str,
    jobs: int,
) -> Glossary:
    """Attestation, candidates and pairing over the corpus, keeping the decisions of a reviewed CSV
    (cached by content)."""
    glossary = cache.get(name, "glossary")
    if not isinstance(glossary, Glossary):
        decisions = read_csv(reviewed) if reviewed else ()
        glossary = build_glossary(
            documents, pairs=[(u.ru, u.zh) for u in units], reviewed=decisions, workers=jobs
        )
        cache.put(name, "glossary", glossary)
    return glossary


def _findings(options: BuildOptions, paths: Sequence[Path], name: str, cache: Cache) -> Report:
    """Run the checks on the documents, the new glossary and the new memory (cached by content)."""
    report = cache.get(name, "findings")
    if not isinstance(report, Report):
        inputs = CheckInputs(
            documents=tuple(paths),
            glossary=options.output / "glossary.csv",
            tmx=options.output / "memory.tmx",
        )
        report = run_checks(inputs, version=__version__)
        cache.put(name, "findings", report)
    return report


def _require_both_languages(documents: Sequence[Document], inputs: Sequence[Path]) -> None:
    """A corpus without Russian or without Chinese text cannot give a translation memory: say so
    rather than write an empty one."""
    langs = {b.lang for d in documents for b in d.blocks if b.sentences}
    missing = [name for lang, name in (("ru", "Russian"), ("zh", "Chinese")) if lang not in langs]
    if documents and missing:
        raise InputError(
            f"no {' and no '.join(missing)} text in the {len(documents)} document(s) read",
            file=", ".join(map(str, inputs)),
            hint="give a corpus with both Russian and Chinese documents (or bilingual ones)",
        )


def build(options: BuildOptions) -> tuple[BuildResult, BuildStats]:
    """Run the whole pipeline and write every output file into ``options.output``."""
    stats = BuildStats()
    cache = Cache(options.cache_dir)
    paths = expand_inputs(options.inputs)
    if not paths:
        raise InputError(
            "no .txt or .docx documents found",
            file=", ".join(map(str, options.inputs)),
            hint="give files or folders that contain documents",
        )
    documents, fingerprints, stats.errors = read_corpus(
        paths, options.jobs, cache, options.encoding, options.quiet
    )
    if stats.errors and not options.keep_going:
        raise stats.errors[0]
    stats.documents = len(documents)
    _require_both_languages(documents, options.inputs)
    readable = [Path(d.path) for d in documents]
    passages = _passages(documents, fingerprints, options, cache)
    units, lonely = outputs.passage_units(passages)
    settings = settings_signature(options)
    signature = "|".join(f"{k}={v}" for k, v in settings.items())
    out = options.output
    outputs.write_memory(out / "memory.tmx", units, signature, options.tags)
    corpus = _corpus_key(fingerprints, units, signature, options.reviewed)
    glossary = _glossary(documents, units, options.reviewed, cache, corpus, options.jobs)
    write_outputs(glossary, out, tags=options.tags)
    for notice in glossary.notices:
        log(f"warning: {notice}", options.quiet)
    report = _findings(options, readable, corpus, cache)
    outputs.write_text(out / "findings.json", render_json(report))
    outputs.write_text(out / "findings.sarif", render_sarif(report))
    rows = outputs.unaligned_rows(documents, passages, lonely)
    outputs.write_unaligned(out / "unaligned.tsv", rows)
    result = BuildResult(tuple(documents), tuple(passages), glossary.entries, report.findings, settings)
    html = cache.get(corpus, "report")
    if not isinstance(html, str):
        html = report_html(result)
        cache.put(corpus, "report", html)
    outputs.write_text(out / "report.html", html)
    stats.units, stats.unaligned, stats.findings = len(units), len(rows), len(report.findings)
    stats.cache_hits, stats.cache_misses = cache.hits, cache.misses
    return result, stats


def log(message: str, quiet: bool) -> None:
    """A line on stderr unless quiet."""
    if not quiet:
        print(message, file=sys.stderr)
