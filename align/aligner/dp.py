"""Banded dynamic programme over bead types, vectorised along each row with numpy.

Cost of a bead = (sentences in it / 2) × lexical distance + length cost + a prior penalty for its
type; 1-0 and 0-1 beads cost a constant. Lexical similarity is a smoothed Dice coefficient of concept
weights; the overlap of a multi-sentence bead is the sum of its sentence-pair overlaps (capped by the
smaller side), so only pair overlaps inside the band are ever computed. The 0-1 moves inside a row are
resolved with a running minimum, so no Python loop runs over cells.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from ruzh.align.aligner.band import Band
from ruzh.align.aligner.features import Entries, Side

JOIN_CHUNK = 1_000_000

# Bead types (ru sentences, zh sentences); index = backpointer code.
BEAD_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))


@dataclass(frozen=True, slots=True)
class Params:
    """Weights of the cost; defaults tuned on perturbed FLORES documents (see bench/bench_align.py)."""

    ratio: float = 0.34  # zh characters per ru character; re-estimated from each text
    sigma: float = 0.3  # spread of log(zh length / expected length)
    w_lex: float = 1.0
    w_len: float = 0.1
    skip: float = 0.55  # cost of a 1-0 or 0-1 bead
    prior: float = 0.5  # similarity assumed where a bead has no concepts at all
    alpha: float = 2.0  # weight of that prior in the smoothed Dice
    pen_2: float = 0.2  # 1-2 and 2-1
    pen_22: float = 0.5
    pen_3: float = 0.5  # 1-3 and 3-1
    length_smooth: float = 10.0  # characters added to both lengths so short sentences are not extreme
    unreached: float = 0.1  # weight kept by a concept with no counterpart within the band
    w_member: float = 0.2  # weight of the weakest member sentence's share in multi-sentence beads

    def penalty(self, a: int, b: int) -> float:
        """Prior cost of a bead type: 1-1 is free, rarer shapes cost more."""
        if (a, b) in ((1, 2), (2, 1)):
            return self.pen_2
        if (a, b) == (2, 2):
            return self.pen_22
        if (a, b) in ((1, 3), (3, 1)):
            return self.pen_3
        return 0.0


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
        # Rows p .. p + 3 can end a bead that uses this group (members of bigger beads look it up too).
        self.lo = band.lo[np.minimum(np.arange(count), n)] - b
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
        self.matrix = flat_matrix.reshape(max(count, 1), self.width)

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

    def get(self, p: int, q: np.ndarray) -> np.ndarray:
        """Overlaps of the ru group starting at ``p`` with zh groups starting at ``q`` (0 outside)."""
        if p >= len(self.lo):
            return np.zeros(len(q))
        off = q - self.lo[p]
        ok = (off >= 0) & (off < self.width) & (q >= 0) & (q < len(self.zh_size))
        return np.where(ok, self.matrix[p, np.clip(off, 0, self.width - 1)], 0.0)

    def zh_sizes(self, q: np.ndarray) -> np.ndarray:
        """Total weight of the zh groups starting at ``q``."""
        return self.zh_size[np.clip(q, 0, len(self.zh_size) - 1)]


@dataclass(frozen=True, slots=True)
class Path:
    """The best path: beads as index ranges with their lexical similarity and length cost."""

    beads: list[tuple[range, range]]
    sims: list[float]  # 1-0 and 0-1 beads: best similarity of the lone sentence to a neighbour
    lencosts: list[float]
    masses: list[float]  # total concept weight of each bead: how much evidence its similarity rests on


class Model:
    """Everything the DP needs to cost a bead, prepared once per pair of sides."""

    def __init__(self, ru: Side, zh: Side, band: Band, params: Params) -> None:
        self.p = params
        ru_single, zh_single = localise(ru.entries, zh.entries, band.lo, band.hi, params.unreached)
        ru_groups = {a: groups(ru_single, len(ru), a) for a in (1, 2, 3)}
        zh_groups = {b: groups(zh_single, len(zh), b) for b in (1, 2, 3)}
        self.overlaps = {
            (a, b): Overlaps(ru_groups[a], zh_groups[b], band, a, b) for a, b in BEAD_TYPES if a and b
        }
        self.len_r = np.concatenate([[0.0], np.cumsum(ru.lengths)])
        self.len_z = np.concatenate([[0.0], np.cumsum(zh.lengths)])

    def parts(self, i: int, j: np.ndarray, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Similarity and length cost of beads ending at cells ``(i, j)`` with ``a`` ru, ``b`` zh."""
        p = self.p
        start = np.maximum(j - b, 0)
        table = self.overlaps[(a, b)]
        rs = table.ru_size[i - a]
        zs = table.zh_sizes(j - b)
        overlap = table.get(i - a, j - b)
        sim = (2.0 * overlap + p.alpha * p.prior) / (rs + zs + p.alpha)
        lr = self.len_r[i] - self.len_r[i - a]
        lz = self.len_z[j] - self.len_z[start]
        d = np.log((lz + p.length_smooth * p.ratio) / (p.ratio * (lr + p.length_smooth)))
        return sim, d * d / (2.0 * p.sigma * p.sigma)

    def weakest(self, i: int, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Smallest share of a member sentence's concepts found on the other side of the bead.

        A sentence with no counterpart glued to a neighbour's bead barely changes the bead's Dice,
        but its own share is near zero: this is what tells a 2-1 bead from a 1-1 plus a 1-0.
        """
        p = self.p
        out = np.ones(len(j))
        if a > 1:
            table = self.overlaps[(1, b)]
            for k in range(i - a, i):
                share = (table.get(k, j - b) + p.alpha * p.prior) / (table.ru_size[k] + p.alpha)
                out = np.minimum(out, share)
        if b > 1:
            table = self.overlaps[(a, 1)]
            for t in range(1, b + 1):
                share = (table.get(i - a, j - t) + p.alpha * p.prior) / (table.zh_sizes(j - t) + p.alpha)
                out = np.minimum(out, share)
        return out

    def cost(self, i: int, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Cost of beads of type ``a``-``b`` ending at cells ``(i, j)``."""
        p = self.p
        if a == 0 or b == 0:
            return np.full(len(j), p.skip)
        sim, lencost = self.parts(i, j, a, b)
        cost = (a + b) / 2.0 * p.w_lex * (1.0 - sim) + p.w_len * lencost + p.penalty(a, b)
        if (a > 1 or b > 1) and p.w_member:
            cost += p.w_member * (1.0 - self.weakest(i, j, a, b))
        return cost


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


def _neighbour_sim(model: Model, i: int, j: int, a: int, n: int, m: int) -> float:
    """For a 1-0 or 0-1 bead ending at (i, j): the best similarity of its sentence to a neighbour.

    A sentence left alone that resembles the sentence next to it on the other side is more likely a
    missed merge than a real omission, so this feeds the confidence of the lone bead.
    """
    cells = [(i, j), (i, j + 1)] if a else [(i, j), (i + 1, j)]
    best = 0.0
    for row, col in cells:
        if 1 <= row <= n and 1 <= col <= m:
            sim, _ = model.parts(row, np.array([col]), 1, 1)
            best = max(best, float(sim[0]))
    return best


def _trace(model: Model, backs: list[np.ndarray], lo: np.ndarray, n: int, m: int) -> Path:
    """Follow backpointers from (n, m) and describe each bead."""
    beads: list[tuple[range, range]] = []
    sims: list[float] = []
    lens: list[float] = []
    masses: list[float] = []
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
            table = model.overlaps[(a, b)]
            masses.append(float(table.ru_size[i - a] + table.zh_sizes(np.array([j - b]))[0]))
        else:
            sims.append(_neighbour_sim(model, i, j, a, n, m))
            lens.append(0.0)
            masses.append(0.0)
        i, j = i - a, j - b
    for values in (beads, sims, lens, masses):
        values.reverse()
    return Path(beads, sims, lens, masses)
