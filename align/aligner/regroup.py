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


def candidates(model: LexicalCosts, beads: Beads, w: Weights) -> list[Move]:
    """(extra cost, skip index, neighbour index, new beads) of every change the rule allows: per skip
    and neighbour, gluing the two, or else (gluing too dear or explaining too little) a swap."""
    costs = bead_costs(model, beads)
    ones = [c for (r, z), c in zip(beads, costs, strict=True) if len(r) == 1 and len(z) == 1]
    margin = w.regroup_margin * (median(ones) if ones else w.skip)
    found = []
    for k, (r, z) in enumerate(beads):
        if r and z:
            continue
        for nb in (k - 1, k + 1):
            if not 0 <= nb < len(beads):
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


def regroup(model: LexicalCosts, beads: Beads, w: Weights) -> Beads:
    """The path with the allowed changes made, cheapest first, each bead changed at most once."""
    if not w.regroup_margin:
        return beads
    used: set[int] = set()
    into: dict[int, list[tuple[range, range]]] = {}
    for _extra, k, nb, new in sorted(candidates(model, beads, w), key=lambda move: move[:3]):
        if k in used or nb in used:
            continue
        used |= {k, nb}
        into[min(k, nb)] = new
        into[max(k, nb)] = []
    out: Beads = []
    for k, bead in enumerate(beads):
        out.extend(into.get(k, [bead]))
    return out
