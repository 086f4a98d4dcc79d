"""Sentence alignment of a Russian and a Chinese text: features, coarse-to-fine search, scores.

Short texts are searched over the whole matrix. Long texts are first aligned on blocks of
sentences (recursively), and the sentence-level search runs in a band around that coarse path.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ruzh.align.aligner.band import Band, band_around, downsample, full_band
from ruzh.align.aligner.costs import Evidence, LexicalCosts
from ruzh.align.aligner.embeddings import MODEL_NAME, GroupEmbeddings, embeddings_of
from ruzh.align.aligner.features import Side, ru_side, weigh, zh_side
from ruzh.align.aligner.lexical import matcher_for
from ruzh.align.aligner.params import MAX_CHARS, Search, Weights, describe, for_scorer
from ruzh.align.aligner.recurrence import BEAD_TYPES, BeadType, Cells, best_beads
from ruzh.align.aligner.regroup import regroup
from ruzh.align.aligner.selftrain import extended, learn_pairs
from ruzh.align.lexicon import Lexicon, load_lexicon
from ruzh.align.scorers import SCORERS
from ruzh.align.types import Bead
from ruzh.core.errors import ConfigError, InputError
from ruzh.core.signature import Signature

Beads = list[tuple[range, range]]
# Blocks of sentences on the coarse levels: 2-3, 3-2 and 3-3 blocks would cost the most to score
# and the band around the coarse path lets the sentence level use those shapes anyway.
COARSE_TYPES = tuple(t for t in BEAD_TYPES if max(t) < 3 or min(t) < 2)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once."""
    return load_lexicon()


def prepare(
    ru: Sequence[str], zh: Sequence[str], lexicon: Lexicon | None = None, max_chars: int = MAX_CHARS
) -> tuple[Side, Side]:
    """Features of both sides with weights scaled to this text."""
    matcher = matcher_for(lexicon if lexicon is not None else default_lexicon())
    ru_f = ru_side([s[:max_chars] for s in ru], matcher)
    zh_f = zh_side([s[:max_chars] for s in zh], matcher, ru_f)
    weigh(ru_f, zh_f)
    return ru_f, zh_f


def estimate_ratio(ru: Side, zh: Side, default: float) -> float:
    """zh characters per ru character over the whole text, kept within plausible bounds."""
    total_r, total_z = float(ru.lengths.sum()), float(zh.lengths.sum())
    if total_r < 50 or total_z < 15:
        return default
    return min(max(total_z / total_r, 0.08), 2.0)


def search(
    ru: Side,
    zh: Side,
    weights: Weights,
    settings: Search,
    types: tuple[BeadType, ...] = BEAD_TYPES,
    embeddings: GroupEmbeddings | None = None,
    scorer: str = "lexical",
) -> tuple[Beads, list[Evidence]]:
    """Best path and each bead's evidence: exhaustive for small inputs, else banded around a coarse path.

    The coarse levels are always lexical; the scorer (and its embeddings) decides the sentence level,
    whose skips get a second look (:mod:`.regroup`): all of it with the lexical scorer, only its rule
    for ties with the hybrid. With the hybrid's skip base for short texts
    (:meth:`.LexicalCosts.fixed_skip`) the rest of the second look only glued right skips to their
    neighbours (Tatoeba at 0.10/0.05, perturbation seeds 2 and 1 and half of seed 6, six FLORES
    documents: 4 beads changed, all for the worse, lax the same).
    """
    band = coarse_band(ru, zh, weights, settings)
    fine, w_emb = for_scorer(weights, scorer)
    model = LexicalCosts(ru, zh, band, fine, types, embeddings, w_emb)
    cells = Cells.of(band)
    beads = best_beads(model.fill(cells), cells)
    if types == BEAD_TYPES and scorer != "embeddings":
        beads = regroup(model, beads, fine, ties_only=scorer == "hybrid")
    return beads, model.evidence(beads)


def coarse_band(ru: Side, zh: Side, weights: Weights, settings: Search) -> Band:
    """The whole matrix when small; else the band around a recursively found block alignment."""
    n, m = len(ru), len(zh)
    block = settings.block
    if (n + 1) * (m + 1) <= settings.full_limit or n < 4 * block or m < 4 * block:
        return full_band(n, m)
    kr = block
    kz = max(1, round(block * m / n))
    ru_b, ru_starts = downsample(ru, kr)
    zh_b, zh_starts = downsample(zh, kz)
    coarse, _ = search(ru_b, zh_b, weights, settings, COARSE_TYPES)
    ru_bounds, zh_bounds = [*ru_starts, n], [*zh_starts, m]
    spans = [
        (ru_bounds[r.start], ru_bounds[r.stop], zh_bounds[z.start], zh_bounds[z.stop]) for r, z in coarse
    ]
    return band_around(spans, n, m, margin=settings.margin * max(kr, kz))


# Logistic calibration of bead scores: P(bead is exactly right), fitted on the beads predicted for
# perturbed FLORES and Tatoeba documents (seed 5, not the benchmark's; all three perturbation levels,
# 5,158 beads) plus non-parallel document pairs (349 beads, all wrong), so that a bead between
# unrelated texts scores low. "mass" is the total concept weight the similarity rests on (one shared
# word in two short sentences is weak); "odd" counts the signals its sides disagree on (question
# marks, sentence ends). Mean log-likelihood on the benchmark's seed-1 beads: -0.1338 without "odd",
# -0.1220 with it (a fit on seed 1 itself: -0.1216).
CALIBRATION = {
    "sim": 20.028,
    "len": -1.219,
    "multi": -2.779,
    "logmass": 1.883,
    "sim_logmass": -1.889,
    "odd": -1.87,
    "bias": -7.813,
}
# 1-0 and 0-1 beads: P(right) from the lone sentence's best similarity to a neighbour, fitted on the
# 137 such beads predicted in seed-5 documents before the sentence-end term (a refit on the final
# model's 150 beads, -9.9 and 5.2, fitted seed 5 better but seed 1 worse: -0.419 against -0.397).
SKIP_CALIBRATION = {"neighbour": -4.508, "bias": 2.882}


def bead_score(
    sim: float, lencost: float, kind: tuple[int, int], mass: float = 0.0, odd: float = 0.0
) -> float:
    """Probability-like confidence that the bead is exactly right, from similarity, evidence, lengths
    and ``odd``, the number of signals (question marks, sentence ends) its two sides disagree on.

    For a 1-0 or 0-1 bead ``sim`` is the lone sentence's best similarity to a neighbour.
    """
    if not kind[0] or not kind[1]:
        s = SKIP_CALIBRATION
        return 1.0 / (1.0 + math.exp(-(s["neighbour"] * sim + s["bias"])))
    c = CALIBRATION
    logmass = math.log1p(mass)
    z = (
        c["sim"] * sim
        + c["len"] * lencost
        + c["multi"] * (sum(kind) > 2)
        + c["logmass"] * logmass
        + c["sim_logmass"] * sim * logmass
        + c["odd"] * odd
        + c["bias"]
    )
    return 1.0 / (1.0 + math.exp(-min(max(z, -50.0), 50.0)))


def signature(
    lexicon: Lexicon | None = None,
    weights: Weights | None = None,
    settings: Search | None = None,
    scorer: str = "lexical",
) -> Signature:
    """What changes results: aligner version, scorer, lexicon, every setting."""
    lex = lexicon if lexicon is not None else default_lexicon()
    w, s = weights or Weights(), settings or Search()
    model = f"({MODEL_NAME})" if scorer != "lexical" else ""
    return Signature.of(
        aligner="ruzh-dp-6",
        scorer=f"{scorer}{model}",
        lexicon=lex.signature(),
        weights=describe(w),
        search=describe(s),
    )


def align_sentences(
    ru: Sequence[str],
    zh: Sequence[str],
    lexicon: Lexicon | None = None,
    weights: Weights | None = None,
    self_train: bool = False,
    settings: Search | None = None,
    scorer: str = "lexical",
) -> list[Bead]:
    """Align Russian and Chinese sentences: monotone beads covering every sentence exactly once.

    With ``self_train``, associations learned from the confident beads of a first pass extend the
    lexicon for a second pass (only long texts have enough beads; see :mod:`.selftrain`). ``scorer``
    is one of :data:`SCORERS`; the embedding scorers need the ``embeddings`` extra (a
    :class:`~ruzh.core.errors.ConfigError` says how to install it).
    """
    if scorer not in SCORERS:
        raise ConfigError(f"unknown scorer {scorer!r}", hint=f"use one of {', '.join(SCORERS)}")
    lex = lexicon if lexicon is not None else default_lexicon()
    w, s = weights or Weights(), settings or Search()
    beads = _align_once(ru, zh, lex, w, s, scorer)
    if self_train and beads:
        learned = learn_pairs(ru, zh, beads, lex)
        if learned:
            beads = _align_once(ru, zh, extended(lex, learned), w, s, scorer)
    return beads


def _align_once(
    ru: Sequence[str], zh: Sequence[str], lexicon: Lexicon, weights: Weights, settings: Search, scorer: str
) -> list[Bead]:
    """One pass: validate, featurise, search, score."""
    for side, name in ((ru, "Russian"), (zh, "Chinese")):
        for k, s in enumerate(side):
            if not isinstance(s, str):
                raise InputError(f"{name} sentence {k + 1} is not text", hint="pass a list of strings")
    if not ru or not zh:
        return [Bead((i,), (), 1.0) for i in range(len(ru))] + [Bead((), (j,), 1.0) for j in range(len(zh))]
    ru_f, zh_f = prepare(ru, zh, lexicon, settings.max_chars)
    tuned = replace(weights, ratio=estimate_ratio(ru_f, zh_f, weights.ratio))
    embeddings = embeddings_of(tuple(ru), tuple(zh)) if scorer != "lexical" else None
    beads, evidence = search(ru_f, zh_f, tuned, settings, embeddings=embeddings, scorer=scorer)
    return [
        Bead(tuple(r), tuple(z), round(bead_score(sim, lencost, (len(r), len(z)), mass, odd), 4))
        for (r, z), (sim, lencost, mass, odd) in zip(beads, evidence, strict=True)
    ]


__all__ = ["Search", "Weights", "align_sentences", "default_lexicon", "prepare", "search", "signature"]
