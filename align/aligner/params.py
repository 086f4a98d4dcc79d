"""The aligner's settings, in two parts: what a bead costs, and how the search is organised.

Both go into the aligner signature recorded in outputs, since both change results.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

MAX_CHARS = 1_000_000  # longer "sentences" are truncated for features, never dropped


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the lexical/length cost model; defaults tuned on perturbed FLORES and Tatoeba
    documents (see bench/bench_align.py)."""

    ratio: float = 0.34  # zh characters per ru character; re-estimated from each text
    sigma: float = 0.3  # spread of log(zh length / expected length)
    w_lex: float = 1.0
    w_len: float = 0.2
    skip: float = 0.55  # base cost of a 1-0 or 0-1 bead where the text is too short to calibrate it
    skip_quantile: float = 0.5  # else: this quantile of the cost of unrelated 1-1 pairs of the text ...
    skip_scale: float = 0.5  # ... times this (0 keeps the fixed base)
    w_claim: float = 0.5  # added to a skip for the share of the lone sentence its neighbours explain
    prior: float = 0.5  # similarity assumed where a bead has no concepts at all
    alpha: float = 2.0  # weight of that prior in the smoothed Dice
    pen_2: float = 0.15  # 1-2 and 2-1
    pen_22: float = 0.5
    pen_3: float = 0.5  # 1-3 and 3-1
    pen_23: float = 0.8  # 2-3 and 3-2
    pen_33: float = 1.1
    length_smooth: float = 10.0  # characters added to both lengths so short sentences are not extreme
    unreached: float = 0.1  # weight kept by a concept with no counterpart within the band
    w_signals: float = 0.15  # when the two sides of a bead hold different numbers of question marks
    w_ends: float = 0.15  # when they hold different numbers of sentence ends (a merge the other lacks)
    w_member: float = 0.2  # weight of the weakest member sentence's share in multi-sentence beads
    regroup_gain: float = 0.05  # a skip joins its neighbour's bead when that explains this much more
    regroup_margin: float = 0.25  # ... of the other side and costs <= this x the median 1-1 more (lexical)
    regroup_tie: float = 0.2  # a skip joins its 1-1 neighbour where swapping partners costs <= this x median
    w_emb: float = 1.0  # embedding distance with --scorer embeddings (lexical terms off)
    w_hybrid: float = 1.0  # embedding distance added to the lexical cost with --scorer hybrid (dev split)
    tie_hybrid: float = 0.1  # regroup_tie with --scorer hybrid (its costs hold the embedding distance too)

    def penalty(self, a: int, b: int) -> float:
        """Prior cost of a bead type: 1-1 is free, rarer shapes cost more."""
        shape = (min(a, b), max(a, b))
        return {
            (1, 2): self.pen_2,
            (2, 2): self.pen_22,
            (1, 3): self.pen_3,
            (2, 3): self.pen_23,
            (3, 3): self.pen_33,
        }.get(shape, 0.0)


@dataclass(frozen=True, slots=True)
class Search:
    """How the best path is searched: exhaustively when small, else in a band around a coarse path."""

    full_limit: int = 250_000  # cells searched exhaustively; above that the search is banded
    block: int = 8  # sentences per block on the coarse level
    margin: int = 2  # band half-width around the coarse path, in blocks
    max_chars: int = MAX_CHARS


def for_scorer(weights: Weights, scorer: str) -> tuple[Weights, float]:
    """Weights of the sentence-level search for a scorer, and the weight of embedding distance."""
    if scorer == "embeddings":
        return replace(weights, w_lex=0.0, w_member=0.0, w_claim=0.0), weights.w_emb
    if scorer == "hybrid":
        return replace(weights, regroup_tie=weights.tie_hybrid), weights.w_hybrid
    return weights, 0.0


def describe(settings: Any) -> str:
    """``name=value`` for every field of a settings dataclass, in order."""
    return ",".join(f"{f.name}={getattr(settings, f.name):g}" for f in fields(settings))
