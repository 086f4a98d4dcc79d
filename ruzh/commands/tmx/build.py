"""``ruzh tmx build``: a memory from aligned TSV or from aligning document pairs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ruzh.align.aligner import signature
from ruzh.align.lexicon import Lexicon
from ruzh.commands.tmx.common import log, settings, write
from ruzh.core.errors import ConfigError
from ruzh.exitcodes import EXIT_OK
from ruzh.lexicon import aligner_lexicon
from ruzh.tmx.types import TranslationUnit


def run_build(args: argparse.Namespace) -> int:
    """Units from aligned TSV, or from aligning document pairs."""
    from ruzh.commands.tmx.pairs import read_pair_list
    from ruzh.tmx import units

    if args.aligned:
        if args.documents or args.pairs:
            raise ConfigError("--aligned takes no documents", hint="give either --aligned, --pairs or RU ZH")
        if args.scorer != "lexical":
            raise ConfigError(
                "--aligned units are aligned already: there is nothing to score",
                hint="drop --scorer, or give RU ZH or --pairs to align",
            )
        source = sys.stdin.buffer if args.aligned == "-" else args.aligned
        write(
            args.output,
            units.units_from_tsv(source, "<stdin>" if args.aligned == "-" else args.aligned),
            settings(args, "ruzh aligned TSV"),
        )
        return EXIT_OK
    pairs = read_pair_list(args.pairs) if args.pairs else []
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
    if args.scorer != "lexical":
        from ruzh.align.aligner.embeddings import require as require_embeddings

        require_embeddings()
    lexicon = aligner_lexicon(tuple(args.lexicon or ()), args.termbase)
    write(
        args.output,
        _aligned_units(pairs, args.encoding, lexicon, args.scorer),
        settings(args, "ruzh", str(signature(lexicon, scorer=args.scorer))),
    )
    return EXIT_OK


def _aligned_units(
    pairs: list[tuple[Path, Path]], encoding: str | None, lexicon: Lexicon, scorer: str
) -> Iterator[TranslationUnit]:
    from ruzh.align.reader import swapped
    from ruzh.commands.stdin import read_input
    from ruzh.commands.tmx.pairs import align_documents

    for ru_path, zh_path in pairs:
        ru_doc, zh_doc = read_input(ru_path, encoding), read_input(zh_path, encoding)
        if swapped(ru_doc, zh_doc):
            log(f"note: {ru_path} is Chinese and {zh_path} is Russian: aligned them the other way round")
            ru_doc, zh_doc, ru_path, zh_path = zh_doc, ru_doc, zh_path, ru_path
        result = align_documents(ru_doc, zh_doc, lexicon=lexicon, scorer=scorer)
        for sentence in result.unaligned:
            where = f"{sentence.doc}:{sentence.line}"
            log(f"note: {where}: unaligned {sentence.lang} sentence: {sentence.text[:50]}")
        if result.other_language:
            log(f"note: {len(result.other_language)} sentences of {ru_path}/{zh_path} in another language")
        log(f"{ru_path} + {zh_path}: {len(result.units)} units, {len(result.unaligned)} sentences unaligned")
        yield from result.units
