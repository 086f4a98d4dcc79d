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
    passages,
)
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Bead, Document, Sentence
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


@dataclass(frozen=True, slots=True)
class StoredPair:
    """One aligned passage as cached, without its sentences: they are its documents' own (read
    already, and the entry's key holds every document's key), named by document and kind."""

    id: str
    kind: str
    ru_doc: str
    zh_doc: str
    score: float
    ru_count: int
    zh_count: int
    beads: tuple[Bead, ...]

    def __post_init__(self) -> None:
        if self.kind not in PASSAGE_KINDS or self.ru_count < 0 or self.zh_count < 0:
            raise CodecError("a passage kind or a sentence count out of range")
        ends = [(max(b.src, default=-1), max(b.tgt, default=-1)) for b in self.beads]
        if any(s >= self.ru_count or t >= self.zh_count or min(s, t) < -1 for s, t in ends):
            raise CodecError("a bead pointing outside its passage")


PASSAGE_KINDS = {"abstract": "abstract", "document": "text"}  # a pair's kind: its passages' kind


@dataclass(frozen=True, slots=True)
class StoredPassages:
    """The parallel passages of a corpus, as cached (about a third of the size with the sentences:
    an edit writes it again, an unchanged build reads it)."""

    pairs: tuple[StoredPair, ...]

    @staticmethod
    def of(found: Sequence[AlignedPassage]) -> StoredPassages:
        return StoredPassages(
            tuple(
                StoredPair(
                    p.id,
                    p.kind,
                    p.ru_doc,
                    p.zh_doc,
                    p.score,
                    len(p.ru_sentences),
                    len(p.zh_sentences),
                    p.beads,
                )
                for p in found
            )
        )

    def passages(self, documents: Sequence[Document]) -> list[AlignedPassage] | None:
        """The passages with their documents' sentences, or ``None`` when one is not there as kept."""
        texts: dict[tuple[str, str, str], tuple[Sentence, ...]] = {}
        for document in documents:
            texts.update(((p.doc, p.lang, p.kind), p.sentences) for p in passages(document))
        out = []
        for pair in self.pairs:
            kind = PASSAGE_KINDS[pair.kind]
            ru, zh = texts.get((pair.ru_doc, "ru", kind)), texts.get((pair.zh_doc, "zh", kind))
            if ru is None or zh is None or (len(ru), len(zh)) != (pair.ru_count, pair.zh_count):
                return None
            out.append(
                AlignedPassage(pair.id, pair.kind, pair.ru_doc, pair.zh_doc, pair.score, ru, zh, pair.beads)
            )
        return out


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
