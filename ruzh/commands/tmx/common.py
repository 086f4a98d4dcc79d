"""Reading and writing for the ``ruzh tmx`` subcommands: inputs, settings, output, logging."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ruzh.core.langtags import output_tags
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import TmxSettings, WriteReport, write_stream, write_tmx


def log(message: str) -> None:
    """A line on stderr (data goes to stdout)."""
    print(message, file=sys.stderr)


def source(path: str) -> Any:
    """A path, or the binary stdin for ``-``."""
    return sys.stdin.buffer if path == "-" else path


class Inputs:
    """Units of several TMX files in order; problems the readers met are logged as they are read."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.readers = [TmxReader(source(p), "<stdin>" if p == "-" else p) for p in paths]

    def __iter__(self) -> Iterator[TranslationUnit]:
        for reader in self.readers:
            yield from reader
            for problem in reader.problems:
                log(f"warning: {problem.render()}")

    def signature(self) -> str:
        """The settings signature in the first file's header."""
        return self.readers[0].header.signature if self.readers else ""


def settings(args: argparse.Namespace, o_tmf: str = "TMX", signature: str = "") -> TmxSettings:
    """Writer settings from the common options."""
    tags = output_tags(getattr(args, "ru_tag", None), args.zh_tag)
    return TmxSettings.for_tags(tags, o_tmf=o_tmf, signature=signature, strict=args.strict)


def write(output: str, units: Iterable[TranslationUnit], settings: TmxSettings) -> WriteReport:
    """Write units to a file (atomically) or stdout, logging every problem and the count."""
    if output == "-":
        report = write_stream(sys.stdout.buffer, units, settings)
        sys.stdout.buffer.flush()
    else:
        report = write_tmx(output, units, settings)
    for problem in report.problems:
        log(f"warning: {problem.render()}")
    where = "stdout" if output == "-" else output
    log(f"{report.written} units written to {where}, {report.skipped} skipped")
    return report


def peeked(inputs: Inputs) -> tuple[Iterator[TranslationUnit], str]:
    """Start reading so the first header is known, and give back the whole stream of units."""
    stream = iter(inputs)
    first = list(itertools.islice(stream, 1))
    return itertools.chain(first, stream), inputs.signature()
