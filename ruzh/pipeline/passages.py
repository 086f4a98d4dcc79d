"""Align the parallel passages of a corpus, several at a time, reusing cached alignments."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from align.aligner import align_sentences, default_lexicon
from align.types import Bead, Sentence
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.model import AlignedPassage
from ruzh.progress import Progress


@dataclass(frozen=True, slots=True)
class PassageSpec:
    """A Russian and a Chinese run of sentences believed to translate each other."""

    id: str
    kind: str
    ru_doc: str
    zh_doc: str
    score: float
    ru_sentences: tuple[Sentence, ...]
    zh_sentences: tuple[Sentence, ...]


def _align(ru: list[str], zh: list[str]) -> list[Bead]:
    """Worker: beads for one passage (the lexicon is inherited from the parent process)."""
    return align_sentences(ru, zh, default_lexicon())


def _passage_key(spec: PassageSpec) -> str:
    return key("passage", *(s.text for s in spec.ru_sentences), "\x01", *(s.text for s in spec.zh_sentences))


def align_passages(
    specs: Sequence[PassageSpec], jobs: int, cache: Cache, quiet: bool = False
) -> list[AlignedPassage]:
    """Every passage with its beads; alignments already in the cache are not recomputed."""
    keys = [_passage_key(s) for s in specs]
    beads: list[list[Bead] | None] = [cache.get(k, "beads") for k in keys]
    todo = [i for i, b in enumerate(beads) if b is None]
    if todo:
        default_lexicon()  # load once here; worker processes inherit it when forked
    with Progress("aligning", len(todo), quiet) as bar:
        texts = [
            ([s.text for s in specs[i].ru_sentences], [s.text for s in specs[i].zh_sentences]) for i in todo
        ]
        if jobs > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = [pool.submit(_align, ru, zh) for ru, zh in texts]
                for i, future in zip(todo, futures, strict=True):
                    beads[i] = future.result()
                    cache.put(keys[i], "beads", beads[i])
                    bar.advance()
        else:
            for i, (ru, zh) in zip(todo, texts, strict=True):
                beads[i] = _align(ru, zh)
                cache.put(keys[i], "beads", beads[i])
                bar.advance()
    return [
        AlignedPassage(
            s.id,
            s.kind,
            s.ru_doc,
            s.zh_doc,
            _passage_score(b or [], s.score),
            s.ru_sentences,
            s.zh_sentences,
            tuple(b or ()),
        )
        for s, b in zip(specs, beads, strict=True)
    ]


def _passage_score(beads: Sequence[Bead], pairing_score: float) -> float:
    """How much to trust a passage: the pairing score, or the mean bead confidence if lower."""
    if not beads:
        return 0.0
    mean = sum(b.score for b in beads) / len(beads)
    return round(min(pairing_score, mean), 4)
