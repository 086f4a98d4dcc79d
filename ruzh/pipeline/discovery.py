"""Find and align the parallel passages of a corpus: abstract pairs inside a document (Аннотация ↔
摘要) and documents that translate each other, as the aligner's pairing decides.

The pairing scores hundreds of thousands of passage pairs; the scores of the last build are kept
(:class:`StoredScores`, by the passages' weighted concepts), so an edit scores only the pairs of
the passages whose concepts changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ruzh.align.aligner.pairing import (
    BatchAligner,
    PassageBagger,
    PassagePair,
    ScoreMemo,
    find_parallel_passages,
    passage_bags,
)
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Document
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.codec import CodecError
from ruzh.results import AlignedPassage


@dataclass(frozen=True, slots=True)
class StoredScores:
    """A :class:`ScoreMemo` as data: each scored pair as (ru index, zh index, score)."""

    ru: tuple[str, ...]
    zh: tuple[str, ...]
    scores: tuple[tuple[int, int, float], ...]
    pairs: tuple[tuple[int, int], ...] | None

    def __post_init__(self) -> None:
        rows = [(i, j) for i, j, _ in self.scores] + list(self.pairs or ())
        if rows and not all(0 <= i < len(self.ru) and 0 <= j < len(self.zh) for i, j in rows):
            raise CodecError("a pair index out of range")

    @staticmethod
    def of(memo: ScoreMemo) -> StoredScores:
        ru = {d: i for i, d in enumerate(memo.ru)}
        zh = {d: j for j, d in enumerate(memo.zh)}
        rows = tuple((ru[a], zh[b], s) for (a, b), s in memo.scores.items())
        return StoredScores(memo.ru, memo.zh, rows, memo.pairs)

    def memo(self) -> ScoreMemo:
        scores = {(self.ru[i], self.zh[j]): s for i, j, s in self.scores}
        return ScoreMemo(self.ru, self.zh, scores, self.pairs)


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
    cache: Cache | None = None,
) -> list[AlignedPassage]:
    """Every parallel passage with its beads, in a stable order (abstracts first, then by name);
    with a ``cache``, the last build's text scores are reused and this build's are kept."""
    name = key("pair-scores", lexicon.signature())
    stored = cache.get(name, "pair-scores", StoredScores) if cache is not None else None
    memo = stored.memo() if stored else ScoreMemo()
    pairs = find_parallel_passages(documents, lexicon, aligner=aligner, bagger=bagger, memo=memo)
    if cache is not None:
        cache.put(name, "pair-scores", StoredScores.of(memo))
    return sorted(map(_passage, pairs), key=lambda p: (p.kind != "abstract", p.ru_doc, p.zh_doc))
