"""What ``ruzh tmx`` offers: the subcommands, their help texts and their options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ruzh.align.scorers import HELP as SCORER_HELP
from ruzh.align.scorers import SCORERS
from ruzh.formatter import encoding_name
from ruzh.lexicon import TERMBASE_HELP

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
    {"metavar": "TAG", "help": "Chinese xml:lang, a BCP 47 tag such as zh-Hans (default: zh-CN)"},
)
RU_TAG: Option = (
    ("--ru-tag",),
    {"metavar": "TAG", "help": "Russian xml:lang, a BCP 47 tag such as ru-RU (default: ru)"},
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
WRITE = [OUT, RU_TAG, ZH_TAG, STRICT]


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def _within(low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a number from ``low`` to ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value:g} is not between {low:g} and {high:g}")
        return value

    return parse


def _fmt(*choices: str) -> Option:
    return (
        ("--format",),
        {"choices": choices, "default": choices[0], "help": f"output format (default: {choices[0]})"},
    )


def _opt(*names: str, **kwargs: Any) -> Option:
    return names, kwargs


OPTIONS: dict[str, list[Option]] = {
    "build": [
        _opt(
            "documents",
            nargs="*",
            metavar="DOC",
            help="RU.txt ZH.txt: a Russian and a Chinese document (one may be - for stdin)",
        ),
        _opt("--aligned", metavar="PAIRS.tsv", help="'ru<TAB>zh' or 'score<TAB>ru<TAB>zh' lines; - is stdin"),
        _opt(
            "--pairs", metavar="LIST.tsv", help="'ru_path<TAB>zh_path' lines, relative to the list's folder"
        ),
        _opt("--encoding", metavar="NAME", type=encoding_name, help="force the encoding of .txt documents"),
        _opt(
            "--lexicon",
            action="append",
            default=[],
            metavar="CSV",
            help="extra lexicon entries for the aligner, a CSV with columns ru,zh (repeatable)",
        ),
        _opt("--termbase", default="shipped", metavar="CSV", help=TERMBASE_HELP),
        _opt("--scorer", choices=SCORERS, default="lexical", help=f"{SCORER_HELP} (not with --aligned)"),
        *WRITE,
    ],
    "merge": [INPUTS, *WRITE],
    "dedupe": [INPUT, *WRITE],
    "filter": [
        INPUT,
        _opt("--min-score", type=_within(0, 1), metavar="S", help="keep units scored at least S (0-1)"),
        _opt("--max-score", type=_within(0, 1), metavar="S", help="keep units scored at most S (0-1)"),
        _opt(
            "--doc", action="append", default=[], metavar="PATTERN", help="keep units of matching documents"
        ),
        _opt("--since", metavar="DATE", help="keep units created on or after DATE (YYYY-MM-DD)"),
        _opt("--until", metavar="DATE", help="keep units created on or before DATE (YYYY-MM-DD)"),
        *WRITE,
    ],
    "split": [
        INPUT,
        _opt("--size", type=_positive, required=True, metavar="N", help="units per file"),
        _opt(
            "-o", "--output", required=True, metavar="OUT", help="name pattern: OUT.tmx gives OUT.001.tmx ..."
        ),
        RU_TAG,
        ZH_TAG,
        STRICT,
    ],
    "stats": [INPUTS, _fmt("text", "json")],
    "validate": [
        INPUTS,
        _fmt("text", "json"),
        _opt("--ru-tag", metavar="TAG", help="expected Russian tag (default: ru)"),
        _opt("--zh-tag", metavar="TAG", help="expected Chinese tag (default: zh-CN)"),
        _opt("--dtd", metavar="PATH", help="TMX 1.4 DTD to check the structure against (tmx14.dtd)"),
    ],
    "cat": [INPUTS, _fmt("tsv", "jsonl", "tmx"), RU_TAG, ZH_TAG],
    "lookup": [
        _opt("tm", metavar="TM", help="the TMX memory to search"),
        _opt("queries", nargs="*", metavar="QUERY", help="Russian sentences to look up"),
        _opt("--file", metavar="QUERIES", help="one query per line; - is stdin"),
        _opt("--top", type=_positive, default=3, metavar="K", help="matches per query (default: 3)"),
        _opt(
            "--min-score",
            type=_within(0, 100),
            default=50.0,
            metavar="S",
            help="lowest chrF shown (default: 50)",
        ),
        _fmt("text", "jsonl"),
    ],
}
