"""``ruzh build``: a folder of documents in, TMX, glossary, findings and a review report out."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ruzh.align.scorers import HELP as SCORER_HELP
from ruzh.align.scorers import SCORERS
from ruzh.checks.choices import FAIL_ON
from ruzh.core.errors import ConfigError
from ruzh.exitcodes import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, render
from ruzh.formatter import add_command, encoding_name
from ruzh.pipeline import OUTPUT_FILES


def register(subparsers: Any) -> None:
    """Add ``build`` to the command line."""
    parser = add_command(
        subparsers,
        "build",
        "documents in, TMX + glossary + findings + HTML report out",
        "Read every document, find parallel passages (Аннотация ↔ 摘要 inside a document, documents that "
        "translate each other), align them, and write into the output folder: "
        + ", ".join(OUTPUT_FILES)
        + " (the review report's entry page; its other pages, one per aligned pair and per document, "
        "the glossary and the findings, are in report/ beside it; open report.html in a browser, no "
        "server needed). Re-running reuses cached per-document and per-pair results (checked JSON, never "
        "code). Files of the output folder are never read as documents; one build at a time holds the "
        "folder (a second one exits 2), and the set of outputs is replaced together. "
        "Progress: on a terminal one line per phase (reading, pairing, aligning, glossary, checks, "
        "report) with counts and time left; otherwise one line as each phase ends and one every 10 s "
        "while it runs. Ctrl-C stops with exit code 130 and leaves no half-written file.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="PATH",
        help="documents or folders (their .txt and .docx files, any case; default: the seeds)",
    )
    parser.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder (default: out)")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes for documents, passages, glossary counts and report pages "
        "(default: number of cores)",
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="where cached per-document results live (default: DIR/.ruzh-cache)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache, and render every report page afresh",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", type=encoding_name, help="force the encoding of .txt inputs"
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="skip unreadable documents (reported; exit 3 at the end) instead of stopping",
    )
    parser.add_argument(
        "--ru-tag", metavar="TAG", help="xml:lang of Russian in the TMX and the TBX, e.g. ru-RU (default: ru)"
    )
    parser.add_argument(
        "--zh-tag",
        metavar="TAG",
        help="xml:lang of Chinese in the TMX and the TBX, e.g. zh-Hans (default: zh-CN)",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when a finding is at or above this severity (default: fail-on of the "
        "configuration file when there is one, else never)",
    )
    parser.add_argument(
        "--config",
        metavar="ruzh.toml",
        help="check configuration, as for `ruzh check` (default: ./ruzh.toml, else [tool.ruzh.check] in "
        "./pyproject.toml): switched-off rules are not reported and do not count for --fail-on; "
        "a broken file exits 2",
    )
    parser.add_argument(
        "--reviewed",
        metavar="CSV",
        help="a reviewed glossary.csv (comma or semicolon, UTF-8 with or without BOM): every output is "
        "rebuilt with its decisions; approved terms go into the TBX and OmegaT files and the checks, "
        "rejected candidates are not proposed again, deprecated/forbidden variants give "
        "term-deprecated/term-forbidden findings",
    )
    parser.add_argument("--scorer", choices=SCORERS, default="lexical", help=SCORER_HELP)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build, print a summary, and exit by --fail-on (and 3 when --keep-going skipped a file)."""
    from ruzh.checks.config import load_config
    from ruzh.checks.findings import fails
    from ruzh.core.langtags import output_tags
    from ruzh.glossary.entries import read_csv
    from ruzh.pipeline.build import BuildOptions, build, log
    from ruzh.report import describe
    from ruzh.seeds import seed_paths

    if args.jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {args.jobs}", hint="e.g. --jobs 2")
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        raise ConfigError("the output folder is a file", file=str(output), hint="give a folder name with -o")
    if args.scorer != "lexical":
        from ruzh.align.aligner.embeddings import require as require_embeddings

        require_embeddings()  # before anything is read or written
    config = load_config(args.config)
    fail_on = args.fail_on or (config.fail_on if config.source else "never")
    reviewed = Path(args.reviewed) if args.reviewed else None
    if reviewed is not None:
        read_csv(reviewed)  # a broken review file stops the build before anything is written
    cache = None if args.no_cache else Path(args.cache_dir) if args.cache_dir else output / ".ruzh-cache"
    options = BuildOptions(
        inputs=tuple(Path(p) for p in args.inputs) or tuple(seed_paths()),
        output=output,
        jobs=args.jobs,
        cache_dir=cache,
        encoding=args.encoding,
        keep_going=args.keep_going,
        quiet=args.quiet,
        tags=output_tags(args.ru_tag, args.zh_tag),
        config=config,
        reviewed=reviewed,
        scorer=args.scorer,
    )
    result, stats = build(options)
    for error in stats.errors:
        print(render(error), file=sys.stderr)
    log(
        f"ruzh build: {stats.documents} documents, {len(result.passages)} parallel passages, "
        f"{stats.units} translation units, {stats.unaligned} sentences without partner, "
        f"{len(result.glossary)} glossary rows, {stats.findings} findings -> {output}/",
        args.quiet,
    )
    log(f"report: {describe(stats.report)} -> {output}/", args.quiet)
    if stats.errors:
        return EXIT_INPUT
    return EXIT_FINDINGS if fails(result.findings, fail_on) else EXIT_OK
