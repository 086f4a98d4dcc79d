"""Concept overlaps between groups of consecutive sentences, computed only inside the search band.

Lexical similarity is a smoothed Dice coefficient of concept weights. A group of sentences is the
union of their concepts (a word repeated in two sentences of a bead counts once), and the overlap of
every ru group with every zh group the band can pair it with is joined from sorted arrays in bulk, so
its cost grows with the band, not with the square of the text.
"""

from __future__ import annotations

import itertools

import numpy as np
from ruzh.align.aligner.band import Band
from ruzh.align.aligner.features import Entries

JOIN_CHUNK = 1_000_000


def _present(mine: Entries, other: Entries, lo: np.ndarray, hi: np.ndarray, scale: int) -> np.ndarray:
    """Which of ``mine`` have their concept on the other side between ``lo`` and ``hi`` (inclusive)."""
    key = other[0] * scale + other[1]
    c = mine[0] * scale
    after = np.searchsorted(key, c + np.maximum(hi, -1), side="right")
    return after > np.searchsorted(key, c + np.maximum(lo, 0))


def localise(
    ru: Entries, zh: Entries, lo: np.ndarray, hi: np.ndarray, unreached: float
) -> tuple[Entries, Entries]:
    """Weigh down concepts the other side does not have within reach (the band, widened a little).

    A concept with no possible counterpart says nothing about which sentence pairs with which, but it
    would lower every Dice score of its sentence; in a long text nearly every concept occurs somewhere,
    so "somewhere in the text" is too weak a test and the band decides what is within reach.
    """
    n, m = len(lo) - 1, int(hi[-1])
    reach = 3
    scale = max(n, m) + 2 * reach + 2
    p = ru[1]
    ru_lo = lo[np.maximum(p - reach, 0)] - reach
    keep_r = _present(ru, zh, ru_lo, hi[np.minimum(p + 1 + reach, n)] + reach, scale)
    q = zh[1]
    first = np.searchsorted(hi, q, side="left")  # first row whose band reaches q
    last = np.searchsorted(lo, q, side="right")  # rows up to here start at or before q
    keep_z = _present(zh, ru, first - reach - 1, last + reach, scale)
    ru_kept = (ru[0], ru[1], np.where(keep_r, ru[2], ru[2] * unreached))
    return ru_kept, (zh[0], zh[1], np.where(keep_z, zh[2], zh[2] * unreached))


def groups(single: Entries, count: int, size: int) -> tuple[Entries, np.ndarray]:
    """Entries of the unions of ``size`` consecutive sentences, and each union's total weight.

    In a union a concept weighs its largest weight among the sentences, so a word repeated in two
    sentences of a bead counts once.
    """
    c, p, w = single
    total = max(count - size + 1, 0)
    if size > 1:
        shifts = np.arange(size)
        c = np.repeat(c, size)
        p = np.repeat(p, size) - np.tile(shifts, len(single[0]))
        w = np.repeat(w, size)
        ok = (p >= 0) & (p < total)
        c, p, w = c[ok], p[ok], w[ok]
        order = np.lexsort((p, c))
        c, p, w = c[order], p[order], w[order]
        if len(c):
            first = np.flatnonzero(np.concatenate([[True], (c[1:] != c[:-1]) | (p[1:] != p[:-1])]))
            w = np.maximum.reduceat(w, first)
            c, p = c[first], p[first]
    sizes = np.bincount(p, weights=w, minlength=total) if total else np.zeros(0)
    return (c, p, w), sizes


class Overlaps:
    """Concept overlap of every ``a``-sentence ru group with every ``b``-sentence zh group in the band.

    Groups are unions, so a name repeated in two sentences of a bead counts once on each side and
    a 2-2 bead is not favoured over two 1-1 beads merely because topical words recur. The join of
    ru and zh occurrences of each concept inside the band is done with sorted arrays, not loops.
    """

    def __init__(
        self, ru: tuple[Entries, np.ndarray], zh: tuple[Entries, np.ndarray], band: Band, a: int, b: int
    ) -> None:
        n = len(band.lo) - 1
        (rc, rp, rw), self.ru_size = ru
        (zc, zq, zw), self.zh_size = zh
        count = len(self.ru_size)
        # Rows p .. p + 3 can end a bead that uses this group (members of bigger beads look it up too,
        # up to 3 zh sentences before the bead's end).
        self.lo = band.lo[np.minimum(np.arange(count), n)] - 3
        hi = band.hi[np.minimum(np.arange(count) + 3, n)] - b + 1
        self.width = max(int((hi - self.lo).max()) if count else 1, 1)
        if not len(self.zh_size):
            self.zh_size = np.zeros(1)
        scale = len(self.zh_size) + 2 * self.width + 2
        zkey = zc * scale + zq
        start = np.searchsorted(zkey, rc * scale + np.maximum(self.lo[rp], 0))
        stop = np.searchsorted(zkey, rc * scale + np.maximum(hi[rp], 0))
        counts = np.maximum(stop - start, 0)
        size = max(count, 1) * self.width
        flat_matrix = np.zeros(size)
        # Join in chunks of about a million pairs, so memory stays flat on coarse levels with big bags.
        cum = np.cumsum(counts)
        top = int(cum[-1]) if len(cum) else 0
        cuts = np.searchsorted(cum, np.arange(JOIN_CHUNK, top, JOIN_CHUNK), side="right")
        bounds = np.unique(np.concatenate([[0], cuts, [len(counts)]]))
        for left, right in itertools.pairwise(bounds):
            part = slice(int(left), int(right))
            flat_matrix += self._join(rp[part], rw[part], start[part], counts[part], zq, zw, size)
        self.matrix = flat_matrix.reshape(max(count, 1), self.width).astype(np.float32)

    def _join(
        self,
        rp: np.ndarray,
        rw: np.ndarray,
        start: np.ndarray,
        counts: np.ndarray,
        zq: np.ndarray,
        zw: np.ndarray,
        size: int,
    ) -> np.ndarray:
        """Sum of min(weight) over the occurrence pairs of one chunk, as a flat matrix."""
        total = int(counts.sum())
        owner = np.repeat(np.arange(len(rp)), counts)
        first = np.cumsum(counts) - counts
        zidx = start[owner] + (np.arange(total) - first[owner])
        prow = rp[owner]
        flat = prow * self.width + (zq[zidx] - self.lo[prow])
        return np.bincount(flat, weights=np.minimum(rw[owner], zw[zidx]), minlength=size)

    def get(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Overlaps of the ru groups starting at ``p`` with the zh groups starting at ``q`` (0 outside)."""
        inside = (p >= 0) & (p < len(self.lo))
        p = np.minimum(np.maximum(p, 0), len(self.lo) - 1)
        off = q - self.lo[p]
        ok = inside & (off >= 0) & (off < self.width) & (q >= 0) & (q < len(self.zh_size))
        return np.where(ok, self.matrix[p, np.minimum(np.maximum(off, 0), self.width - 1)], 0.0)

    def ru_sizes(self, p: np.ndarray) -> np.ndarray:
        """Total weight of the ru groups starting at ``p``."""
        if not len(self.ru_size):
            return np.zeros(len(p))
        return self.ru_size[np.minimum(np.maximum(p, 0), len(self.ru_size) - 1)]

    def zh_sizes(self, q: np.ndarray) -> np.ndarray:
        """Total weight of the zh groups starting at ``q``."""
        return self.zh_size[np.minimum(np.maximum(q, 0), len(self.zh_size) - 1)]
