"""The sentence units the glossary links over (Russian noun phrases, Chinese nominal words), per
aligned passage: computed on the pipeline's workers (:mod:`ruzh.pipeline.counting`) and cached by
the passage's translation units.

Tagging and lemmatising every translation unit is most of the glossary's linking; each unit depends
on its own two texts only, so after an edit only the passages whose units changed are tagged again.
The linking itself depends on those units and the prior only, and is cached by them
(:func:`cached_links`): an edit that changes no translation unit does not link again.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruzh.glossary.build import Linker
from ruzh.glossary.linking import Link, link_units
from ruzh.glossary.spread import Workers
from ruzh.glossary.units import SentenceUnits, ZhUnit, sentence_units
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.codec import CodecError
from ruzh.pipeline.partdata import Words, runs
from ruzh.pipeline.pool import worker_pool
from ruzh.results import AlignedPassage
from ruzh.tmx.units import units_from_beads

CHUNK = 4  # passages per task (some 100 sentence pairs)

Texts = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class StoredPassageUnits:
    """The pairing units of every translation unit of one passage, in order, as cached: by columns
    (a passage has some thousand units, which the codec then checks a column at a time)."""

    ru_sizes: tuple[int, ...]  # Russian units per translation unit
    ru_keys: Words  # each Russian unit's lemma key
    ru_spans: tuple[tuple[int, int], ...]
    zh_sizes: tuple[int, ...]
    zh: tuple[ZhUnit, ...]
    nominal: Words  # per translation unit
    verbal: Words

    def __post_init__(self) -> None:
        if not (len(self.ru_keys.sizes) == len(self.ru_spans) == sum(self.ru_sizes)) or sum(
            self.zh_sizes
        ) != len(self.zh):
            raise CodecError("unit columns do not add up")
        n = len(self.ru_sizes)
        if not (len(self.zh_sizes) == len(self.nominal.sizes) == len(self.verbal.sizes) == n):
            raise CodecError("unit columns of different lengths")
        if any(k < 0 for k in (*self.ru_sizes, *self.zh_sizes)):
            raise CodecError("negative run lengths")

    @staticmethod
    def of(pairs: Sequence[SentenceUnits]) -> StoredPassageUnits:
        ru = [u for p in pairs for u in p.ru]
        return StoredPassageUnits(
            tuple(len(p.ru) for p in pairs),
            Words.of(k for k, _, _ in ru),
            tuple((a, b) for _, a, b in ru),
            tuple(len(p.zh) for p in pairs),
            tuple(u for p in pairs for u in p.zh),
            Words.of(p.nominal for p in pairs),
            Words.of(p.verbal for p in pairs),
        )

    @property
    def pairs(self) -> list[SentenceUnits]:
        """The units again, one :class:`SentenceUnits` per translation unit."""
        ru = [(k, a, b) for k, (a, b) in zip(self.ru_keys.tuples(), self.ru_spans, strict=True)]
        columns = (runs(self.ru_sizes, ru), runs(self.zh_sizes, self.zh))
        words = (self.nominal.tuples(), self.verbal.tuples())
        return [SentenceUnits(tuple(r), tuple(z), n, v) for r, z, n, v in zip(*columns, *words, strict=True)]


def passage_texts(passage: AlignedPassage) -> Texts:
    """The (Russian, Chinese) texts of a passage's translation units, as the memory has them."""
    units, _ = units_from_beads(passage.beads, passage.ru_sentences, passage.zh_sentences)
    return tuple((u.ru, u.zh) for u in units)


def units_key(texts: Texts) -> str:
    """The cache key of a passage's units: its translation units' texts."""
    return key("pairing-units", *(f"{ru}\x1f{zh}" for ru, zh in texts))


def units_of(texts: Texts) -> StoredPassageUnits:
    """The units of one passage's translation units, as stored."""
    return StoredPassageUnits.of([sentence_units(ru, zh) for ru, zh in texts])


_WORKER_CACHE = Cache(None)


def start_worker(folder: Path | None) -> None:
    global _WORKER_CACHE
    _WORKER_CACHE = Cache(folder)


def units_and_store(batch: list[Texts], names: list[str]) -> list[StoredPassageUnits]:
    """Worker: the units of a few passages, stored under their ``names`` (encoding them here
    spares the main process)."""
    out = [units_of(texts) for texts in batch]
    for name, units in zip(names, out, strict=True):
        _WORKER_CACHE.put(name, "pairing-units", units)
    return out


@dataclass(frozen=True, slots=True)
class StoredLinks:
    """What :func:`glossary.linking.link_units` found, as cached: the links in its order, and the
    number of sentence pairs."""

    links: tuple[Link, ...]
    total: int


def cached_links(cache: Cache, texts: Sequence[Texts], jobs: int = 1) -> Linker:
    """The glossary's linking of the units of ``texts`` (every passage's translation units, in the
    memory's order), cached by those texts, the prior and the corpus's choices of lemma that re-key
    the units (they depend on every document's forms, not only on these texts); with several
    ``jobs`` its ranking and competition run on forked workers (the same links)."""
    workers = Workers(jobs, lambda: worker_pool(jobs, context=multiprocessing.get_context("fork")))

    def run(
        sentences: Sequence[SentenceUnits],
        prior: Mapping[str, Sequence[str]],
        choice: Mapping[str, str] | None = None,
    ) -> tuple[dict[tuple[str, ...], list[Link]], int]:
        known = "\x1e".join(f"{k}\x1f{'|'.join(v)}" for k, v in sorted(prior.items()))
        chosen = "\x1e".join(f"{k}\x1f{v}" for k, v in sorted((choice or {}).items()))
        name = key("links", known, chosen, *(units_key(t) for t in texts))
        stored = cache.get(name, "links", StoredLinks)
        if stored is None:
            links, total = link_units(sentences, prior, workers=workers)
            stored = StoredLinks(tuple(link for found in links.values() for link in found), total)
            cache.put(name, "links", stored)
            return links, total
        out: dict[tuple[str, ...], list[Link]] = {}
        for link in stored.links:
            out.setdefault(link.ru, []).append(link)
        return out, stored.total

    return run
