"""``ruzh glossary build | merge | show``: the terminology glossary of a corpus and its review round trip."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruzh.core.errors import ConfigError
from ruzh.core.terminal import visible
from ruzh.exitcodes import EXIT_OK
from ruzh.formatter import add_command, encoding_name

if TYPE_CHECKING:
    from ruzh.glossary.termbase import Concept


def register(subparsers: Any) -> None:
    """Add ``glossary`` and its three actions to the command line."""
    parser = add_command(
        subparsers,
        "glossary",
        "terminology: attest the termbase, propose and pair new terms, review round trip",
        "Find every termbase term in the documents (Russian by lemma, Chinese as text), propose new "
        "terms with their Chinese or Russian counterparts, and write files for review and for "
        "translation tools.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    _register_build(actions)
    _register_merge(actions)
    _register_show(actions)
    parser.set_defaults(handler=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="documents or folders (their .txt and .docx files, any case); - is standard input "
        "(default: the bundled seed documents)",
    )
    parser.add_argument(
        "--termbase", metavar="CSV", help="termbase CSV to use instead of the shipped one (same columns)"
    )
    parser.add_argument(
        "--encoding", metavar="NAME", type=encoding_name, help="force the encoding of .txt inputs"
    )


def _register_build(actions: Any) -> None:
    p = add_command(
        actions,
        "build",
        "write glossary.csv, glossary.tbx and glossary-omegat.txt",
        "Attest the termbase in the documents and propose candidates: Russian nouns and noun phrases "
        "and Chinese words and compounds, ranked by termhood (C-value times specificity against "
        "wordfreq's general-language frequencies), paired by competitive linking over --pairs, by the "
        "lexicon and composition, and names by transliteration. Writes DIR/glossary.csv (the attested "
        "concepts and the candidates, with termhood, association and method columns, for review in a "
        "spreadsheet), DIR/glossary.tbx (TBX-Basic, 2008 martif) and "
        "DIR/glossary-omegat.txt (OmegaT tab-separated glossary): the exports hold curated and "
        "approved concepts.",
    )
    _common(p)
    p.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the three files")
    p.add_argument(
        "--reviewed",
        metavar="CSV",
        help="a reviewed glossary.csv: its decisions are kept, its approved terms attested, "
        "its rejected candidates not proposed again",
    )
    p.add_argument(
        "--pairs",
        metavar="FILE",
        action="append",
        default=[],
        help="aligned sentence pairs (.tmx, or .tsv of ru<TAB>zh lines) for pairing by association "
        "(repeatable)",
    )
    p.add_argument("--ru-tag", metavar="TAG", help="xml:lang of Russian in the TBX, e.g. ru-RU (default: ru)")
    p.add_argument(
        "--zh-tag", metavar="TAG", help="xml:lang of Chinese in the TBX, e.g. zh-Hans (default: zh-CN)"
    )
    _selection_options(p)
    p.set_defaults(handler=run_build)


def _selection_options(p: argparse.ArgumentParser) -> None:
    """Which candidates and concepts the glossary lists, and which go into the exports."""
    p.add_argument(
        "--min-docs", type=int, default=2, metavar="N", help="candidates in N documents (default 2)"
    )
    p.add_argument("--min-freq", type=int, default=2, metavar="N", help="... or N times in all (default 2)")
    p.add_argument(
        "--max-candidates",
        type=int,
        default=None,
        metavar="N",
        help="at most N candidates per language, best termhood first (default: every candidate that "
        "reaches --min-termhood)",
    )
    p.add_argument(
        "--min-termhood",
        type=float,
        default=1.0,
        metavar="X",
        help="candidates need at least this termhood: C-value times specificity against general "
        "language (default 1.0)",
    )
    p.add_argument(
        "--all-termbase",
        action="store_true",
        help="list every termbase concept in glossary.csv, also those the documents never use "
        "(default: only the attested ones)",
    )
    p.add_argument(
        "--candidates-in-exports",
        action="store_true",
        help="also put paired candidates into the TBX and OmegaT files (default: curated and approved only)",
    )


def _register_merge(actions: Any) -> None:
    p = add_command(
        actions,
        "merge",
        "carry review decisions over to a freshly built glossary.csv",
        "Keep every decision of REVIEWED.csv (status, edited terms and variants, English, domain, notes), "
        "take counts, documents, contexts, scores and evidence from NEW.csv, add new candidates, and "
        "leave out candidates rejected before.",
    )
    p.add_argument("reviewed", metavar="REVIEWED.csv", help="the glossary CSV a reviewer edited")
    p.add_argument("new", metavar="NEW.csv", help="a glossary CSV just written by 'ruzh glossary build'")
    p.add_argument("-o", "--output", metavar="FILE", default="-", help="merged CSV (default: - for stdout)")
    p.set_defaults(handler=run_merge)


def _register_show(actions: Any) -> None:
    p = add_command(
        actions,
        "show",
        "print a concept and where its terms occur",
        "Look a term up (Russian in any form, Chinese, English, or a concept id) and print its concept "
        "with frequency, documents, variants used and example contexts with document and line.",
    )
    p.add_argument(
        "term",
        metavar="TERM",
        help="a term in any language, or a concept id such as DE0001; - reads one term per line from stdin",
    )
    _common(p)
    p.set_defaults(handler=run_show)


def _termbase(args: argparse.Namespace) -> list[Any]:
    from ruzh.glossary.termbase import load_termbase

    return load_termbase(args.termbase) if args.termbase else load_termbase()


def _is_tmx(path: str) -> bool:
    """A TMX by its name (``.tmx``, ``.tmx.gz``) or, for other names, a gzip or XML start."""
    if path.lower().endswith((".tmx", ".tmx.gz")):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False  # the TSV reader reports the file
    return head.startswith((b"\x1f\x8b", b"<?xml", b"<tmx"))


def _pairs(paths: list[str]) -> Iterator[tuple[str, str]]:
    from ruzh.commands.stdin import stdin_bytes
    from ruzh.tmx.reader import read_tmx
    from ruzh.tmx.units import units_from_tsv

    if paths.count("-") > 1:
        raise ConfigError("standard input (-) is given twice", hint="give --pairs - once")
    for path in paths:
        if path == "-":
            data = stdin_bytes()
            tmx = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"\x1f\x8b", b"<?xml", b"<tmx"))
            read = read_tmx if tmx else units_from_tsv
            units = read(io.BytesIO(data), "<stdin>")
        else:
            units = read_tmx(path) if _is_tmx(path) else units_from_tsv(path)
        for unit in units:
            yield unit.ru, unit.zh


def run_build(args: argparse.Namespace) -> int:
    """Build the glossary of the inputs and write the three files."""
    from ruzh.commands.stdin import read_glossary_csv, read_inputs
    from ruzh.core.langtags import output_tags
    from ruzh.glossary.build import BuildOptions, build_glossary
    from ruzh.glossary.export import exportable, write_outputs

    for name in ("min_docs", "min_freq", "max_candidates"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            raise ConfigError(f"--{name.replace('_', '-')} must be at least 1", hint="give a positive number")
    tags = output_tags(args.ru_tag, args.zh_tag)
    if [*args.inputs, args.reviewed, *args.pairs].count("-") > 1:
        raise ConfigError("standard input (-) can give one input only", hint="give the others as files")
    options = BuildOptions(
        args.min_docs, args.min_freq, args.max_candidates, args.min_termhood, args.all_termbase
    )
    reviewed = read_glossary_csv(args.reviewed) if args.reviewed else []
    documents = read_inputs(args.inputs or _seed_paths(), args.encoding)
    pairs = list(_pairs(args.pairs)) if args.pairs else None
    glossary = build_glossary(documents, _termbase(args), pairs=pairs, reviewed=reviewed, options=options)
    paths = write_outputs(glossary, args.output, args.candidates_in_exports, tags)
    for notice in glossary.notices:
        print(f"warning: {notice}", file=sys.stderr)
    statuses = [e.status for e in glossary.entries]
    attested = len({cid for cid, _ in glossary.attestations})
    exported = len(exportable(glossary.entries, args.candidates_in_exports))
    print(
        f"glossary: {len(glossary.documents)} documents, {attested} termbase concepts attested, "
        f"{statuses.count('candidate')} candidates, {exported} concepts exported -> "
        + ", ".join(str(p) for p in paths),
        file=sys.stderr,
    )
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    """Merge a reviewed CSV with a new one."""
    from ruzh.commands.stdin import read_glossary_csv
    from ruzh.glossary.entries import merge, write_csv

    merged = merge(read_glossary_csv(args.reviewed), read_glossary_csv(args.new, require_rows=False))
    if args.output == "-":
        write_csv(merged, sys.stdout)
    else:
        write_csv(merged, Path(args.output))
    print(f"glossary merge: {len(merged)} rows", file=sys.stderr)
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print the concepts of a term (or of each line of standard input for ``-``) with their
    attestations in the inputs."""
    from ruzh.commands.stdin import read_inputs
    from ruzh.glossary.attest import attest
    from ruzh.glossary.show import find_concepts, render_concept

    concepts = _termbase(args)
    if args.term == "-":
        if "-" in args.inputs:
            raise ConfigError("standard input cannot give both the terms and a document", hint="give one")
        terms = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    else:
        terms = [args.term]
    found: list[Concept] = []
    for term in terms:
        own = find_concepts(term, concepts)
        if not own:
            raise ConfigError(
                f"no termbase concept has the term {term!r}",
                hint="try another form, the English term or a concept id; "
                "'ruzh glossary build' lists candidates that are not in the termbase yet",
            )
        found.extend(c for c in own if c not in found)
    atts = attest(read_inputs(args.inputs or _seed_paths(), args.encoding), found)
    for concept in found:
        sys.stdout.write(visible(render_concept(concept, atts)))
    return EXIT_OK


def _seed_paths() -> list[Path]:
    """The bundled seed documents (imported on use: --help stays light)."""
    from ruzh.seeds import seed_paths

    return seed_paths()
