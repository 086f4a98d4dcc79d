"""The sentence units the glossary links over (Russian noun phrases, Chinese nominal words), per
aligned passage: computed on the pipeline's pool and cached by the passage's translation units.

Tagging and lemmatising every translation unit is most of the glossary's linking; each unit depends
on its own two texts only, so after an edit only the passages whose units changed are tagged again,
and a full build tags them on every worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruzh.glossary.parts import load_models
from ruzh.glossary.units import SentenceUnits, sentence_units
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.pool import worker_pool
from ruzh.results import AlignedPassage
from ruzh.tmx.units import units_from_beads

CHUNK = 4  # passages per task (some 100 sentence pairs)

Texts = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class StoredPassageUnits:
    """The pairing units of every translation unit of one passage, in order, as cached."""

    pairs: tuple[SentenceUnits, ...]


def passage_texts(passage: AlignedPassage) -> Texts:
    """The (Russian, Chinese) texts of a passage's translation units, as the memory has them."""
    units, _ = units_from_beads(passage.beads, passage.ru_sentences, passage.zh_sentences)
    return tuple((u.ru, u.zh) for u in units)


def _units(texts: Texts) -> StoredPassageUnits:
    return StoredPassageUnits(tuple(sentence_units(ru, zh) for ru, zh in texts))


_WORKER_CACHE = Cache(None)


def _start_worker(folder: Path | None) -> None:
    global _WORKER_CACHE
    _WORKER_CACHE = Cache(folder)


def _chunk(batch: list[Texts], names: list[str]) -> list[StoredPassageUnits]:
    """Worker: the units of a few passages, stored under their ``names`` (encoding them here
    spares the main process)."""
    out = [_units(texts) for texts in batch]
    for name, units in zip(names, out, strict=True):
        _WORKER_CACHE.put(name, "pairing-units", units)
    return out


def pair_units(
    texts: Sequence[Texts], jobs: int, cache: Cache, advance: Callable[[int], None] | None = None
) -> list[SentenceUnits]:
    """The sentence units of every passage's translation units, flattened in passage order (the
    order of the memory's units); ``advance(n)`` is called as passages are done."""
    keys = [key("pairing-units", *(f"{ru}\x1f{zh}" for ru, zh in t)) for t in texts]
    found: list[StoredPassageUnits | None] = [cache.get(k, "pairing-units", StoredPassageUnits) for k in keys]
    tick = advance or (lambda _: None)
    tick(sum(1 for f in found if f is not None))
    todo = [i for i, f in enumerate(found) if f is None]
    chunks = [todo[k : k + CHUNK] for k in range(0, len(todo), CHUNK)]
    batches = [[texts[i] for i in chunk] for chunk in chunks]
    names = [[keys[i] for i in chunk] for chunk in chunks]
    if jobs > 1 and len(chunks) > 1:
        load_models()  # once, before the workers fork
        with worker_pool(jobs, _start_worker, (cache.folder,)) as pool:
            _collect(chunks, pool.map(_chunk, batches, names), found, tick)
    else:
        _start_worker(cache.folder)
        _collect(chunks, map(_chunk, batches, names), found, tick)
    return [pair for stored in found if stored is not None for pair in stored.pairs]


def _collect(
    chunks: list[list[int]],
    results: Iterable[list[StoredPassageUnits]],
    found: list[StoredPassageUnits | None],
    tick: Callable[[int], None],
) -> None:
    for chunk, stored in zip(chunks, results, strict=True):
        for i, units in zip(chunk, stored, strict=True):
            found[i] = units
        tick(len(chunk))
