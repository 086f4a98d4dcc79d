"""Scores for candidates and pairs: C-value for nested compounds, Dice and log-likelihood for association.

C-value: Frantzi, Ananiadou and Mima (2000), "Automatic recognition of multi-word terms: the
C-value/NC-value method". Log-likelihood ratio: Dunning (1993), "Accurate methods for the
statistics of surprise and coincidence".
"""

from __future__ import annotations

import math
from collections.abc import Mapping


def c_value(freqs: Mapping[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """C-value of every candidate (a word sequence): its frequency, discounted by the mean frequency
    of the longer candidates it is nested in, weighted by log2 of its length in words (plus one, so
    single long words still score)."""
    outer: dict[tuple[str, ...], list[int]] = {}
    for longer, f in freqs.items():
        n = len(longer)
        seen = set()
        for size in range(1, n):
            for i in range(n - size + 1):
                part = longer[i : i + size]
                if part in freqs and part not in seen:
                    seen.add(part)
                    outer.setdefault(part, []).append(f)
    scores: dict[tuple[str, ...], float] = {}
    for cand, f in freqs.items():
        nested = outer.get(cand)
        scores[cand] = math.log2(len(cand) + 1) * (f - (sum(nested) / len(nested) if nested else 0.0))
    return scores


def dice(both: int, a: int, b: int) -> float:
    """Dice coefficient of two events seen ``a`` and ``b`` times, together ``both`` times."""
    return 2.0 * both / (a + b) if a + b else 0.0


def log_likelihood(both: int, a: int, b: int, total: int) -> float:
    """Dunning's G² for a 2×2 contingency table of co-occurrence over ``total`` aligned pairs."""
    k11, k12, k21 = both, a - both, b - both
    k22 = total - a - b + both
    if min(k11, k12, k21, k22) < 0 or total <= 0:
        return 0.0

    def h(*ks: int) -> float:
        n = sum(ks)
        return sum(k * math.log(k / n) for k in ks if k > 0)

    return 2.0 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))
