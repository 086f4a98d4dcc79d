"""The search band: for each DP row (Russian sentences consumed) the Chinese positions allowed.

A full band is the whole matrix. For long texts the band follows a coarse path found on blocks of
sentences, so both time and memory grow linearly with the text instead of quadratically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from ruzh.align.aligner.features import Side


@dataclass(frozen=True, slots=True)
class Band:
    """Inclusive bounds ``lo[i] <= j <= hi[i]`` for every row ``i`` in ``0..n``; both non-decreasing."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def cells(self) -> int:
        return int((self.hi - self.lo + 1).sum())


def full_band(n: int, m: int) -> Band:
    """Every cell of an ``(n + 1) × (m + 1)`` matrix."""
    return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))


def band_around(spans: Sequence[tuple[int, int, int, int]], n: int, m: int, margin: int) -> Band:
    """A band covering coarse beads given as sentence spans ``(ru0, ru1, zh0, zh1)``, widened by margin."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for r0, r1, z0, z1 in spans:
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], z0 - margin)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], z1 + margin)
    # Each row also reaches what rows a margin away reach, so a coarse error can be repaired.
    rows = np.arange(n + 1)
    lo = np.clip(lo[np.maximum(rows - margin, 0)], 0, m)
    hi = np.clip(hi[np.minimum(rows + margin, n)], 0, m)
    lo[0] = 0
    hi[-1] = m
    return Band(lo, hi)


# On a coarse level a concept found in more than this share of the blocks is left out: it places
# nothing, and joining its occurrences would cost the most (they pair with every block in the band).
COARSE_MAX_SHARE = 0.05


def downsample(side: Side, size: int) -> tuple[Side, list[int]]:
    """Blocks of ``size`` consecutive sentences as one unit each, and each block's first sentence.

    A block's concept weight is the sum over its sentences: on this level a concept used three times
    is stronger evidence than one used once.
    """
    starts = list(range(0, len(side), size))
    lengths = np.add.reduceat(side.lengths, starts) if starts else np.zeros(0)
    c, p, w = side.entries
    p = p // size
    if len(c):
        first = np.flatnonzero(np.concatenate([[True], (c[1:] != c[:-1]) | (p[1:] != p[:-1])]))
        w = np.add.reduceat(w, first)
        c, p = c[first], p[first]
        blocks = np.bincount(c)
        keep = blocks[c] <= max(4, COARSE_MAX_SHARE * len(starts))
        c, p, w = c[keep], p[keep], w[keep]
    return Side(lengths, [], (c, p, w)), starts
