"""``ruzh check``: consistency checks for people and CI, with reports CI systems understand."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from ruzh import __version__
from ruzh.checks.baseline import write_baseline
from ruzh.checks.config import FAIL_ON, load_config
from ruzh.checks.findings import fails
from ruzh.checks.formats import FORMATS, RENDERERS
from ruzh.checks.rules import RULES
from ruzh.checks.runner import CheckInputs, expand_paths, run_checks
from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import EXIT_FINDINGS, EXIT_OK, ConfigError
from ruzh.core.inputs import read_stream
from ruzh.formatter import add_command
from ruzh.seeds import seed_paths


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
        help="documents (.txt, .docx), folders, or - for standard input (default: the bundled seed "
        "documents unless --tmx or --aligned is given)",
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
    return "".join(f"{r.id:24s} {r.severity:8s} {r.scope:9s} {r.description}\n" for r in RULES)


def run(args: argparse.Namespace) -> int:
    """Check, write the whole report, then return 0, or 1 when a finding reaches --fail-on."""
    if args.list_rules:
        sys.stdout.write(list_rules())
        return EXIT_OK
    config = load_config(args.config)
    fail_on = args.fail_on or config.fail_on
    if args.baseline and args.write_baseline:
        raise ConfigError(
            "--baseline and --write-baseline exclude each other",
            hint="write the baseline first, then check against it",
        )
    files = [p for p in args.paths if p != "-"]
    docs = expand_paths(files) if args.paths else ([] if args.tmx or args.aligned else seed_paths())
    inline = (("<stdin>", read_stream(sys.stdin.buffer, "<stdin>")),) if "-" in args.paths else ()
    inputs = CheckInputs(
        documents=tuple(docs),
        inline=inline,
        glossary=Path(args.glossary) if args.glossary else None,
        tmx=Path(args.tmx) if args.tmx else None,
        aligned=Path(args.aligned) if args.aligned else None,
    )
    report = run_checks(inputs, config, baseline=args.baseline, version=__version__)
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
