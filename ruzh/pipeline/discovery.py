"""Find and align the parallel passages of a corpus: abstract pairs inside a document (Аннотация ↔
摘要) and documents that translate each other, as the aligner's pairing decides."""

from __future__ import annotations

from collections.abc import Sequence

from ruzh.align.aligner.pairing import (
    BatchAligner,
    PassageBagger,
    PassagePair,
    find_parallel_passages,
    passage_bags,
)
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Document
from ruzh.results import AlignedPassage


def _passage(pair: PassagePair) -> AlignedPassage:
    if pair.ru.kind == "abstract":
        kind, ident = "abstract", f"{pair.ru.doc}#abstract"
    else:
        kind, ident = "document", f"{pair.ru.doc}~{pair.zh.doc}"
    return AlignedPassage(
        ident, kind, pair.ru.doc, pair.zh.doc, pair.score, pair.ru.sentences, pair.zh.sentences, pair.beads
    )


def parallel_passages(
    documents: Sequence[Document],
    aligner: BatchAligner,
    lexicon: Lexicon,
    bagger: PassageBagger = passage_bags,
) -> list[AlignedPassage]:
    """Every parallel passage with its beads, in a stable order (abstracts first, then by name)."""
    found = [
        _passage(pair) for pair in find_parallel_passages(documents, lexicon, aligner=aligner, bagger=bagger)
    ]
    return sorted(found, key=lambda p: (p.kind != "abstract", p.ru_doc, p.zh_doc))
