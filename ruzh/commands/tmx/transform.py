"""``ruzh tmx merge|dedupe|filter|split``: memories in, memories out."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from ruzh.commands.tmx.common import Inputs, log, peeked, settings, write
from ruzh.exitcodes import EXIT_OK
from ruzh.tmx import ops
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit


def run_merge(args: argparse.Namespace) -> int:
    """Concatenate memories."""
    units, signature = peeked(Inputs(args.inputs))
    write(args.output, units, settings(args, signature=signature))
    return EXIT_OK


def _signature_of(path: str) -> str:
    """The settings signature in the header of a TMX file (read up to its first unit)."""
    reader = TmxReader(path)
    next(iter(reader), None)
    return reader.header.signature


def run_dedupe(args: argparse.Namespace) -> int:
    """Fold identical pairs; report sources with several targets."""
    inputs = Inputs([args.input])
    cached = list(inputs) if args.input == "-" else None
    passes = 0

    def source() -> Iterable[TranslationUnit]:
        nonlocal passes
        passes += 1
        if cached is not None:
            return cached
        return inputs if passes == 1 else TmxReader(args.input)  # problems are logged on the first pass

    signature = inputs.signature() if cached is not None else _signature_of(args.input)
    report = ops.DedupeReport()
    write(args.output, ops.dedupe(source, report), settings(args, signature=signature))
    for conflict in report.conflicts:
        targets = " | ".join(zh for zh, _ in conflict.targets)
        log(f"conflict: {conflict.ru[:80]!r} has {len(conflict.targets)} targets: {targets[:160]}")
    log(f"{report.read} units read, {report.folded} duplicates folded, {len(report.conflicts)} conflicts")
    return EXIT_OK


def run_filter(args: argparse.Namespace) -> int:
    """Keep the units meeting every condition."""
    condition = ops.UnitFilter(
        min_score=args.min_score,
        max_score=args.max_score,
        docs=tuple(args.doc),
        since=ops.parse_date(args.since) if args.since else None,
        until=ops.parse_date(args.until).replace("T000000Z", "T235959Z") if args.until else None,
    )
    units, signature = peeked(Inputs([args.input]))
    write(args.output, ops.filter_units(units, condition), settings(args, signature=signature))
    return EXIT_OK


def run_split(args: argparse.Namespace) -> int:
    """Files of at most --size units."""
    units, signature = peeked(Inputs([args.input]))
    files, report = ops.split(units, args.size, args.output, settings(args, signature=signature))
    for problem in report.problems:
        log(f"warning: {problem.render()}")
    for name in files:
        print(name)
    log(f"{report.written} units in {len(files)} files, {report.skipped} skipped")
    return EXIT_OK
