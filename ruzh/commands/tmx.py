"""``ruzh tmx``: build, merge, dedupe, filter, split, inspect, validate and search TMX memories."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from align.errors import EXIT_FINDINGS, EXIT_OK, ConfigError
from ruzh.formatter import add_command
from tmx import ops
from tmx.langtags import zh_output_tag
from tmx.reader import TmxReader
from tmx.types import TranslationUnit
from tmx.writer import TmxSettings, WriteReport, write_stream, write_tmx

HELP = {
    "build": (
        "align documents (or take aligned TSV) and write TMX",
        "Write a TMX 1.4b memory from RU.txt and ZH.txt (aligned by the sentence aligner), from several "
        "document pairs listed in --pairs LIST.tsv, or from already aligned text in --aligned PAIRS.tsv.",
    ),
    "merge": (
        "concatenate TMX files into one",
        "Write the units of several TMX files (plain or .gz) into one TMX.",
    ),
    "dedupe": (
        "merge identical pairs, report conflicting targets",
        "Identical pairs (after NFC and whitespace folding) become one unit naming every document it came "
        "from; the same source with different targets is kept and reported on stderr.",
    ),
    "filter": (
        "keep units by score, document or date",
        "Keep the units meeting every condition given; units without a score (or date) fail a score (or "
        "date) condition.",
    ),
    "split": (
        "split a TMX into files of N units",
        "Write OUT.001.tmx, OUT.002.tmx ... with at most --size units.",
    ),
    "stats": (
        "count units, languages, documents, scores",
        "Statistics of TMX files: units, language tags, documents, bead types, a score histogram, dates.",
    ),
    "validate": (
        "check structure, languages, characters, duplicates",
        "Check TMX files: XML-illegal characters, structure (against the TMX 1.4 DTD with --dtd), language "
        "codes against the header and the expected ru/zh pair, duplicates. Exits 1 when an error is found.",
    ),
    "cat": (
        "print the units of TMX files",
        "Print units as TSV (score, ru, zh), JSON lines, or TMX re-written.",
    ),
    "lookup": (
        "fuzzy-search a TMX for Russian sentences",
        "Find the best units for each Russian query: a character-trigram index picks candidates, "
        "sacrebleu's chrF (0-100) ranks them.",
    ),
}


Option = tuple[tuple[str, ...], dict[str, Any]]
OUT: Option = (
    ("-o", "--output"),
    {"default": "-", "metavar": "OUT", "help": "output TMX, .gz compressed (default: -)"},
)
ZH_TAG: Option = (
    ("--zh-tag",),
    {"default": "zh-CN", "metavar": "TAG", "help": "Chinese xml:lang (default: zh-CN)"},
)
STRICT: Option = (
    ("--strict",),
    {"action": "store_true", "help": "skip units with characters XML cannot carry instead of removing them"},
)
INPUTS: Option = (
    ("inputs",),
    {"nargs": "+", "metavar": "TMX", "help": "TMX files (plain or .gz); - is stdin"},
)
INPUT: Option = (("input",), {"metavar": "TMX", "help": "TMX file (plain or .gz); - is stdin"})
WRITE = [OUT, ZH_TAG, STRICT]


def _fmt(*choices: str) -> Option:
    return (
        ("--format",),
        {"choices": choices, "default": choices[0], "help": f"output format (default: {choices[0]})"},
    )


def _opt(*names: str, **kwargs: Any) -> Option:
    return names, kwargs


OPTIONS: dict[str, list[Option]] = {
    "build": [
        _opt("documents", nargs="*", metavar="DOC", help="RU.txt ZH.txt: a Russian and a Chinese document"),
        _opt("--aligned", metavar="PAIRS.tsv", help="'ru<TAB>zh' or 'score<TAB>ru<TAB>zh' lines; - is stdin"),
        _opt(
            "--pairs", metavar="LIST.tsv", help="'ru_path<TAB>zh_path' lines, relative to the list's folder"
        ),
        _opt("--encoding", metavar="NAME", help="force the encoding of .txt documents"),
        *WRITE,
    ],
    "merge": [INPUTS, *WRITE],
    "dedupe": [INPUT, *WRITE],
    "filter": [
        INPUT,
        _opt("--min-score", type=float, metavar="S", help="keep units scored at least S (0-1)"),
        _opt("--max-score", type=float, metavar="S", help="keep units scored at most S (0-1)"),
        _opt(
            "--doc", action="append", default=[], metavar="PATTERN", help="keep units of matching documents"
        ),
        _opt("--since", metavar="DATE", help="keep units created on or after DATE (YYYY-MM-DD)"),
        _opt("--until", metavar="DATE", help="keep units created on or before DATE (YYYY-MM-DD)"),
        *WRITE,
    ],
    "split": [
        INPUT,
        _opt("--size", type=int, required=True, metavar="N", help="units per file"),
        _opt(
            "-o", "--output", required=True, metavar="OUT", help="name pattern: OUT.tmx gives OUT.001.tmx ..."
        ),
        ZH_TAG,
        STRICT,
    ],
    "stats": [INPUTS, _fmt("text", "json")],
    "validate": [
        INPUTS,
        _fmt("text", "json"),
        _opt("--zh-tag", default="zh-CN", metavar="TAG", help="expected Chinese tag (default: zh-CN)"),
        _opt("--dtd", metavar="PATH", help="TMX 1.4 DTD to check the structure against (tmx14.dtd)"),
    ],
    "cat": [INPUTS, _fmt("tsv", "jsonl", "tmx"), ZH_TAG],
    "lookup": [
        _opt("tm", metavar="TM", help="the TMX memory to search"),
        _opt("queries", nargs="*", metavar="QUERY", help="Russian sentences to look up"),
        _opt("--file", metavar="QUERIES", help="one query per line; - is stdin"),
        _opt("--top", type=int, default=3, metavar="K", help="matches per query (default: 3)"),
        _opt("--min-score", type=float, default=50.0, metavar="S", help="lowest chrF shown (default: 50)"),
        _fmt("text", "jsonl"),
    ],
}


def register(subparsers: Any) -> None:
    """Add ``tmx`` and its subcommands to the command line."""
    top = add_command(
        subparsers, "tmx", "TMX translation memories", "Build, transform, check and search TMX 1.4b."
    )
    sub = top.add_subparsers(dest="tmx_command", metavar="SUBCOMMAND", required=True)
    for name, (help_text, description) in HELP.items():
        parser = add_command(sub, name, help_text, description)
        for flags, kwargs in OPTIONS[name]:
            parser.add_argument(*flags, **kwargs)
        parser.set_defaults(handler=HANDLERS[name])


def _log(message: str) -> None:
    print(message, file=sys.stderr)


def _source(path: str) -> Any:
    return sys.stdin.buffer if path == "-" else path


class _Inputs:
    """Units of several TMX files in order; problems the readers met are logged as they are read."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.readers = [TmxReader(_source(p), "<stdin>" if p == "-" else p) for p in paths]

    def __iter__(self) -> Iterator[TranslationUnit]:
        for reader in self.readers:
            yield from reader
            for problem in reader.problems:
                _log(f"warning: {problem.render()}")

    def signature(self) -> str:
        return self.readers[0].header.signature if self.readers else ""


def _settings(args: argparse.Namespace, o_tmf: str = "TMX", signature: str = "") -> TmxSettings:
    return TmxSettings(
        zh_tag=zh_output_tag(args.zh_tag), o_tmf=o_tmf, signature=signature, strict=args.strict
    )


def _write(output: str, units: Iterable[TranslationUnit], settings: TmxSettings) -> WriteReport:
    if output == "-":
        report = write_stream(sys.stdout.buffer, units, settings)
        sys.stdout.buffer.flush()
    else:
        report = write_tmx(output, units, settings)
    for problem in report.problems:
        _log(f"warning: {problem.render()}")
    where = "stdout" if output == "-" else output
    _log(f"{report.written} units written to {where}, {report.skipped} skipped")
    return report


def _peeked(inputs: _Inputs) -> tuple[Iterator[TranslationUnit], str]:
    """Start reading so the first header is known, and give back the whole stream of units."""
    stream = iter(inputs)
    first = list(itertools.islice(stream, 1))
    return itertools.chain(first, stream), inputs.signature()


def run_build(args: argparse.Namespace) -> int:
    """Units from aligned TSV, or from aligning document pairs."""
    from tmx import build, units

    if args.aligned:
        if args.documents or args.pairs:
            raise ConfigError("--aligned takes no documents", hint="give either --aligned, --pairs or RU ZH")
        source = sys.stdin.buffer if args.aligned == "-" else args.aligned
        _write(
            args.output,
            units.units_from_tsv(source, "<stdin>" if args.aligned == "-" else args.aligned),
            _settings(args, "ruzh aligned TSV"),
        )
        return EXIT_OK
    pairs = build.read_pair_list(args.pairs) if args.pairs else []
    if args.documents:
        if len(args.documents) != 2:
            raise ConfigError(
                f"expected RU.txt ZH.txt, got {len(args.documents)} document(s)",
                hint="give two documents, or --pairs LIST.tsv, or --aligned PAIRS.tsv",
            )
        pairs.append((Path(args.documents[0]), Path(args.documents[1])))
    if not pairs:
        raise ConfigError(
            "nothing to build from", hint="give RU.txt ZH.txt, --pairs LIST.tsv or --aligned PAIRS.tsv"
        )
    _write(
        args.output, _aligned_units(pairs, args.encoding), _settings(args, "ruzh", build.aligner_signature())
    )
    return EXIT_OK


def _aligned_units(pairs: list[tuple[Path, Path]], encoding: str | None) -> Iterator[TranslationUnit]:
    from align.reader import read_document
    from tmx.build import align_documents

    for ru_path, zh_path in pairs:
        result = align_documents(read_document(ru_path, encoding), read_document(zh_path, encoding))
        for sentence in result.unaligned:
            where = f"{sentence.doc}:{sentence.line}"
            _log(f"note: {where}: unaligned {sentence.lang} sentence: {sentence.text[:50]}")
        if result.other_language:
            _log(f"note: {len(result.other_language)} sentences of {ru_path}/{zh_path} in another language")
        _log(f"{ru_path} + {zh_path}: {len(result.units)} units, {len(result.unaligned)} sentences unaligned")
        yield from result.units


def run_merge(args: argparse.Namespace) -> int:
    """Concatenate memories."""
    units, signature = _peeked(_Inputs(args.inputs))
    _write(args.output, units, _settings(args, signature=signature))
    return EXIT_OK


def _signature_of(path: str) -> str:
    """The settings signature in the header of a TMX file (read up to its first unit)."""
    reader = TmxReader(path)
    next(iter(reader), None)
    return reader.header.signature


def run_dedupe(args: argparse.Namespace) -> int:
    """Fold identical pairs; report sources with several targets."""
    inputs = _Inputs([args.input])
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
    _write(args.output, ops.dedupe(source, report), _settings(args, signature=signature))
    for conflict in report.conflicts:
        targets = " | ".join(zh for zh, _ in conflict.targets)
        _log(f"conflict: {conflict.ru[:80]!r} has {len(conflict.targets)} targets: {targets[:160]}")
    _log(f"{report.read} units read, {report.folded} duplicates folded, {len(report.conflicts)} conflicts")
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
    units, signature = _peeked(_Inputs([args.input]))
    _write(args.output, ops.filter_units(units, condition), _settings(args, signature=signature))
    return EXIT_OK


def run_split(args: argparse.Namespace) -> int:
    """Files of at most --size units."""
    units, signature = _peeked(_Inputs([args.input]))
    files, report = ops.split(units, args.size, args.output, _settings(args, signature=signature))
    for problem in report.problems:
        _log(f"warning: {problem.render()}")
    for name in files:
        print(name)
    _log(f"{report.written} units in {len(files)} files, {report.skipped} skipped")
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    """Counts for people or JSON."""
    inputs = _Inputs(args.inputs)
    stats = ops.collect_stats(inputs)
    langs: Counter[str] = sum((r.lang_counts for r in inputs.readers), Counter())
    data = stats.as_dict(dict(langs.most_common()), skipped=sum(r.skipped for r in inputs.readers))
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key, value in data.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for name, count in list(value.items())[:30]:
                print(f"  {name}\t{count}")
            if len(value) > 30:
                print(f"  ... {len(value) - 30} more")
        else:
            print(f"{key}\t{value}")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    """Problems of each file; exit 1 when any is an error."""
    from tmx.validate import has_errors, validate_tmx

    zh_tag = zh_output_tag(args.zh_tag)
    failed = False
    for path in args.inputs:
        if path == "-":
            import io

            problems = validate_tmx(
                io.BytesIO(sys.stdin.buffer.read()), name="<stdin>", zh_tag=zh_tag, dtd=args.dtd
            )
        else:
            problems = validate_tmx(path, zh_tag=zh_tag, dtd=args.dtd)
        failed = failed or has_errors(problems)
        for problem in problems:
            if args.format == "json":
                print(json.dumps(asdict(problem), ensure_ascii=False))
            else:
                print(problem.render())
        errors = sum(p.severity == "error" for p in problems)
        _log(f"{path}: {errors} errors, {len(problems) - errors} warnings")
    return EXIT_FINDINGS if failed else EXIT_OK


def run_cat(args: argparse.Namespace) -> int:
    """Units as TSV, JSON lines or TMX."""
    inputs = _Inputs(args.inputs)
    if args.format == "tmx":
        args.strict = False
        units, signature = _peeked(inputs)
        _write("-", units, _settings(args, signature=signature))
        return EXIT_OK
    for unit in inputs:
        if args.format == "jsonl":
            record = asdict(unit)
            print(json.dumps(record, ensure_ascii=False))
        else:
            score = "" if unit.score is None else f"{unit.score:.4f}"
            print(f"{score}\t{_one_line(unit.ru)}\t{_one_line(unit.zh)}")
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run_lookup(args: argparse.Namespace) -> int:
    """Best matches for each query."""
    from tmx.lookup import TmIndex

    queries = list(args.queries)
    if args.file:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8-sig")  # noqa: SIM115
        with handle:
            queries.extend(line.strip() for line in handle if line.strip())
    if not queries:
        raise ConfigError("no queries", hint="give Russian sentences as arguments or --file QUERIES")
    index = TmIndex(_Inputs([args.tm]))
    _log(f"{len(index)} units indexed from {args.tm}")
    for query, matches in zip(queries, index.lookup_many(queries, args.top, args.min_score), strict=True):
        if args.format == "jsonl":
            found = [
                {"score": m.score, "ru": m.unit.ru, "zh": m.unit.zh, "tuid": m.unit.tuid, "doc": m.unit.doc}
                for m in matches
            ]
            print(json.dumps({"query": query, "matches": found}, ensure_ascii=False))
            continue
        print(f"? {query}")
        for match in matches:
            print(f"  {match.score:6.2f}  {_one_line(match.unit.ru)}\n          {_one_line(match.unit.zh)}")
        if not matches:
            print("  (no match)")
    return EXIT_OK


HANDLERS = {name: globals()[f"run_{name}"] for name in HELP}
