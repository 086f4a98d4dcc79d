"""The banded alignment recurrence as a pure function of costs (the way vecalign's ``dense_dp`` is).

Input: a band (for each row ``i`` = Russian sentences consumed, the allowed Chinese positions
``lo[i]..hi[i]``) and, for each bead type ``(a, b)``, the cost of the bead of that type that ends at
every cell of the band, as one flat array laid out row after row (:class:`Cells`). Output: the beads
of the cheapest monotone path from ``(0, 0)`` to ``(n, m)``. Nothing here knows what a sentence is,
so any cost model (lexical, lengths, embeddings) plugs in, and the recurrence is tested on hand-made
matrices. Each row is one numpy pass per bead type; the 0-1 moves inside a row use a running minimum
over prefix sums, so no Python loop runs over cells and memory is one float per cell and bead type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from ruzh.align.aligner.band import Band

BeadType = tuple[int, int]
# Every shape the search may use: ru sentences, zh sentences.
BEAD_TYPES: tuple[BeadType, ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (2, 3),
    (3, 2),
    (3, 3),
)


@dataclass(frozen=True, slots=True)
class Cells:
    """Flat numbering of the band's cells: cell ``(i, j)`` is ``start[i] + j - lo[i]``."""

    lo: np.ndarray
    hi: np.ndarray
    start: np.ndarray  # first flat index of each row, plus the total at the end

    @classmethod
    def of(cls, band: Band) -> Cells:
        widths = band.hi - band.lo + 1
        return cls(band.lo, band.hi, np.concatenate([[0], np.cumsum(widths)]).astype(np.int64))

    @property
    def count(self) -> int:
        return int(self.start[-1])

    def rows_cols(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every cell, in flat order."""
        widths = np.diff(self.start)
        rows = np.repeat(np.arange(len(widths)), widths)
        cols = np.arange(self.count) - self.start[rows] + self.lo[rows]
        return rows, cols

    def row(self, i: int) -> slice:
        return slice(int(self.start[i]), int(self.start[i + 1]))


@dataclass(frozen=True, slots=True)
class Costs:
    """One cost array per bead type: ``values[t, k]`` is the cost of the ``types[t]`` bead ending at
    flat cell ``k`` (``inf`` where it is impossible). One 2-D array, so no copy is made to search it."""

    types: tuple[BeadType, ...]
    values: np.ndarray

    @classmethod
    def of(cls, costs: Mapping[BeadType, np.ndarray]) -> Costs:
        types = tuple(t for t in BEAD_TYPES if t in costs)
        return cls(types, np.stack([costs[t] for t in types]))


def best_beads(costs: Costs, cells: Cells) -> list[tuple[range, range]]:
    """Beads of the cheapest path through the band, using the bead types ``costs`` has.

    The path must exist, which it does when 1-0 and 0-1 beads have finite costs.
    """
    n = len(cells.lo) - 1
    rows = [t for t, (a, _) in enumerate(costs.types) if a]  # moves that consume Russian sentences
    types = [costs.types[t] for t in rows]
    moves = costs.values[rows]
    prev = _predecessors(cells, types)
    total = np.full(cells.count + 1, np.inf)  # the last slot stands for "outside the band"
    back = np.full(cells.count, -1, dtype=np.int8)
    skip = costs.values[costs.types.index((0, 1))] if (0, 1) in costs.types else None
    for i in range(n + 1):
        here = cells.row(i)
        if i == 0:
            best = np.where(np.arange(cells.lo[0], cells.hi[0] + 1) == 0, 0.0, np.inf)
            code = np.full(len(best), -1, dtype=np.int8)
        else:
            steps = total[prev[:, here]] + moves[:, here]
            code = np.argmin(steps, axis=0).astype(np.int8)
            best = np.take_along_axis(steps, code[None, :], axis=0)[0]
            code[~np.isfinite(best)] = -1
        if skip is not None:
            _zero_one(best, code, skip[here].astype(float), len(types))
        total[here] = best
        back[here] = code
    return _trace(back, cells, [*types, (0, 1)])


def _predecessors(cells: Cells, types: list[BeadType]) -> np.ndarray:
    """For each bead type and cell, the flat cell the bead starts from (``count`` when outside)."""
    rows, cols = cells.rows_cols()
    dtype = np.int32 if cells.count < 2**31 - 1 else np.int64
    out = np.full((len(types), cells.count), cells.count, dtype=dtype)
    for t, (a, b) in enumerate(types):
        pi, pj = rows - a, cols - b
        ok = pi >= 0
        pi_ok = np.where(ok, pi, 0)
        ok &= (pj >= cells.lo[pi_ok]) & (pj <= cells.hi[pi_ok])
        out[t, ok] = cells.start[pi_ok[ok]] + pj[ok] - cells.lo[pi_ok[ok]]
    return out


def _zero_one(best: np.ndarray, code: np.ndarray, cost: np.ndarray, tag: int) -> None:
    """0-1 moves along a row in place: ``best[k] = min(best[k], best[k-1] + cost[k])``.

    With prefix sums ``S``, ``best[k] = S[k] + min over l <= k of (best[l] - S[l])``: one running minimum.
    """
    if len(best) < 2:
        return
    steps = np.concatenate([[0.0], np.cumsum(cost[1:])])
    finite = np.isfinite(steps)
    if not finite.all():  # an impossible 0-1 move cuts the row: fall back to a plain loop
        for k in range(1, len(best)):
            if best[k - 1] + cost[k] < best[k] - 1e-12:
                best[k] = best[k - 1] + cost[k]
                code[k] = tag
        return
    running = np.minimum.accumulate(best - steps) + steps
    moved = running < best - 1e-12
    best[moved] = running[moved]
    code[moved] = tag


def _trace(back: np.ndarray, cells: Cells, types: list[BeadType]) -> list[tuple[range, range]]:
    """Follow backpointers from ``(n, m)``."""
    beads: list[tuple[range, range]] = []
    i = len(cells.lo) - 1
    j = int(cells.hi[-1])
    while i > 0 or j > 0:
        t = int(back[cells.start[i] + j - cells.lo[i]]) if cells.lo[i] <= j <= cells.hi[i] else -1
        if t < 0:
            raise RuntimeError(f"no path through the band at cell ({i}, {j})")
        a, b = types[t]
        beads.append((range(i - a, i), range(j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return beads
