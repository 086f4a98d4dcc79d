"""``ruzh tmx stats|validate|cat|lookup``: look into memories without changing them."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections import Counter
from dataclasses import asdict

from ruzh.commands.tmx.common import Inputs, log, peeked, settings, write
from ruzh.core.errors import EXIT_FINDINGS, EXIT_OK, ConfigError
from ruzh.core.langtags import output_tags
from ruzh.tmx import ops


def run_stats(args: argparse.Namespace) -> int:
    """Counts for people or JSON."""
    inputs = Inputs(args.inputs)
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
    """Problems of each file (JSON: one summary object for all files); exit 1 when any is an error."""
    from ruzh.tmx.validate import has_errors, validate_tmx

    tags = output_tags(args.ru_tag, args.zh_tag)
    failed = False
    files: list[dict[str, object]] = []
    totals = [0, 0]  # errors, warnings
    for path in args.inputs:
        if path == "-":
            data = io.BytesIO(sys.stdin.buffer.read())
            problems = validate_tmx(data, name="<stdin>", tags=tags, dtd=args.dtd)
        else:
            problems = validate_tmx(path, tags=tags, dtd=args.dtd)
        failed = failed or has_errors(problems)
        errors = sum(p.severity == "error" for p in problems)
        totals[0] += errors
        totals[1] += len(problems) - errors
        if args.format == "json":
            files.append(
                {
                    "file": "<stdin>" if path == "-" else path,
                    "valid": errors == 0,
                    "errors": errors,
                    "warnings": len(problems) - errors,
                    "problems": [asdict(p) for p in problems],
                }
            )
        else:
            for problem in problems:
                print(problem.render())
        log(f"{path}: {errors} errors, {len(problems) - errors} warnings")
    if args.format == "json":
        summary = {
            "valid": not failed,
            "errors": totals[0],
            "warnings": totals[1],
            "files": files,
        }
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    return EXIT_FINDINGS if failed else EXIT_OK


def run_cat(args: argparse.Namespace) -> int:
    """Units as TSV, JSON lines or TMX."""
    inputs = Inputs(args.inputs)
    if args.format == "tmx":
        args.strict = False
        units, signature = peeked(inputs)
        write("-", units, settings(args, signature=signature))
        return EXIT_OK
    for unit in inputs:
        if args.format == "jsonl":
            record = asdict(unit)
            print(json.dumps(record, ensure_ascii=False, allow_nan=False))
        else:
            score = "" if unit.score is None else f"{unit.score:.4f}"
            print(f"{score}\t{_one_line(unit.ru)}\t{_one_line(unit.zh)}")
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run_lookup(args: argparse.Namespace) -> int:
    """Best matches for each query."""
    from ruzh.tmx.lookup import TmIndex

    queries = list(args.queries)
    if args.file:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8-sig")  # noqa: SIM115
        with handle:
            queries.extend(line.strip() for line in handle if line.strip())
    if not queries:
        raise ConfigError("no queries", hint="give Russian sentences as arguments or --file QUERIES")
    index = TmIndex(Inputs([args.tm]))
    log(f"{len(index)} units indexed from {args.tm}")
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
