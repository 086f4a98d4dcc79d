"""``ruzh check``: consistency checks for people and CI, with reports CI systems understand."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruzh import __version__
from ruzh.checks.choices import FAIL_ON, FORMATS
from ruzh.core.errors import ConfigError
from ruzh.core.inputs import printable
from ruzh.exitcodes import EXIT_FINDINGS, EXIT_OK
from ruzh.formatter import add_command

# The checks, their renderers and the configuration are imported by the handler: --help stays light.

if TYPE_CHECKING:
    from ruzh.align.types import Document
    from ruzh.checks.memory import UnitFile
    from ruzh.checks.variants import Glossary


def register(subparsers: Any) -> None:
    """Add ``check`` to the command line."""
    parser = add_command(
        subparsers,
        "check",
        "consistency checks: terminology, typography, scripts, numbers, TM",
        "Check documents as a corpus (Chinese punctuation and spacing, unbalanced quotes and brackets, "
        "Latin/Cyrillic look-alikes, 一 for a dash, terms written several ways, deprecated and forbidden "
        "terms) and translation units from a TMX or aligned pairs (empty, untranslated, wrong script, "
        "numbers, glossary conformance, length ratio, inconsistent translations). Positions point into "
        "the original files. The full report is written before the exit code is decided.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="documents, folders (their .txt and .docx files, any case), or - for standard input "
        "(default: the bundled seed documents unless --tmx or --aligned is given)",
    )
    parser.add_argument(
        "--glossary",
        metavar="G.csv",
        help="reviewed glossary (termbase CSV or the review "
        "CSV of `ruzh glossary build`); its statuses override the shipped termbase",
    )
    parser.add_argument(
        "--tmx", metavar="M.tmx", help="translation memory to check unit by unit and as a whole"
    )
    parser.add_argument(
        "--aligned",
        metavar="PAIRS.tsv",
        help="aligned pairs, `ru<TAB>zh` or `score<TAB>ru<TAB>zh` lines, checked like TMX units",
    )
    _output_options(parser)
    parser.set_defaults(handler=run)


def _output_options(parser: argparse.ArgumentParser) -> None:
    """Report, exit-code, configuration and baseline options."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="report format: text (file:line:col: "
        "severity rule message; default on a terminal), json, junit, sarif (2.1.0) or github "
        "(workflow annotations; default when GITHUB_ACTIONS is set)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default="-",
        help="write the report here (default: stdout); written atomically",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when a finding is at or above "
        "this severity (default: from the configuration, else error)",
    )
    parser.add_argument(
        "--config",
        metavar="ruzh.toml",
        help="configuration file (default: ./ruzh.toml, else [tool.ruzh.check] in ./pyproject.toml)",
    )
    parser.add_argument(
        "--baseline", metavar="F", help="hide findings whose fingerprints are in this baseline"
    )
    parser.add_argument(
        "--write-baseline",
        metavar="F",
        help="write the fingerprints of all current findings "
        "to F (a project adopting ruzh then sees only new problems)",
    )
    parser.add_argument(
        "--list-rules",
        action="store_true",
        help="print the rules with their ids, default severities and descriptions, and exit",
    )


def _default_format() -> str:
    import os

    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def list_rules() -> str:
    """The rule table of ``--list-rules``."""
    from ruzh.checks.rules import RULES

    return "".join(f"{r.id:24s} {r.severity:8s} {r.scope:9s} {r.description}\n" for r in RULES)


def display_name(path: Path) -> str:
    """The path as reports show it: relative to the working directory when below it."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:
        return printable(path)
    return printable(path if rel.startswith("..") else rel)


def _documents(args: argparse.Namespace) -> list[Document]:
    """The documents to check, read once by the reader (as every command reads them), named by
    their paths; ``-`` is standard input."""
    from ruzh.align.reader import document_from_bytes, expand_inputs, read_document
    from ruzh.core.inputs import read_stream
    from ruzh.seeds import seed_paths

    files = [p for p in args.paths if p != "-"]
    paths = expand_inputs(files) if args.paths else ([] if args.tmx or args.aligned else seed_paths())
    documents = [read_document(p, name=display_name(p)) for p in paths]
    if "-" in args.paths:
        documents.append(document_from_bytes(read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"))
    return documents


def _unit_files(args: argparse.Namespace) -> list[UnitFile]:
    from ruzh.checks.memory import UnitFile

    given = ((args.tmx, "tmx"), (args.aligned, "tsv"))
    return [UnitFile(Path(p), display_name(Path(p)), kind) for p, kind in given if p]


def _termbase(glossary: str | None) -> Glossary:
    from ruzh.checks.variants import load_glossary

    return load_glossary(Path(glossary) if glossary else None)


def run(args: argparse.Namespace) -> int:
    """Check, write the whole report, then return 0, or 1 when a finding reaches --fail-on."""
    if args.list_rules:
        sys.stdout.write(list_rules())
        return EXIT_OK
    import dataclasses

    from ruzh.checks.baseline import write_baseline
    from ruzh.checks.config import load_config
    from ruzh.checks.findings import fails
    from ruzh.checks.formats import RENDERERS
    from ruzh.checks.runner import run_checks
    from ruzh.core.atomicio import atomic_write

    config = load_config(args.config)
    fail_on = args.fail_on or config.fail_on
    if args.baseline and args.write_baseline:
        raise ConfigError(
            "--baseline and --write-baseline exclude each other",
            hint="write the baseline first, then check against it",
        )
    documents = _documents(args)
    report = run_checks(
        documents,
        _unit_files(args),
        _termbase(args.glossary),
        config,
        baseline=args.baseline,
        version=__version__,
        termbase_label=args.glossary or "shipped termbase",
    )
    report = dataclasses.replace(report, fail_on=fail_on)
    chunks = RENDERERS[args.format or _default_format()](report)
    if args.output == "-":
        sys.stdout.writelines(chunks)
        sys.stdout.flush()
    else:
        with atomic_write(args.output) as out:
            out.writelines(chunks)
    if args.write_baseline:
        count = write_baseline(args.write_baseline, report.findings)
        print(f"ruzh check: {count} fingerprints written to {args.write_baseline}", file=sys.stderr)
    return EXIT_FINDINGS if fails(report.findings, fail_on) else EXIT_OK
