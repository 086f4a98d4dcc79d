"""Scores for candidates and pairs: C-value for nested compounds, Dice and log-likelihood for association.

C-value: Frantzi, Ananiadou and Mima (2000), "Automatic recognition of multi-word terms: the
C-value/NC-value method". Log-likelihood ratio: Dunning (1993), "Accurate methods for the
statistics of surprise and coincidence". Termhood: C-value times "weirdness" (Ahmad, Gillam and
Tostevin 1999), the corpus frequency of the words against wordfreq's general-language frequency.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

import numpy as np


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


@lru_cache(maxsize=200_000)
def log_likelihood(both: int, a: int, b: int, total: int) -> float:
    """Dunning's G² for a 2×2 contingency table of co-occurrence over ``total`` aligned pairs
    (cached: the rare pairs that make up most of a corpus share a few small tables)."""
    k11, k12, k21 = both, a - both, b - both
    k22 = total - a - b + both
    if min(k11, k12, k21, k22) < 0 or total <= 0:
        return 0.0
    return 2.0 * (_h((k11, k12, k21, k22)) - _h((k11 + k12, k21 + k22)) - _h((k11 + k21, k12 + k22)))


def _h(ks: tuple[int, ...]) -> float:
    n = sum(ks)
    return sum([k * math.log(k / n) for k in ks if k > 0])


def log_likelihoods(both: np.ndarray, a: np.ndarray, b: np.ndarray, total: int) -> np.ndarray:
    """:func:`log_likelihood` of many tables at once (integer arrays), the same floats: each entropy
    sums its terms in the same order, a zero count adding nothing."""
    k11, k12, k21 = both, a - both, b - both
    k22 = total - a - b + both
    whole = _terms(k11, total) + _terms(k12, total) + _terms(k21, total) + _terms(k22, total)
    rows = _terms(a, total) + _terms(total - a, total)
    columns = _terms(b, total) + _terms(total - b, total)
    g2 = 2.0 * (whole - rows - columns)
    possible = (np.minimum(np.minimum(k11, k12), np.minimum(k21, k22)) >= 0) & (total > 0)
    return np.where(possible, g2, 0.0)


def _terms(ks: np.ndarray, n: int) -> np.ndarray:
    """``k * log(k / n)`` for each count, 0 where it is not positive (the terms :func:`_h` skips)."""
    positive = ks > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(positive, ks * np.log(np.where(positive, ks, 1) / max(n, 1)), 0.0)


@lru_cache(maxsize=200_000)
def chance_tail(both: int, a: int, b: int, total: int) -> float:
    """Probability that two events seen ``a`` and ``b`` times among ``total`` pairs, placed at
    random, share ``both`` pairs or more (the upper tail of the hypergeometric distribution, Fisher's
    exact test): unlike G², exact for the counts of two and three that most pairs of a corpus have."""
    if both <= 0:
        return 1.0
    top = min(a, b)
    if both > top or total <= 0:
        return 0.0
    logs = _log_factorials(max(total, a, b))
    log_all = _log_comb(total, b)
    tail = 0.0
    rest = total - a
    for k in range(both, top + 1):
        # log C(a, k) + log C(rest, b - k) as _log_comb gives them, the second -inf past its bounds
        if b - k > rest:
            term = 0.0
        else:
            with_k = logs[a] - logs[k] - logs[a - k]
            term = math.exp(with_k + (logs[rest] - logs[b - k] - logs[rest - b + k]) - log_all)
        tail += term
        if term < tail * 1e-9:
            break  # beyond the observed count the terms fall off geometrically
    return min(1.0, tail)


def _log_comb(n: int, k: int) -> float:
    if k < 0 or k > n:
        return -math.inf
    logs = _log_factorials(n)
    return logs[n] - logs[k] - logs[n - k]


_LOG_FACTORIALS: list[float] = [0.0]


def _log_factorials(n: int) -> list[float]:
    """``log(i!)`` for every ``i <= n`` (``math.lgamma(i + 1)``, the same floats), extended as the
    corpora grow: a tail sums many binomial terms of the same few counts."""
    if len(_LOG_FACTORIALS) <= n:
        _LOG_FACTORIALS.extend(math.lgamma(i + 1) for i in range(len(_LOG_FACTORIALS), n + 1))
    return _LOG_FACTORIALS


# Frequencies below the smallest in wordfreq's "small" list (about 1e-6) are not told apart: a word
# missing from it is rare in general language, and this is its assumed frequency.
RARE = 5e-7
# A word the corpus uses 10,000 times more often than general language is as specific as it gets.
_MAX_WEIRDNESS = 4.0


@lru_cache(maxsize=2)
def general_frequencies(lang: str) -> Mapping[str, float]:
    """wordfreq's general-language frequencies of ``ru`` or ``zh`` words (its "small" list: loaded
    in a fifth of a second, where the large one takes seconds; it is shipped with the package)."""
    import wordfreq

    return wordfreq.get_frequency_dict(lang, wordlist="small")


def weirdness(corpus_count: int, corpus_tokens: int, general: float) -> float:
    """log10 of how much more often the corpus uses a word than general language (Ahmad et al.
    1999, "weirdness"), capped; negative for words the corpus uses less than the language does."""
    if corpus_tokens <= 0 or corpus_count <= 0:
        return 0.0
    ratio = (corpus_count / corpus_tokens) / max(general, RARE)
    return min(_MAX_WEIRDNESS, math.log10(ratio))


def termhood(c_val: float, specificity: float) -> float:
    """Unithood times domain specificity: a phrase must recur as a unit (C-value) and be made of
    words the corpus uses more than general language does; generic words (время, 问题) score 0."""
    return round(math.log2(1.0 + max(c_val, 0.0)) * max(specificity, 0.0), 3)
