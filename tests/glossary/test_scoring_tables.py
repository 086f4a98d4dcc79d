"""Fisher's tail and Dunning's G² from the table of log-factorials are the floats of the direct
formulas (``math.lgamma`` per binomial, a sum per entropy), bit for bit: the linking's decisions
compare them with thresholds, so a faster form must not move any of them."""

from __future__ import annotations

import math

from ruzh.glossary.scoring import chance_tail, log_likelihood


def _log_comb(n: int, k: int) -> float:
    if k < 0 or k > n:
        return -math.inf
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _tail(both: int, a: int, b: int, total: int) -> float:
    out = 0.0
    for k in range(both, min(a, b) + 1):
        term = math.exp(_log_comb(a, k) + _log_comb(total - a, b - k) - _log_comb(total, b))
        out += term
        if term < out * 1e-9:
            break
    return min(1.0, out)


def _g2(k11: int, a: int, b: int, total: int) -> float:
    def h(*ks: int) -> float:
        n = sum(ks)
        return sum(k * math.log(k / n) for k in ks if k > 0)

    k12, k21, k22 = a - k11, b - k11, total - a - b + k11
    return 2.0 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))


def test_tail_and_g2_are_the_floats_of_the_direct_formulas() -> None:
    tables = [
        (k, a, b, total)
        for total in (7, 60, 4651, 300)  # the table grows, and serves a smaller corpus after
        for a in range(1, min(total, 40), 3)
        for b in range(1, min(total, 90), 7)
        for k in range(1, min(a, b) + 1, 2)
        if total - a - b + k >= 0
    ]
    assert len(tables) > 2000
    for k, a, b, total in tables:
        assert chance_tail.__wrapped__(k, a, b, total) == _tail(k, a, b, total)
        assert log_likelihood.__wrapped__(k, a, b, total) == _g2(k, a, b, total)
    # past its bounds (b - k beyond the other events) a term is empty
    assert chance_tail.__wrapped__(2, 5, 6, 8) == _tail(2, 5, 6, 8)
