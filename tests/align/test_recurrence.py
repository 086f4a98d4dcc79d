"""The banded recurrence on hand-made cost matrices, and against brute force on small random ones."""

from __future__ import annotations

import functools
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from ruzh.align.aligner.band import Band, full_band
from ruzh.align.aligner.recurrence import BEAD_TYPES, Cells, Costs, best_beads

Beads = list[tuple[range, range]]


def matrices(n: int, m: int, value: float = 1.0) -> tuple[Cells, dict[tuple[int, int], np.ndarray]]:
    """Full band and a cost array per bead type, every bead costing ``value``."""
    cells = Cells.of(full_band(n, m))
    return cells, {t: np.full(cells.count, value) for t in BEAD_TYPES}


def flat(cells: Cells, i: int, j: int) -> int:
    return int(cells.start[i] + j - cells.lo[i])


def shapes(beads: Beads) -> list[tuple[int, int]]:
    return [(len(r), len(z)) for r, z in beads]


def test_cheap_diagonal_gives_one_to_one_beads() -> None:
    cells, costs = matrices(3, 3)
    for k in range(1, 4):
        costs[(1, 1)][flat(cells, k, k)] = 0.0
    assert best_beads(Costs.of(costs), cells) == [(range(k, k + 1), range(k, k + 1)) for k in range(3)]


def test_a_cheap_merge_wins_over_its_parts() -> None:
    cells, costs = matrices(3, 2)
    costs[(1, 1)][flat(cells, 1, 1)] = 0.0
    costs[(2, 1)][flat(cells, 3, 2)] = 0.5  # ru 1-2 with zh 1: cheaper than 1-1 + 1-0 (1 + 1)
    assert shapes(best_beads(Costs.of(costs), cells)) == [(1, 1), (2, 1)]


def test_skips_are_taken_when_nothing_pairs() -> None:
    cells, costs = matrices(2, 2, value=10.0)
    costs[(1, 0)][:] = 1.0
    costs[(0, 1)][:] = 1.0
    beads = best_beads(Costs.of(costs), cells)
    assert sorted(shapes(beads)) == [(0, 1), (0, 1), (1, 0), (1, 0)]


def test_per_cell_zero_one_costs_are_summed_along_a_row() -> None:
    # one Russian sentence, three Chinese: it pairs with zh 2 when skipping zh 0 and 1 is cheap
    cells, costs = matrices(1, 3, value=5.0)
    costs[(1, 1)][flat(cells, 1, 3)] = 0.0
    costs[(0, 1)][flat(cells, 0, 1)] = 0.1
    costs[(0, 1)][flat(cells, 0, 2)] = 0.2
    assert best_beads(Costs.of(costs), cells) == [
        (range(0, 0), range(0, 1)),
        (range(0, 0), range(1, 2)),
        (range(0, 1), range(2, 3)),
    ]


def test_the_band_restricts_the_path() -> None:
    band = Band(np.array([0, 0, 1, 2]), np.array([1, 2, 3, 3]))
    cells = Cells.of(band)
    costs = {t: np.full(cells.count, 1.0) for t in BEAD_TYPES}
    costs[(1, 1)][:] = 0.0
    beads = best_beads(Costs.of(costs), cells)
    assert shapes(beads) == [(1, 1)] * 3


def brute_force(costs: dict[tuple[int, int], np.ndarray], cells: Cells, n: int, m: int) -> float:
    """Cheapest path cost by plain recursion over every path."""

    @functools.cache
    def best(i: int, j: int) -> float:
        if i == 0 and j == 0:
            return 0.0
        out = math.inf
        for a, b in BEAD_TYPES:
            if a <= i and b <= j:
                out = min(out, best(i - a, j - b) + float(costs[(a, b)][flat(cells, i, j)]))
        return out

    return best(n, m)


def path_cost(beads: Beads, costs: dict[tuple[int, int], np.ndarray], cells: Cells) -> float:
    return sum(float(costs[(len(r), len(z))][flat(cells, r.stop, z.stop)]) for r, z in beads)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 2**31 - 1))
def test_matches_brute_force_on_random_matrices(n: int, m: int, seed: int) -> None:
    cells = Cells.of(full_band(n, m))
    rng = np.random.default_rng(seed)
    costs = {t: rng.uniform(0.0, 2.0, cells.count) for t in BEAD_TYPES}
    beads = best_beads(Costs.of(costs), cells)
    assert [i for r, _ in beads for i in r] == list(range(n))
    assert [j for _, z in beads for j in z] == list(range(m))
    assert math.isclose(path_cost(beads, costs, cells), brute_force(costs, cells, n, m), abs_tol=1e-9)
