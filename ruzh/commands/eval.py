"""``ruzh eval``: strict and lax precision, recall and F1 of alignments against a gold standard."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ruzh.core.errors import ConfigError
from ruzh.exitcodes import EXIT_OK
from ruzh.formatter import add_command


def register(subparsers: Any) -> None:
    """Add ``eval`` to the command line."""
    parser = add_command(
        subparsers,
        "eval",
        "score alignments against gold alignments",
        "Compare bead files ([0]:[0, 1]:0.873 lines, as written by ruzh align --format beads) with gold "
        "bead files and print strict and lax precision, recall and F1 as defined by vecalign: strict = "
        "identical bead; lax = the bead links at least one sentence pair of the gold; 1-0 and 0-1 beads "
        "count for precision only. Several pairs of files are pooled.",
    )
    parser.add_argument("--gold", nargs="+", required=True, metavar="FILE", help="gold bead files")
    parser.add_argument(
        "--test",
        nargs="+",
        required=True,
        metavar="FILE",
        help="bead files to score, in the same order as --gold",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a small table; json: one object (default: text)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Read the bead files, score, print."""
    from ruzh.align.aligner.beadfile import read_beads
    from ruzh.align.aligner.evaluate import score

    if len(args.gold) != len(args.test):
        raise ConfigError(
            f"{len(args.gold)} gold files but {len(args.test)} test files",
            hint="give one --test file per --gold file, in the same order",
        )
    gold = [[(b.src, b.tgt) for b in read_beads(path)] for path in args.gold]
    test = [[(b.src, b.tgt) for b in read_beads(path)] for path in args.test]
    s = score(gold, test)
    if args.format == "json":
        print(json.dumps({k: round(getattr(s, k), 4) for k in s.__slots__}, sort_keys=True))
        return EXIT_OK
    out = sys.stdout
    out.write("            strict   lax\n")
    out.write(f"precision   {s.precision_strict:.3f}   {s.precision_lax:.3f}\n")
    out.write(f"recall      {s.recall_strict:.3f}   {s.recall_lax:.3f}\n")
    out.write(f"F1          {s.f1_strict:.3f}   {s.f1_lax:.3f}\n")
    return EXIT_OK
