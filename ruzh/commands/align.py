"""``ruzh align``: sentence alignment of a Russian and a Chinese text, printed as beads."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from ruzh.align.scorers import HELP as SCORER_HELP
from ruzh.align.scorers import SCORERS
from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import ConfigError, InputError
from ruzh.exitcodes import EXIT_OK
from ruzh.formatter import add_command, encoding_name

if TYPE_CHECKING:
    from ruzh.align.lexicon import Lexicon
    from ruzh.align.types import Bead, Document, Sentence


def register(subparsers: Any) -> None:
    """Add ``align`` to the command line."""
    parser = add_command(
        subparsers,
        "align",
        "align the sentences of a Russian and a Chinese text",
        "Read a Russian and a Chinese document (.txt or .docx), split them into sentences and align "
        "them with a Russian-Chinese lexicon, number/name/quote anchors and sentence lengths. Every "
        "sentence appears in exactly one bead; sentences without a counterpart are printed as 1-0 or "
        "0-1 beads, never dropped. Each bead has a confidence in [0, 1] that can be thresholded.",
    )
    parser.add_argument(
        "ru", nargs="?", metavar="RU", help="Russian document (its Russian blocks); - is stdin"
    )
    parser.add_argument(
        "zh", nargs="?", metavar="ZH", help="Chinese document (its Chinese blocks are used); - is stdin"
    )
    parser.add_argument("--ru-sentences", metavar="FILE", help="Russian sentences, one per line (- = stdin)")
    parser.add_argument("--zh-sentences", metavar="FILE", help="Chinese sentences, one per line (- = stdin)")
    parser.add_argument(
        "--format",
        choices=("beads", "tsv", "jsonl"),
        default="beads",
        help="beads: vecalign's [0]:[0, 1]:0.873 with 0-based indices; tsv: score, Russian, Chinese; "
        "jsonl: one object per bead with indices, texts, score and source lines (default: beads)",
    )
    parser.add_argument(
        "--lexicon",
        metavar="CSV",
        action="append",
        default=[],
        help="extra lexicon entries, a CSV with columns ru,zh (several renderings separated by |); "
        "may be repeated",
    )
    parser.add_argument(
        "--termbase",
        metavar="CSV",
        default="shipped",
        help="termbase whose ru/zh terms of one concept count as translations (default: the shipped "
        "digital-economy termbase; 'none' to leave it out)",
    )
    parser.add_argument(
        "--self-train",
        action="store_true",
        help="learn word pairs from the confident beads of a first pass and align again (long texts only; "
        "measured to make no difference on FLORES and Tatoeba, so off by default)",
    )
    parser.add_argument(
        "--find-pairs",
        nargs="+",
        metavar="FILE",
        help="instead of RU ZH: read these documents or folders, pair the Russian and Chinese abstracts "
        "inside each document and the Russian and Chinese documents that translate each other (best "
        "first, one partner each), and align each pair; each pair starts with a '# pair' line giving "
        "both passages and its score in [0, 1]",
    )
    parser.add_argument(
        "--scorer",
        choices=SCORERS,
        default="lexical",
        help=f"{SCORER_HELP} (not with --find-pairs)",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", type=encoding_name, help="force the encoding of .txt inputs"
    )
    parser.add_argument("-o", "--output", metavar="FILE", default="-", help="output file (default: stdout)")
    parser.set_defaults(handler=run)


def _read_lines(path: str, lang: str) -> list[Sentence]:
    """Sentences from a one-sentence-per-line file; blank lines are skipped."""
    from ruzh.align.types import Sentence

    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise InputError("no such file", file=name, hint="check the path") from None
    except UnicodeDecodeError as exc:
        line = text_line(exc.object, exc.start) if isinstance(exc.object, bytes) else None
        raise InputError("not UTF-8", file=name, line=line, hint="save the file as UTF-8") from None
    return [
        Sentence(name, lang, "body", 0, s.strip(), number, 1)
        for number, s in enumerate(text.splitlines(), start=1)
        if s.strip()
    ]


def text_line(data: bytes, offset: int) -> int:
    """1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def _read_document(path: str, lang: str, encoding: str | None) -> list[Sentence]:
    """Sentences of one language from a document; the others are counted on stderr, not hidden."""
    from ruzh.commands.stdin import read_input

    return _side(read_input(path, encoding), path, lang)


def _side(document: Document, path: str, lang: str) -> list[Sentence]:
    """Sentences of one language from a read document; the others are counted on stderr."""
    others: dict[str, int] = {}
    for s in document.sentences():
        if s.lang != lang:
            others[s.lang] = others.get(s.lang, 0) + 1
    if others:
        counts = ", ".join(f"{n} {k}" for k, n in sorted(others.items()))
        print(f"note: {path}: sentences in other languages are not aligned ({counts})", file=sys.stderr)
    return document.sentences(lang=lang)


def _inputs(args: argparse.Namespace) -> tuple[list[Sentence], list[Sentence], str, str]:
    ru_src = args.ru_sentences or args.ru
    zh_src = args.zh_sentences or args.zh
    if not ru_src or not zh_src:
        raise ConfigError(
            "give a Russian and a Chinese input",
            hint="ruzh align RU.txt ZH.txt, or --ru-sentences FILE --zh-sentences FILE",
        )
    if ru_src == zh_src == "-":
        raise ConfigError(
            "standard input can be read for one side only", hint="give the other side as a file"
        )
    if not args.ru_sentences and not args.zh_sentences:
        return _documents(ru_src, zh_src, args.encoding)
    ru = _read_lines(ru_src, "ru") if args.ru_sentences else _read_document(ru_src, "ru", args.encoding)
    zh = _read_lines(zh_src, "zh") if args.zh_sentences else _read_document(zh_src, "zh", args.encoding)
    return ru, zh, ru_src, zh_src


def _documents(
    ru_src: str, zh_src: str, encoding: str | None
) -> tuple[list[Sentence], list[Sentence], str, str]:
    """Two documents; when they were given the wrong way round, say so and swap them."""
    from ruzh.align.reader import swapped
    from ruzh.commands.stdin import read_input

    ru_doc, zh_doc = read_input(ru_src, encoding), read_input(zh_src, encoding)
    if swapped(ru_doc, zh_doc):
        print(
            f"note: {ru_src} is Chinese and {zh_src} is Russian: aligned {zh_src} as Russian and "
            f"{ru_src} as Chinese",
            file=sys.stderr,
        )
        ru_doc, zh_doc, ru_src, zh_src = zh_doc, ru_doc, zh_src, ru_src
    return _side(ru_doc, ru_src, "ru"), _side(zh_doc, zh_src, "zh"), ru_src, zh_src


def render(
    beads: Sequence[Bead],
    ru: Sequence[Sentence],
    zh: Sequence[Sentence],
    fmt: str,
    extra: dict[str, Any] | None = None,
) -> Iterator[str]:
    """Output lines (with newlines) in the chosen format; ``extra`` fields go into each JSON record."""
    from ruzh.align.aligner.beadfile import format_bead

    for bead in beads:
        ru_text = " ".join(ru[i].text for i in bead.src)
        zh_text = "".join(zh[j].text for j in bead.tgt)
        if fmt == "beads":
            yield format_bead(bead) + "\n"
        elif fmt == "tsv":
            yield f"{bead.score:.3f}\t{_cell(ru_text)}\t{_cell(zh_text)}\n"
        else:
            record = {
                "ru": list(bead.src),
                "zh": list(bead.tgt),
                "kind": bead.kind,
                "score": round(bead.score, 4),
                "ru_text": ru_text,
                "zh_text": zh_text,
                "ru_lines": [ru[i].line for i in bead.src],
                "zh_lines": [zh[j].line for j in bead.tgt],
                **(extra or {}),
            }
            yield json.dumps(record, ensure_ascii=False) + "\n"


def _cell(text: str) -> str:
    """A TSV cell: tabs and line breaks inside a sentence become spaces."""
    return " ".join(text.split())


def _pairs(args: argparse.Namespace, lexicon: Lexicon) -> Iterator[str]:
    """Lines for --find-pairs: a header per proposed pair, then its beads."""
    from ruzh.align.aligner import find_parallel_passages, signature
    from ruzh.commands.stdin import read_inputs

    documents = list(read_inputs(args.find_pairs, args.encoding))
    found = find_parallel_passages(documents, lexicon)
    print(f"# {signature(lexicon)} documents={len(documents)} pairs={len(found)}", file=sys.stderr)
    for number, pair in enumerate(found, start=1):
        ru, zh = pair.ru, pair.zh
        header = (
            f"# pair {number}: ru {ru.doc} ({ru.kind}, {len(ru.sentences)} sentences) ~ zh {zh.doc} "
            f"({zh.kind}, {len(zh.sentences)} sentences): score {pair.score:.3f}, "
            f"text {pair.text_score:.3f}"
        )
        if args.format != "jsonl":
            yield header + "\n"
        extra = {"pair": number, "ru_doc": ru.doc, "zh_doc": zh.doc, "pair_score": pair.score}
        yield from render(pair.beads, ru.sentences, zh.sentences, args.format, extra)


def run(args: argparse.Namespace) -> int:
    """Read both sides, align, print; warnings (an empty side) go to stderr."""
    from ruzh.align.aligner import align_sentences, signature
    from ruzh.lexicon import aligner_lexicon

    lexicon = aligner_lexicon(tuple(args.lexicon or ()), args.termbase)
    if args.scorer != "lexical":
        if args.find_pairs:
            raise ConfigError(
                "--find-pairs aligns many candidate pairs and uses the lexical scorer only",
                hint="drop --scorer, or align the chosen pair again as RU ZH with --scorer",
            )
        from ruzh.align.aligner.embeddings import require as require_embeddings

        require_embeddings()
    if args.find_pairs:
        return _emit(_pairs(args, lexicon), args.output)
    ru, zh, ru_name, zh_name = _inputs(args)
    for side, name, lang in ((ru, ru_name, "Russian"), (zh, zh_name, "Chinese")):
        if not side:
            print(
                f"warning: no {lang} sentences found in {name}; the other side is printed unaligned",
                file=sys.stderr,
            )
    texts = [s.text for s in ru], [s.text for s in zh]
    beads = align_sentences(*texts, lexicon=lexicon, self_train=args.self_train, scorer=args.scorer)
    sig = signature(lexicon, scorer=args.scorer)
    print(f"# {sig} ru={len(ru)} zh={len(zh)} beads={len(beads)}", file=sys.stderr)
    return _emit(render(beads, ru, zh, args.format), args.output)


def _emit(lines: Iterator[str], output: str) -> int:
    """Write to stdout or atomically to a file (an error half-way leaves no partial file)."""
    if output == "-":
        _write(lines, sys.stdout)
    else:
        with atomic_write(output) as out:
            _write(lines, out)
    return EXIT_OK


def _write(lines: Iterator[str], out: IO[str]) -> None:
    for line in lines:
        out.write(line)
