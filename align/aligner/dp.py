"""Banded dynamic programme over bead types, vectorised along each row with numpy.

Cost of a bead = (sentences in it / 2) × lexical distance + length cost + a prior penalty for its
type; 1-0 and 0-1 beads cost a constant. Lexical similarity is a smoothed Dice coefficient of concept
weights; the overlap of a multi-sentence bead is the sum of its sentence-pair overlaps (capped by the
smaller side), so only pair overlaps inside the band are ever computed. The 0-1 moves inside a row are
resolved with a running minimum, so no Python loop runs over cells.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from align.aligner.band import Band
from align.aligner.features import Side, postings

# Bead types (ru sentences, zh sentences); index = backpointer code.
BEAD_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))


@dataclass(frozen=True, slots=True)
class Params:
    """Weights of the cost; defaults tuned on perturbed FLORES documents (see bench/bench_align.py)."""

    ratio: float = 0.34  # zh characters per ru character; re-estimated from each text
    sigma: float = 0.3  # spread of log(zh length / expected length)
    w_lex: float = 1.0
    w_len: float = 0.15
    skip: float = 0.55  # cost of a 1-0 or 0-1 bead
    prior: float = 0.5  # similarity assumed where a bead has no concepts at all
    alpha: float = 1.0  # weight of that prior in the smoothed Dice
    pen_2: float = 0.05  # 1-2 and 2-1
    pen_22: float = 0.3
    pen_3: float = 0.3  # 1-3 and 3-1
    length_smooth: float = 10.0  # characters added to both lengths so short sentences are not extreme

    def penalty(self, a: int, b: int) -> float:
        """Prior cost of a bead type: 1-1 is free, rarer shapes cost more."""
        if (a, b) in ((1, 2), (2, 1)):
            return self.pen_2
        if (a, b) == (2, 2):
            return self.pen_22
        if (a, b) in ((1, 3), (3, 1)):
            return self.pen_3
        return 0.0


class Pairs:
    """Concept overlap of every ru/zh sentence pair inside the band, as a padded 2-D array."""

    def __init__(self, ru: Side, zh: Side, band: Band) -> None:
        n = len(ru)
        rows = np.arange(n)
        self.lo = band.lo[np.maximum(rows - 2, 0)] if n else np.zeros(0, dtype=np.int64)
        hi = band.hi[np.minimum(rows + 3, n)] if n else np.zeros(0, dtype=np.int64)
        width = int((hi - self.lo).max()) + 1 if n else 1
        self.width = width
        self.matrix = np.zeros((max(n, 1), width))
        index = postings(zh)
        for p, bag in enumerate(ru.bags):
            lo, top = int(self.lo[p]), int(hi[p])
            row = [0.0] * width
            for key, w in bag.items():
                post = index.get(key)
                if post is None:
                    continue
                idx, ws = post
                for t in range(bisect_left(idx, lo), bisect_left(idx, top)):
                    row[idx[t] - lo] += w if w < ws[t] else ws[t]
            self.matrix[p] = row

    def get(self, p: int, q: np.ndarray) -> np.ndarray:
        """Overlaps of ru sentence ``p`` with zh sentences ``q`` (zero outside the band)."""
        off = q - self.lo[p]
        ok = (off >= 0) & (off < self.width)
        return np.where(ok, self.matrix[p, np.clip(off, 0, self.width - 1)], 0.0)


@dataclass(frozen=True, slots=True)
class Path:
    """The best path: beads as index ranges with their lexical similarity and length cost."""

    beads: list[tuple[range, range]]
    sims: list[float]
    lencosts: list[float]


class Model:
    """Everything the DP needs to cost a bead, prepared once per pair of sides."""

    def __init__(self, ru: Side, zh: Side, band: Band, params: Params) -> None:
        self.p = params
        self.pairs = Pairs(ru, zh, band)
        self.size_r = np.concatenate([[0.0], np.cumsum(ru.sizes)])
        self.size_z = np.concatenate([[0.0], np.cumsum(zh.sizes)])
        self.len_r = np.concatenate([[0.0], np.cumsum(ru.lengths)])
        self.len_z = np.concatenate([[0.0], np.cumsum(zh.lengths)])

    def parts(self, i: int, j: np.ndarray, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Similarity and length cost of beads ending at cells ``(i, j)`` with ``a`` ru, ``b`` zh."""
        p = self.p
        start = np.maximum(j - b, 0)
        rs = self.size_r[i] - self.size_r[i - a]
        zs = self.size_z[j] - self.size_z[start]
        overlap = np.zeros(len(j))
        for row in range(i - a, i):
            for t in range(1, b + 1):
                overlap += self.pairs.get(row, j - t)
        overlap = np.minimum(overlap, np.minimum(rs, zs))
        sim = (2.0 * overlap + p.alpha * p.prior) / (rs + zs + p.alpha)
        lr = self.len_r[i] - self.len_r[i - a]
        lz = self.len_z[j] - self.len_z[start]
        d = np.log((lz + p.length_smooth * p.ratio) / (p.ratio * (lr + p.length_smooth)))
        return sim, d * d / (2.0 * p.sigma * p.sigma)

    def cost(self, i: int, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Cost of beads of type ``a``-``b`` ending at cells ``(i, j)``."""
        if a == 0 or b == 0:
            return np.full(len(j), self.p.skip)
        sim, lencost = self.parts(i, j, a, b)
        return (a + b) / 2.0 * self.p.w_lex * (1.0 - sim) + self.p.w_len * lencost + self.p.penalty(a, b)


def best_path(ru: Side, zh: Side, band: Band, params: Params) -> Path:
    """Minimum-cost monotone path from (0, 0) to (n, m) inside the band."""
    n, m = len(ru), len(zh)
    model = Model(ru, zh, band, params)
    lo, hi = band.lo, band.hi
    costs: list[np.ndarray] = []
    backs: list[np.ndarray] = []
    for i in range(n + 1):
        j = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(j), np.inf)
        back = np.full(len(j), -1, dtype=np.int8)
        if i == 0:
            best[j == 0] = 0.0
        for code, (a, b) in enumerate(BEAD_TYPES):
            if a == 0 or a > i:
                continue
            prev_j = j - b
            plo, phi = lo[i - a], hi[i - a]
            ok = (prev_j >= plo) & (prev_j <= phi)
            if not ok.any():
                continue
            prev = np.where(ok, costs[i - a][np.clip(prev_j - plo, 0, phi - plo)], np.inf)
            total = prev + model.cost(i, j, a, b)
            better = total < best
            best = np.where(better, total, best)
            back = np.where(better, code, back)
        _zero_one(best, back, params.skip)
        costs.append(best)
        backs.append(back)
    return _trace(model, backs, lo, n, m)


def _zero_one(best: np.ndarray, back: np.ndarray, skip: float) -> None:
    """Apply 0-1 moves along a row in place: best[k] = min(best[k], best[k-1] + skip)."""
    if len(best) < 2:
        return
    steps = np.arange(len(best)) * skip
    running = np.minimum.accumulate(best - steps) + steps
    moved = running < best - 1e-12
    best[moved] = running[moved]
    back[moved] = BEAD_TYPES.index((0, 1))


def _trace(model: Model, backs: list[np.ndarray], lo: np.ndarray, n: int, m: int) -> Path:
    """Follow backpointers from (n, m) and describe each bead."""
    beads: list[tuple[range, range]] = []
    sims: list[float] = []
    lens: list[float] = []
    i, j = n, m
    while i > 0 or j > 0:
        code = int(backs[i][j - lo[i]])
        if code < 0:
            raise RuntimeError(f"no path through the band at cell ({i}, {j})")
        a, b = BEAD_TYPES[code]
        beads.append((range(i - a, i), range(j - b, j)))
        if a and b:
            sim, lencost = model.parts(i, np.array([j]), a, b)
            sims.append(float(sim[0]))
            lens.append(float(lencost[0]))
        else:
            sims.append(0.0)
            lens.append(0.0)
        i, j = i - a, j - b
    beads.reverse()
    sims.reverse()
    lens.reverse()
    return Path(beads, sims, lens)
