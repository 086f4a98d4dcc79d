"""The pairing's candidate index: which Russian/Chinese passage pairs are worth scoring exactly.

On large corpora scoring every pair is too slow; the passages sharing the most weight of rare
concepts propose each other. Vectorised with numpy, with every float summed in the order a plain
loop over the postings would sum it, so that the candidates do not depend on how they were found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

import numpy as np
from ruzh.align.aligner.features import Bag

CANDIDATES_PER_PASSAGE = 8
RARE_SHARE = 0.1  # concepts in more than this share of passages do not propose candidates


def indexed_pairs(ru_bags: Sequence[Bag], zh_bags: Sequence[Bag]) -> list[tuple[int, int]]:
    """For each Russian passage, the Chinese passages sharing the most weight of rare concepts
    (and the converse), so that n × m scoring is avoided on large corpora.

    Every (Russian entry, posting) meeting is laid out at once, Russian passage by passage and each
    bag in its order, and a pair's overlap is summed with ``numpy.bincount`` over them: the same
    additions in the same order as a loop, so the same floats. Ties keep the order in which the
    Chinese passages were first met, and the converse list prefers the later Russian passage, as a
    sort of (overlap, index) pairs does."""
    limit = max(2, int(RARE_SHARE * (len(ru_bags) + len(zh_bags))))
    seen = dict.fromkeys(chain.from_iterable(zh_bags))  # the Chinese concepts, first met first
    ids = dict(zip(seen, range(len(seen)), strict=True))
    postings = _Postings(zh_bags, ids, limit)
    rows, concepts, weights = _entries(ru_bags, ids, postings.rare)
    met = postings.meetings(concepts)
    if not len(met):
        return []
    overlaps = np.minimum(weights[met.entries], postings.weight[met.positions])
    ru, zh, values, first = _summed(
        rows[met.entries], postings.passage[met.positions], overlaps, len(zh_bags)
    )
    chosen: set[tuple[int, int]] = set()
    mine = np.lexsort((first, -values, ru))  # by Russian passage, best overlap, first met
    chosen.update(_leading(ru[mine], zh[mine]))
    theirs = np.lexsort((-ru, -values, zh))  # by Chinese passage, best overlap, later passage
    chosen.update(_leading(zh[theirs], ru[theirs], swap=True))
    return sorted(chosen)


BLOCK_PAIRS = 1 << 22  # (Russian, Chinese) pairs summed at once: bounds the memory of the sums


def _summed(
    ru: np.ndarray, zh: np.ndarray, overlaps: np.ndarray, n_zh: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each pair that met (``ru`` ascending): its passages, its overlaps summed in the meetings'
    order, and where it was first met. Summed by blocks of Russian passages, one bin per pair."""
    parts = []
    rows = max(1, BLOCK_PAIRS // max(1, n_zh))
    for low in range(0, int(ru[-1]) + 1, rows):
        lo, hi = np.searchsorted(ru, (low, low + rows))
        bins = (ru[lo:hi] - low) * n_zh + zh[lo:hi]
        size = rows * n_zh
        first = np.full(size, hi, np.intp)
        np.minimum.at(first, bins, np.arange(lo, hi, dtype=np.intp))
        values = np.bincount(bins, weights=overlaps[lo:hi], minlength=size)
        met = np.flatnonzero(first < hi)
        parts.append((low + met // n_zh, met % n_zh, values[met], first[met]))
    ru_, zh_, values_, first_ = (np.concatenate(column) for column in zip(*parts, strict=True))
    return ru_, zh_, values_, first_


class _Postings:
    """The Chinese bags' entries grouped by concept (each concept's postings in passage order)."""

    def __init__(self, zh_bags: Sequence[Bag], ids: dict[str, int], limit: int) -> None:
        sizes = np.fromiter(map(len, zh_bags), np.intp, len(zh_bags))
        total = int(sizes.sum())
        concept = np.fromiter(map(ids.__getitem__, chain.from_iterable(zh_bags)), np.intp, total)
        passage = np.repeat(np.arange(len(zh_bags), dtype=np.intp), sizes)
        weight = np.fromiter(chain.from_iterable(map(dict.values, zh_bags)), float, total)
        where = np.argsort(concept, kind="stable")  # grouped by concept, passages in order
        self.passage, self.weight = passage[where], weight[where]
        self.count = np.bincount(concept, minlength=len(ids))
        self.start = np.cumsum(self.count) - self.count
        self.rare = self.count <= limit

    def meetings(self, concepts: np.ndarray) -> _Meetings:
        """For each Russian entry (of a rare concept), in order, each of its concept's postings."""
        sizes = self.count[concepts]
        entries = np.repeat(np.arange(len(concepts), dtype=np.intp), sizes)
        offsets = np.arange(len(entries), dtype=np.intp) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        return _Meetings(entries, self.start[concepts][entries] + offsets)


@dataclass(frozen=True, slots=True)
class _Meetings:
    entries: np.ndarray  # which Russian entry
    positions: np.ndarray  # which posting (of ``_Postings.passage`` and ``weight``)

    def __len__(self) -> int:
        return len(self.entries)


def _entries(
    ru_bags: Sequence[Bag], ids: dict[str, int], rare: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The Russian bags' entries of rare concepts the Chinese side has: passage, concept, weight."""
    sizes = np.fromiter(map(len, ru_bags), np.intp, len(ru_bags))
    total = int(sizes.sum())
    concept = np.fromiter(map(ids.get, chain.from_iterable(ru_bags), repeat(-1)), np.intp, total)
    rows = np.repeat(np.arange(len(ru_bags), dtype=np.intp), sizes)
    weights = np.fromiter(chain.from_iterable(map(dict.values, ru_bags)), float, total)
    keep = concept >= 0
    keep[keep] = rare[concept[keep]]
    return rows[keep], concept[keep], weights[keep]


def _leading(groups: np.ndarray, others: np.ndarray, swap: bool = False) -> Iterable[tuple[int, int]]:
    """The first ``CANDIDATES_PER_PASSAGE`` of each run of equal ``groups`` (already in rank order),
    as (Russian, Chinese) pairs."""
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    rank = np.arange(len(groups)) - np.repeat(starts, np.diff(np.r_[starts, len(groups)]))
    keep = rank < CANDIDATES_PER_PASSAGE
    first, second = (others, groups) if swap else (groups, others)
    return zip(first[keep].tolist(), second[keep].tolist(), strict=True)
