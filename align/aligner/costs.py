"""The lexical cost model: fills the recurrence's cost arrays from concept overlaps and lengths.

Cost of a bead = (sentences in it / 2) × lexical distance of the *merged* texts + length cost of the
merged texts + a prior penalty for its type + the weakest member's share (a sentence glued to a bead
it has nothing to do with). The length cost grows linearly with the log length ratio (a Laplace, not a
Gaussian, log-likelihood): free translations of short sentences have a long tail of ratios that a
square would charge more than a wrong bead, yet a deleted sentence glued to its neighbour's bead
(median |log ratio| 0.53 on Tatoeba, 0.11 for true merges) still pays for it.
A 1-0 or 0-1 bead costs what an unmatched sentence should: a base taken from the document itself (what
pairing two unrelated sentences of this text costs) plus how much of the lone sentence its neighbours on
the other side explain (a skip that leaves a sentence whose words are right there in the next bead is a
missed merge, not an omission). With sentence embeddings (:mod:`.embeddings`), the embedding distance of
the merged texts is added, weighted by the scorer.
"""

from __future__ import annotations

import numpy as np
from ruzh.align.aligner.band import Band
from ruzh.align.aligner.embeddings import GroupEmbeddings
from ruzh.align.aligner.features import Side
from ruzh.align.aligner.overlaps import Overlaps, groups, localise
from ruzh.align.aligner.params import Weights
from ruzh.align.aligner.recurrence import BEAD_TYPES, BeadType, Cells, Costs

# Similarity, length cost, concept mass and number of disagreeing signals of one bead.
Evidence = tuple[float, float, float, float]


def _running(signals: np.ndarray) -> np.ndarray:
    """Cumulative signal counts with a zero row first, so a group's counts are one subtraction."""
    return np.concatenate([np.zeros((1, signals.shape[1])), np.cumsum(signals, axis=0)])


def _member_tables(types: tuple[BeadType, ...]) -> set[BeadType]:
    """Tables the weakest-member test of multi-sentence beads looks up."""
    out = set()
    for a, b in types:
        if a > 1 and b:
            out.add((1, b))
        if b > 1 and a:
            out.add((a, 1))
    return out


class LexicalCosts:
    """Everything needed to cost a bead, prepared once per pair of sides and band."""

    def __init__(
        self,
        ru: Side,
        zh: Side,
        band: Band,
        weights: Weights,
        types: tuple[BeadType, ...] = BEAD_TYPES,
        embeddings: GroupEmbeddings | None = None,
        w_emb: float = 0.0,
    ) -> None:
        self.w = weights
        self.types = types
        used = embeddings is not None and w_emb > 0
        self.embeddings: GroupEmbeddings | None = embeddings if used else None
        self.w_emb = w_emb if used else 0.0
        self.n, self.m = len(ru), len(zh)
        ru_single, zh_single = localise(ru.entries, zh.entries, band.lo, band.hi, weights.unreached)
        ru_groups = {a: groups(ru_single, len(ru), a) for a in (1, 2, 3)}
        zh_groups = {b: groups(zh_single, len(zh), b) for b in (1, 2, 3)}
        self.overlaps = {
            (a, b): Overlaps(ru_groups[a], zh_groups[b], band, a, b)
            for a, b in {(x, y) for x, y in types if x and y} | {(1, 1)} | _member_tables(types)
        }
        self.len_r = np.concatenate([[0.0], np.cumsum(ru.lengths)])
        self.len_z = np.concatenate([[0.0], np.cumsum(zh.lengths)])
        self.sig_r = _running(ru.signals)
        self.sig_z = _running(zh.signals)
        self.skip_base = weights.skip

    def parts(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Similarity and length cost of the beads of type ``a``-``b`` ending at cells ``(i, j)``."""
        w = self.w
        table = self.overlaps[(a, b)]
        rs = table.ru_sizes(i - a)
        zs = table.zh_sizes(j - b)
        sim = (2.0 * table.get(i - a, j - b) + w.alpha * w.prior) / (rs + zs + w.alpha)
        lr = self.len_r[i] - self.len_r[i - a]
        lz = self.len_z[j] - self.len_z[j - b]
        d = np.log((lz + w.length_smooth * w.ratio) / (w.ratio * (lr + w.length_smooth)))
        return sim, np.abs(d) / (2.0 * w.sigma)

    def weakest(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Smallest share of a member sentence's concepts found on the other side of the bead.

        A sentence with no counterpart glued to a neighbour's bead barely changes the bead's Dice,
        but its own share is near zero: this is what tells a 2-1 bead from a 1-1 plus a 1-0.
        """
        w = self.w
        out = np.ones(len(j))
        if a > 1:
            table = self.overlaps[(1, b)]
            for k in range(a, 0, -1):
                share = (table.get(i - k, j - b) + w.alpha * w.prior) / (table.ru_sizes(i - k) + w.alpha)
                out = np.minimum(out, share)
        if b > 1:
            table = self.overlaps[(a, 1)]
            for t in range(1, b + 1):
                share = (table.get(i - a, j - t) + w.alpha * w.prior) / (table.zh_sizes(j - t) + w.alpha)
                out = np.minimum(out, share)
        return out

    def cost(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Cost of the beads of type ``a``-``b`` ending at cells ``(i, j)``."""
        w = self.w
        if a == 0 or b == 0:
            return self.skip_base + w.w_claim * self.claimed(i, j, a)
        sim, lencost = self.parts(i, j, a, b)
        cost = (a + b) / 2.0 * w.w_lex * (1.0 - sim) + w.w_len * lencost + w.penalty(a, b)
        if (a > 1 or b > 1) and w.w_member:
            cost += w.w_member * (1.0 - self.weakest(i, j, a, b))
        if self.sig_r.shape[1] and self.sig_z.shape[1]:
            cost += self.disagreement(i, j, a, b)
        if self.embeddings is not None:
            cost += (a + b) / 2.0 * self.w_emb * (1.0 - self.embeddings.similarity(i, j, a, b))
        return cost

    def disagreements(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """For each signal (:data:`~.anchors.SIGNALS`), whether the merged texts' counts differ (0/1)."""
        if not (self.sig_r.shape[1] and self.sig_z.shape[1]):
            return np.zeros((len(i), 0))
        d = np.abs((self.sig_r[i] - self.sig_r[i - a]) - (self.sig_z[j] - self.sig_z[j - b]))
        return np.minimum(d, 1.0)

    def disagreement(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Cost of the signals the merged texts disagree on."""
        return self.disagreements(i, j, a, b) @ np.array([self.w.w_signals, self.w.w_ends])

    def claimed(self, i: np.ndarray, j: np.ndarray, a: int) -> np.ndarray:
        """Share of the lone sentence of a 1-0 (``a`` = 1) or 0-1 bead ending at ``(i, j)`` that the
        sentence just before or just after it on the other side also has: a missed merge, not an omission."""
        w = self.w
        table = self.overlaps[(1, 1)]
        if a:
            best = np.maximum(table.get(i - 1, j - 1), table.get(i - 1, j))
            return best / (table.ru_sizes(i - 1) + w.alpha)
        best = np.maximum(table.get(i - 1, j - 1), table.get(i, j - 1))
        return best / (table.zh_sizes(j - 1) + w.alpha)

    def calibrate_skip(self, rows: np.ndarray, cols: np.ndarray, one_one: np.ndarray) -> None:
        """Base skip cost from this text: what pairing two unrelated sentences of it costs.

        Cells at least 4 sentences off the diagonal stand for unrelated pairs; a text too small to
        have enough of them keeps the fixed base (:meth:`fixed_skip`).
        """
        w = self.w
        self.skip_base = self.fixed_skip()
        if not w.skip_scale:
            return
        far = np.abs(cols - rows * (self.m / max(self.n, 1))) >= 4
        sample = one_one[far & np.isfinite(one_one)]
        if len(sample) >= 50:
            self.skip_base = max(w.skip, w.skip_scale * float(np.quantile(sample, w.skip_quantile)))

    def fixed_skip(self) -> float:
        """Skip base of a text too small to calibrate it (a short abstract, the last chunk of a corpus).

        ``skip`` stands for half an unrelated pair's lexical cost; the hybrid adds an embedding
        distance, about 1 between unrelated sentences, to every bead, so its skip adds half of that, as
        the calibration would (calibrated hybrid bases on Tatoeba: median 0.985; with ``skip`` alone a
        6 x 4 text was cut into skips). With embeddings alone their distance replaces the lexical one.
        """
        w = self.w
        if self.embeddings is not None and w.w_lex:
            return w.skip + w.skip_scale * self.w_emb
        return w.skip

    def fill(self, cells: Cells) -> Costs:
        """Cost of every bead type ending at every cell of the band (``inf`` where it cannot end)."""
        rows, cols = cells.rows_cols()
        values = np.full((len(self.types), cells.count), np.inf, dtype=np.float32)
        order = sorted(range(len(self.types)), key=lambda t: self.types[t] != (1, 1))
        for t in order:  # 1-1 first: it calibrates the skips
            a, b = self.types[t]
            ok = (rows >= a) & (cols >= b)
            values[t, ok] = self.cost(rows[ok], cols[ok], a, b)
            if (a, b) == (1, 1):
                self.calibrate_skip(rows, cols, values[t])
        return Costs(self.types, values)

    def evidence(self, beads: list[tuple[range, range]]) -> list[Evidence]:
        """What each bead's similarity rests on, for its confidence score (one pass per bead type).

        For a 1-0 or 0-1 bead the similarity is the lone sentence's best similarity to a neighbour.
        """
        out: list[Evidence] = [(0.0, 0.0, 0.0, 0.0)] * len(beads)
        by_type: dict[BeadType, list[int]] = {}
        for k, (r, z) in enumerate(beads):
            by_type.setdefault((len(r), len(z)), []).append(k)
        for (a, b), ks in by_type.items():
            i = np.array([beads[k][0].stop for k in ks])
            j = np.array([beads[k][1].stop for k in ks])
            if a and b:
                sim, lencost = self.parts(i, j, a, b)
                table = self.overlaps[(a, b)]
                mass = table.ru_sizes(i - a) + table.zh_sizes(j - b)
                odd = self.disagreements(i, j, a, b).sum(axis=1)
            else:
                sim, lencost, mass = self.neighbour_sim(i, j, a), np.zeros(len(ks)), np.zeros(len(ks))
                odd = np.zeros(len(ks))
            for k, values in zip(ks, zip(sim, lencost, mass, odd, strict=True), strict=True):
                out[k] = (float(values[0]), float(values[1]), float(values[2]), float(values[3]))
        return out

    def neighbour_sim(self, i: np.ndarray, j: np.ndarray, a: int) -> np.ndarray:
        """For 1-0 or 0-1 beads ending at (i, j): the best similarity of the lone sentence to a
        neighbour (a sentence left alone that resembles the one next to it is likely a missed merge)."""
        cells = [(i, j), (i, j + 1)] if a else [(i, j), (i + 1, j)]
        best = np.zeros(len(i))
        for row, col in cells:
            ok = (row >= 1) & (row <= self.n) & (col >= 1) & (col <= self.m)
            if ok.any():
                sim, _ = self.parts(row[ok], col[ok], 1, 1)
                best[ok] = np.maximum(best[ok], sim)
        return best
