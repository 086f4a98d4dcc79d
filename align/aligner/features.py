"""Sentence-level features computed once per text; the dynamic programme only combines them.

Each side becomes lengths (characters without spaces), a bag of concepts per sentence (lexicon keys
and anchors with weights), and the inverted index concept → sentences that makes pair overlaps cheap.
On the Chinese side only concepts that also occur somewhere in the Russian text are kept, so a
Chinese sentence is not penalised for renderings of words the Russian text never uses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import regex
from ruzh.align.aligner.anchors import SIGNALS, ru_anchors, signal_counts, zh_anchors
from ruzh.align.aligner.lexical import Matcher
from ruzh.align.morphology import lemma
from ruzh.lang.translit import ru_name_key, ru_names, zh_name_keys

_SPACE = regex.compile(r"\s+")
NAME_WEIGHT = 1.0  # a transliterated name found on both sides
Bag = dict[str, float]


Entries = tuple[np.ndarray, np.ndarray, np.ndarray]  # concept ids, sentence indices, weights


def no_signals(count: int = 0) -> np.ndarray:
    """A signal table with no signals (the coarse search levels use none)."""
    return np.zeros((count, 0))


def no_entries() -> Entries:
    """Empty entry arrays."""
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)


@dataclass(slots=True)
class Side:
    """Features of one side: lengths, concept bags, and the bags as sorted arrays once weighed."""

    lengths: np.ndarray
    bags: list[Bag]
    entries: Entries = field(default_factory=no_entries)
    signals: np.ndarray = field(default_factory=no_signals)  # sentences × SIGNALS counts

    def __len__(self) -> int:
        return len(self.lengths)


def char_length(text: str) -> int:
    """Characters without whitespace: Chinese has no spaces, so counting them would skew the ratio."""
    return len(_SPACE.sub("", text))


def ru_side(sentences: Sequence[str], matcher: Matcher) -> Side:
    """Features of the Russian sentences."""
    bags, signals = [], []
    for text in sentences:
        bag = matcher.ru_concepts(text)
        bag.update(ru_anchors(text))
        signals.append(signal_counts(text))
        for word in ru_names(text):
            key = ru_name_key(word) if lemma(word) not in matcher.weights else None
            if key:
                bag[key] = NAME_WEIGHT
        bags.append(bag)
    return Side(_lengths(sentences), bags, signals=_table(signals))


def _lengths(sentences: Sequence[str]) -> np.ndarray:
    """Character lengths of the sentences."""
    return np.array([char_length(s) for s in sentences], dtype=float)


def _table(signals: list[tuple[int, ...]]) -> np.ndarray:
    """Signal counts as a sentences × SIGNALS array (also when there are no sentences)."""
    return np.array(signals, dtype=float).reshape(len(signals), len(SIGNALS))


@lru_cache(maxsize=1)
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Chinese text in Simplified characters: the lexicon is Simplified, and Traditional sources
    (Taiwan, Hong Kong, older texts) would otherwise find none of their words in it."""
    return str(_to_simplified().convert(text))


def zh_side(sentences: Sequence[str], matcher: Matcher, ru: Side | None) -> Side:
    """Features of the Chinese sentences, restricted to concepts the Russian text uses (all of
    them without ``ru``: a caller that keeps them per passage restricts them later)."""
    vocabulary = (set().union(*ru.bags) if ru.bags else set()) if ru is not None else None
    bags, signals = [], []
    for text in map(simplified, sentences):
        bag = matcher.zh_concepts(text)
        bag.update(zh_anchors(text))
        signals.append(signal_counts(text))
        bag.update(dict.fromkeys(zh_name_keys(text), NAME_WEIGHT))
        bags.append(bag if vocabulary is None else {k: w for k, w in bag.items() if k in vocabulary})
    return Side(_lengths(sentences), bags, signals=_table(signals))


def weigh(ru: Side, zh: Side) -> None:
    """Scale concept weights by how rare they are in this text (an IDF), then flatten the bags.

    A concept found in most sentences (年 for год in a chronicle) separates nothing; one found in two
    sentences pins them down. The factor is in (0, 1] so that weights stay comparable across texts.
    The bags are left as they are; the weighed values live in ``entries``.
    """
    keys = sorted(set().union(*ru.bags, *zh.bags))
    ids = {k: i for i, k in enumerate(keys)}
    flat = [_flatten(side.bags, ids) for side in (ru, zh)]
    freq = np.bincount(np.concatenate([f[0] for f in flat]), minlength=len(keys))
    total = len(ru) + len(zh)
    factor = np.log((total + 2.0) / (freq + 0.5)) / math.log(total + 2.0)
    for side, (concepts, sentences, weights) in zip((ru, zh), flat, strict=True):
        order = np.lexsort((sentences, concepts))
        side.entries = concepts[order], sentences[order], (weights * factor[concepts])[order]


def _flatten(bags: list[Bag], ids: dict[str, int]) -> Entries:
    """Bags as arrays (concept id, sentence, weight), in bag order."""
    sizes = np.fromiter((len(bag) for bag in bags), dtype=np.int64, count=len(bags))
    count = int(sizes.sum())
    concepts = np.fromiter((ids[k] for bag in bags for k in bag), dtype=np.int64, count=count)
    weights = np.fromiter((w for bag in bags for w in bag.values()), dtype=float, count=count)
    return concepts, np.repeat(np.arange(len(bags), dtype=np.int64), sizes), weights
