"""The build: read, find parallel passages, align, write TMX, glossary, findings and the report.

Each stage is a library call; this module only sequences them. Independent documents and passages
run in parallel, per-document and per-pair results are cached by content, and the outputs are
written into a staging folder under the output folder's lock, then moved into place together.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruzh import __version__
from ruzh.align.aligner import signature as aligner_signature
from ruzh.align.types import Document, Sentence
from ruzh.checks.config import CheckConfig
from ruzh.checks.formats import Report, render_json, render_sarif
from ruzh.checks.memory import UnitMemory
from ruzh.core.errors import InputError
from ruzh.core.langtags import OutputTags
from ruzh.core.signature import Signature
from ruzh.glossary.build import Glossary
from ruzh.glossary.entries import Entry
from ruzh.glossary.export import write_outputs
from ruzh.lexicon import aligner_lexicon
from ruzh.pipeline import OUTPUT_FILES, outdir, outputs
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.checking import EarlyParts, StoredReport, check_build, config_signature
from ruzh.pipeline.corpus import CorpusFile, corpus_files, read_corpus
from ruzh.pipeline.lexicon import build_lexicon
from ruzh.pipeline.pages import report_files
from ruzh.pipeline.resources import load_language_resources, parse_russian
from ruzh.pipeline.stages import corpus_key, glossary_stage, passages_stage
from ruzh.progress import Progress
from ruzh.report import prune_report, write_report
from ruzh.results import AlignedPassage, BuildResult
from ruzh.tmx.types import TranslationUnit


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
    config: CheckConfig = field(default_factory=CheckConfig)
    scorer: str = "lexical"  # the sentence aligner's evidence (align.scorers.SCORERS)


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
    cache_rejected: int = 0
    missed: dict[str, int] = field(default_factory=dict)  # cache misses by kind of entry
    found: dict[str, int] = field(default_factory=dict)  # cache hits by kind of entry
    report: tuple[str, ...] = ()  # the report's files, relative to the output folder
    report_kept: int = 0  # pages kept from the folder's earlier build (their inputs did not change)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each phase
    # CPU time of each phase, this process's and that of the workers that ended during it
    cpu_seconds: dict[str, float] = field(default_factory=dict)

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time one phase of the build (the benchmark reports where the time goes)."""
        start, start_cpu = time.perf_counter(), cpu_time()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + cpu_time() - start_cpu


def cpu_time() -> float:
    """User and system time of this process and of its ended workers (``os.times``)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def settings_signature(options: BuildOptions) -> dict[str, str]:
    """Settings that change results, recorded in the TMX header and the report."""
    return {
        "ruzh": __version__,
        "aligner": str(aligner_signature(aligner_lexicon(), scorer=options.scorer)),
        "ru_tag": options.tags.ru,
        "zh_tag": options.tags.zh,
    }


def _stages(
    options: BuildOptions, files: Sequence[CorpusFile], stats: BuildStats, cache: Cache, staging: Path
) -> tuple[BuildResult, list[str] | None]:
    """Read, pair, align, and write every output into ``staging``; or, when the output folder
    already holds this very set (see :func:`outdir.current_files`), write nothing. Returns the
    result and the names of the staged files (``None`` when nothing was staged)."""
    build_lexicon(cache)  # before any stage asks for it
    documents, fingerprints = _read(options, files, stats, cache)
    with stats.phase("pairing and aligning"), Progress("pairing", quiet=options.quiet) as bar:
        passages = passages_stage(
            documents, fingerprints, options.jobs, cache, options.quiet, options.scorer, bar
        )
        bar.finish(f"{len(documents)} documents, {len(passages)} passages")
    units, lonely = outputs.passage_units(passages)
    settings = settings_signature(options)
    signature = str(
        Signature.of(ruzh=__version__)
        + aligner_signature(aligner_lexicon(), scorer=options.scorer)
        + Signature.of(ru_tag=options.tags.ru, zh_tag=options.tags.zh)
    )
    corpus = corpus_key(fingerprints, units, signature, options.reviewed)
    build_key = key("outputs", corpus, config_signature(options.config), str(options.output))
    current = outdir.current_files(options.output, build_key, OUTPUT_FILES) if cache.folder else None
    memory = None if current else staging / "memory.tmx"  # written on the side (outputs.memory_aside)
    with outputs.memory_aside(memory, units, signature, options.tags, options.jobs):
        glossary, report, rows = _glossary_and_checks(
            options, documents, fingerprints, passages, units, lonely, stats, cache, corpus, staging, current
        )
    result = BuildResult(
        tuple(documents),
        tuple(passages),
        glossary.entries,
        report.findings,
        settings,
        fingerprints={d.name: f for d, f in zip(documents, fingerprints, strict=True)},
    )
    stats.units, stats.unaligned, stats.findings = len(units), len(rows), len(report.findings)
    if current:
        stats.report = tuple(n for n in current if n == "report.html" or n.startswith("report/"))
        return result, None
    outputs.write_text(staging / "findings.json", render_json(report))
    outputs.write_text(staging / "findings.sarif", render_sarif(report))
    outputs.write_unaligned(staging / "unaligned.tsv", rows)
    return result, _write_report(options, result, stats, cache, staging, build_key)


def _glossary_and_checks(
    options: BuildOptions,
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    passages: Sequence[AlignedPassage],
    units: Sequence[TranslationUnit],
    lonely: Sequence[Sentence],
    stats: BuildStats,
    cache: Cache,
    corpus: str,
    staging: Path,
    current: list[str] | None,
) -> tuple[Glossary, Report, list[tuple[str, ...]]]:
    """The glossary (written into ``staging`` unless ``current``), the findings and the unaligned
    rows. The documents' own checks run on the side while the glossary is built
    (:class:`EarlyParts`): they need the documents alone, and the glossary's last part is serial."""
    steps = len(documents) + len(passages)  # each document's counts, then each passage's units
    with EarlyParts(documents, fingerprints, cache, options.jobs) as early:
        with stats.phase("glossary"), Progress("glossary", steps, options.quiet) as bar:
            glossary = glossary_stage(
                documents, fingerprints, passages, options.reviewed, cache, corpus, options.jobs,
                bar.advance, early.start,
            )  # fmt: skip
            if not current:
                write_outputs(glossary, staging, tags=options.tags)
            bar.finish(f"{len(glossary.entries)} rows")
        for notice in glossary.notices:
            log(f"warning: {notice}", options.quiet)
        with stats.phase("checks"), Progress("checks", len(documents), options.quiet) as bar:
            memory = UnitMemory(units, str(options.output / "memory.tmx"))
            report = _findings(
                options, documents, fingerprints, memory, glossary.entries, cache, corpus, bar.advance, early
            )
            rows = outputs.unaligned_rows(documents, passages, lonely)
            bar.finish(f"{len(report.findings)} findings")
    return glossary, report, rows


def _read(
    options: BuildOptions, files: Sequence[CorpusFile], stats: BuildStats, cache: Cache
) -> tuple[list[Document], list[str]]:
    """Every document, read once (or taken from the cache), with its content fingerprint."""
    with stats.phase("reading"):
        documents, fingerprints, stats.errors = read_corpus(
            files, options.jobs, cache, options.encoding, options.quiet,
            meanwhile=load_language_resources, arrived=parse_russian,
        )  # fmt: skip
    if stats.errors and not options.keep_going:
        raise stats.errors[0]
    stats.documents = len(documents)
    _require_both_languages(documents, options.inputs)
    return documents, fingerprints


def _write_report(
    options: BuildOptions, result: BuildResult, stats: BuildStats, cache: Cache, staging: Path, build_key: str
) -> list[str]:
    """Render the report into ``staging`` (pages whose inputs did not change are kept in the output
    folder, where they stand), write the manifest, and return the names of every staged file."""
    with stats.phase("report"), Progress("report", 0, options.quiet) as bar:
        # --no-cache renders every page afresh too (kept pages are a reuse, like cache entries)
        previous = outdir.previous_pages(options.output) if cache.folder else {}
        pages = report_files(result, options.jobs, options.output, previous, bar, staging)
        write_report(pages.texts, staging)  # what the workers did not write themselves
        stats.report, stats.report_kept = tuple(pages.names), pages.kept
        bar.finish(f"{len(stats.report)} files, {pages.kept} kept")
    names = [*OUTPUT_FILES, *(n for n in stats.report if n not in OUTPUT_FILES)]
    outdir.write_manifest(staging, build_key, names, pages.keys, pages.left)
    return [n for n in names if n not in pages.left]


def _findings(
    options: BuildOptions,
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    memory: UnitMemory,
    glossary: Sequence[Entry],
    cache: Cache,
    corpus: str,
    advance: Callable[[int], None],
    early: EarlyParts | None = None,
) -> Report:
    """The checks on the documents, the new memory and the new glossary (cached by content)."""
    name = key("findings", corpus, config_signature(options.config), str(options.output))
    stored = cache.get(name, "findings", StoredReport)
    report = stored.report() if stored else None
    if report is None:
        report = check_build(
            documents, fingerprints, memory, glossary, options.config, cache, advance, options.jobs, early
        )
        cache.put(name, "findings", StoredReport.of(report))
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


@contextlib.contextmanager
def _fewer_collections(youngest: int = 50_000) -> Iterator[None]:
    """Collect reference cycles less often while building: a build makes millions of small objects
    that live until its end (sentences, tallies, beads), and the default threshold (700) scans them
    again and again (measured: restoring the cached glossary parts of an edited 100-pair corpus
    0.9 -> 0.7 s CPU). The settings are put back afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(youngest, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def build(options: BuildOptions) -> tuple[BuildResult, BuildStats]:
    """Run the whole pipeline and replace the set of output files in ``options.output`` together."""
    with _fewer_collections():
        return _build(options)


def _build(options: BuildOptions) -> tuple[BuildResult, BuildStats]:
    stats = BuildStats()
    cache = Cache(options.cache_dir)
    out = options.output
    with outdir.locked(out):
        outdir.recover(out)
        files = corpus_files(options.inputs, out, options.cache_dir, OUTPUT_FILES)
        if not files:
            raise InputError(
                "no .txt or .docx documents found",
                file=", ".join(map(str, options.inputs)),
                hint="give files or folders that contain documents",
            )
        staging = outdir.staging_folder(out)
        try:
            result, staged = _stages(options, files, stats, cache, staging)
        except BaseException:  # Ctrl-C included: the workers are ended, and a page a worker was
            shutil.rmtree(staging, ignore_errors=True)  # writing must not stay half-written
            raise
        if staged is not None:
            outdir.commit(out, (*staged, outdir.MANIFEST))
            prune_report(out, stats.report)
        else:
            shutil.rmtree(staging, ignore_errors=True)
    stats.cache_hits, stats.cache_misses = cache.hits, cache.misses
    stats.cache_rejected, stats.missed, stats.found = cache.rejected, dict(cache.missed), dict(cache.found)
    return result, stats


def log(message: str, quiet: bool) -> None:
    """A line on stderr unless quiet."""
    if not quiet:
        print(message, file=sys.stderr)
