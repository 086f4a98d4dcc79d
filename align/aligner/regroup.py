"""A second look at the skips of the best path: glue a lone sentence to its neighbour's bead when the
other side says so.

The search leaves a 1-0 or 0-1 bead next to a bead when the merged bead costs a little more than the
two apart. Costs are sums over both sides, so a near-paraphrase neighbour (the lone sentence repeats
words its neighbour already shares with the other side) and a real half of a merged sentence look
alike. What tells them apart is the other side: a real half explains some of the other side's
concepts that the neighbour alone leaves unexplained; a deletion explains nothing new. So a skip is
merged into an adjacent bead when the merge explains at least ``regroup_gain`` of the other side's
concept weight more and costs at most ``regroup_margin`` times the document's own typical bead cost
(the median cost of its 1-1 beads) more than the two beads apart. A 1-0 next to a 0-1 is judged the
same way: the two lone sentences become a 1-1 when they share words and the pair costs little more
(a merged sentence whose second half lost its translation pays for its length and its two sentence
ends, yet its first half is the other side's sentence). And a lone sentence takes the partner of the
1-1 bead next to it (whose own sentence is left alone) when it explains that partner better by the same
gain and margin: of two near-paraphrases, one of them deleted, the search may keep the wrong one.
Where the evidence cannot choose at all (a lone sentence and its 1-1 neighbour's own sentence pair
with that partner at nearly the same cost: swapping them costs at most ``regroup_tie`` times the median
1-1 cost more), a choice is a coin flip whose loss is a translation missing from its unit, so the lone
sentence joins the bead instead, whose score then says it is unsure (unless that puts a question with a
non-question). On Tatoeba at 0.10/0.05 over the tuning seeds 2-5 and 10-40, lax F1 0.9948 -> 0.9959,
strict 0.9814 -> 0.9809 (``regroup_tie`` 0.1: 0.9955/0.9811); FLORES over seeds 2-5, 10-15 lax
0.9986 -> 0.9987, strict 0.9849 -> 0.9845.
"""

from __future__ import annotations

from statistics import median

import numpy as np
from ruzh.align.aligner.costs import LexicalCosts
from ruzh.align.aligner.params import Weights
from ruzh.align.aligner.recurrence import BEAD_TYPES

Beads = list[tuple[range, range]]


def bead_costs(model: LexicalCosts, beads: Beads) -> list[float]:
    """Cost of each bead under the model (one vectorised call per bead type)."""
    out = [0.0] * len(beads)
    by_type: dict[tuple[int, int], list[int]] = {}
    for k, (r, z) in enumerate(beads):
        by_type.setdefault((len(r), len(z)), []).append(k)
    for (a, b), ks in by_type.items():
        i = np.array([beads[k][0].stop for k in ks])
        j = np.array([beads[k][1].stop for k in ks])
        for k, c in zip(ks, model.cost(i, j, a, b), strict=True):
            out[k] = float(c)
    return out


def explained(model: LexicalCosts, bead: tuple[range, range]) -> float:
    """Concept weight the two sides of a bead share."""
    r, z = bead
    if not (r and z):
        return 0.0
    table = model.overlaps[(len(r), len(z))]
    return float(table.get(np.array([r.start]), np.array([z.start]))[0])


def other_size(model: LexicalCosts, bead: tuple[range, range], ru_skip: bool) -> float:
    """Concept weight of the bead's side opposite the lone sentence."""
    r, z = bead
    table = model.overlaps[(max(len(r), 1), max(len(z), 1))]
    if ru_skip:
        return float(table.zh_sizes(np.array([z.start]))[0])
    return float(table.ru_sizes(np.array([r.start]))[0])


Move = tuple[float, int, int, list[tuple[range, range]]]  # extra cost, skip, neighbour, new beads


def candidates(model: LexicalCosts, beads: Beads, w: Weights, ties_only: bool = False) -> list[Move]:
    """(extra cost, skip index, neighbour index, new beads) of every change the rule allows: per skip
    and neighbour, gluing the two where the evidence ties (:func:`_tie`), else (unless ``ties_only``)
    gluing them or, gluing too dear or explaining too little, a swap."""
    costs = bead_costs(model, beads)
    ones = [c for (r, z), c in zip(beads, costs, strict=True) if len(r) == 1 and len(z) == 1]
    typical = median(ones) if ones else w.skip
    margin = w.regroup_margin * typical
    found = []
    for k, (r, z) in enumerate(beads):
        if r and z:
            continue
        for nb in (k - 1, k + 1):
            if not 0 <= nb < len(beads):
                continue
            tie = _tie(model, beads, costs, k, nb, w.regroup_tie * typical)
            if tie is not None:
                found.append((tie, k, nb, [joined(*sorted((beads[k], beads[nb]), key=_start))]))
                continue
            if ties_only:
                continue
            need = w.regroup_gain * (other_size(model, beads[nb], bool(r)) + w.alpha)
            for new, pair in _moves(beads[k], beads[nb], nb < k):
                kind = (len(pair[0]), len(pair[1]))
                if kind not in BEAD_TYPES or kind not in model.overlaps:
                    continue
                extra = sum(bead_costs(model, new)) - costs[k] - costs[nb]
                if extra <= margin and explained(model, pair) - explained(model, beads[nb]) >= need:
                    found.append((extra, k, nb, new))
                    break
    return found


def _start(bead: tuple[range, range]) -> tuple[int, int]:
    return bead[0].start, bead[1].start


def _tie(
    model: LexicalCosts, beads: Beads, costs: list[float], k: int, nb: int, limit: float
) -> float | None:
    """Extra cost of gluing lone bead ``k`` to its 1-1 neighbour ``nb`` when the evidence cannot tell
    which of the two same-side sentences the partner translates (swapping them costs at most
    ``limit`` more), else None. Either choice is a coin flip, and a wrong one loses the translation
    from its unit; the merged bead keeps it there (and scores lower)."""
    lone, other = beads[k], beads[nb]
    if not (len(other[0]) == 1 and len(other[1]) == 1) or limit <= 0:
        return None
    new, _pair = _swap(lone, other, nb < k)
    merged = joined(*sorted((lone, other), key=_start))
    if (len(merged[0]), len(merged[1])) not in model.overlaps:
        return None
    if sum(bead_costs(model, new)) - costs[k] - costs[nb] > limit:
        return None
    if _questions(model, merged) > _questions(model, other):
        return None
    return sum(bead_costs(model, [merged])) - costs[k] - costs[nb]


def _questions(model: LexicalCosts, bead: tuple[range, range]) -> float:
    """Whether the two sides of a bead hold different numbers of question marks (0 or 1)."""
    r, z = bead
    odd = model.disagreements(np.array([r.stop]), np.array([z.stop]), len(r), len(z))
    return float(odd[0, 0]) if odd.shape[1] else 0.0


def _partner(lone: tuple[range, range], other: tuple[range, range]) -> bool:
    """Whether ``other`` can take the lone sentence: a two-sided bead, or a lone one of the other side."""
    if other[0] and other[1]:
        return True
    return bool(lone[0]) != bool(other[0])


def _moves(
    lone: tuple[range, range], other: tuple[range, range], other_first: bool
) -> list[tuple[list[tuple[range, range]], tuple[range, range]]]:
    """Ways the lone sentence can join ``other``, in order of preference: (new beads, the bead
    holding it). Glued to ``other`` (see :func:`_partner`); then, when ``other`` is a 1-1, taking its
    partner and leaving ``other``'s own sentence alone (gluing keeps every sentence that explains
    something, so it comes first)."""
    first, second = (other, lone) if other_first else (lone, other)
    merged = joined(first, second)
    out = [([merged], merged)] if _partner(lone, other) else []
    if len(other[0]) == 1 and len(other[1]) == 1:
        out.append(_swap(lone, other, other_first))
    return out


def _swap(
    lone: tuple[range, range], other: tuple[range, range], other_first: bool
) -> tuple[list[tuple[range, range]], tuple[range, range]]:
    """The lone sentence paired with the 1-1 neighbour's partner, whose own sentence goes alone."""
    (r, z), (orr, oz) = lone, other
    if r:
        pair = (r, oz)
        left = (orr, range(oz.start, oz.start)) if other_first else pair
        right = pair if other_first else (orr, range(oz.stop, oz.stop))
    else:
        pair = (orr, z)
        left = (range(orr.start, orr.start), oz) if other_first else pair
        right = pair if other_first else (range(orr.stop, orr.stop), oz)
    return [left, right], pair


def joined(first: tuple[range, range], second: tuple[range, range]) -> tuple[range, range]:
    """One bead holding two adjacent beads."""
    return range(first[0].start, second[0].stop), range(first[1].start, second[1].stop)


def regroup(model: LexicalCosts, beads: Beads, w: Weights, ties_only: bool = False) -> Beads:
    """The path with the allowed changes made, cheapest first, each bead changed at most once."""
    if not w.regroup_margin:
        return beads
    used: set[int] = set()
    into: dict[int, list[tuple[range, range]]] = {}
    for _extra, k, nb, new in sorted(candidates(model, beads, w, ties_only), key=lambda move: move[:3]):
        if k in used or nb in used:
            continue
        used |= {k, nb}
        into[min(k, nb)] = new
        into[max(k, nb)] = []
    out: Beads = []
    for k, bead in enumerate(beads):
        out.extend(into.get(k, [bead]))
    return out
