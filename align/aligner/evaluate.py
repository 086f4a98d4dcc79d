"""Strict and lax precision, recall and F1 of sentence alignments.

Definitions follow Thompson & Koehn's vecalign scorer (itself after Sennrich & Volk 2011, W11-4624),
so figures are comparable with published ones: a test bead is a strict hit when the gold holds the
identical bead, a lax hit when some of its Russian sentences are aligned in the gold to some of its
Chinese sentences. Precision is over every test bead, 1-0 and 0-1 included; recall swaps the roles
over beads that have both sides only, so insertions and deletions count for precision alone.
Counts are pooled over all documents before dividing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Counts:
    """Strict hits and misses, lax hits and misses."""

    strict_hit: int = 0
    strict_miss: int = 0
    lax_hit: int = 0
    lax_miss: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.strict_hit + other.strict_hit,
            self.strict_miss + other.strict_miss,
            self.lax_hit + other.lax_hit,
            self.lax_miss + other.lax_miss,
        )


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1, strict and lax."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _normal(beads: Iterable[BeadPair]) -> set[BeadPair]:
    return {(tuple(r), tuple(z)) for r, z in beads if len(r) or len(z)}


def match_counts(reference: Iterable[BeadPair], candidate: Iterable[BeadPair]) -> Counts:
    """How many candidate beads the reference confirms, strictly and laxly."""
    ref = _normal(reference)
    linked: dict[int, set[int]] = {}
    for r, z in ref:
        for i in r:
            linked.setdefault(i, set()).update(z)
    sh = sm = lh = lm = 0
    for r, z in _normal(candidate):
        if (r, z) in ref:
            sh += 1
            lh += 1
            continue
        sm += 1
        reachable = set().union(*(linked.get(i, set()) for i in r)) if r else set()
        if reachable & set(z):
            lh += 1
        else:
            lm += 1
    return Counts(sh, sm, lh, lm)


def _both(beads: Sequence[BeadPair]) -> list[BeadPair]:
    return [b for b in beads if len(b[0]) and len(b[1])]


def _ratio(hit: int, miss: int) -> float:
    return hit / (hit + miss) if hit + miss else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Sequence[BeadPair]], test: Sequence[Sequence[BeadPair]]) -> Scores:
    """Scores pooled over documents; ``gold[k]`` and ``test[k]`` are the beads of document ``k``."""
    if len(gold) != len(test):
        raise ValueError(f"{len(gold)} gold documents but {len(test)} test documents")
    prec, rec = Counts(), Counts()
    for g, t in zip(gold, test, strict=True):
        prec = prec + match_counts(g, t)
        rec = rec + match_counts(_both(t), _both(g))
    ps, rs = _ratio(prec.strict_hit, prec.strict_miss), _ratio(rec.strict_hit, rec.strict_miss)
    pl, rl = _ratio(prec.lax_hit, prec.lax_miss), _ratio(rec.lax_hit, rec.lax_miss)
    return Scores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))


def kind(bead: BeadPair) -> str:
    """Bead type such as ``2-1``."""
    return f"{len(bead[0])}-{len(bead[1])}"


def confusion(
    gold: Sequence[Sequence[BeadPair]], test: Sequence[Sequence[BeadPair]]
) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """Bead-type confusion: how often a gold bead of one type meets a test bead of each type.

    A gold bead is matched with the test bead that holds its first sentence (Russian if it has one),
    so a gold 2-1 bead cut into 1-1 + 1-0 counts as ``(2-1, 1-1)``. The second table counts, per gold
    type, the beads found identically (a diagonal cell can hold a shifted bead of the right type).
    """
    cells: dict[tuple[str, str], int] = {}
    exact: dict[str, int] = {}
    for g, t in zip(gold, test, strict=True):
        by_ru = {i: b for b in t for i in b[0]}
        by_zh = {j: b for b in t for j in b[1]}
        found = _normal(t)
        for bead in _normal(g):
            hit = by_ru.get(bead[0][0]) if bead[0] else by_zh.get(bead[1][0])
            key = (kind(bead), kind(hit) if hit else "none")
            cells[key] = cells.get(key, 0) + 1
            exact[kind(bead)] = exact.get(kind(bead), 0) + (bead in found)
    return cells, exact
