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
ends, yet its first half is the other side's sentence).
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


def candidates(model: LexicalCosts, beads: Beads, w: Weights) -> list[tuple[float, int, int]]:
    """(extra cost, skip index, neighbour index) of every merge the rule allows."""
    costs = bead_costs(model, beads)
    ones = [c for (r, z), c in zip(beads, costs, strict=True) if len(r) == 1 and len(z) == 1]
    margin = w.regroup_margin * (median(ones) if ones else w.skip)
    found = []
    for k, (r, z) in enumerate(beads):
        if r and z:
            continue
        for nb in (k - 1, k + 1):
            if not 0 <= nb < len(beads) or not _partner(beads[k], beads[nb]):
                continue
            merged = joined(beads[min(k, nb)], beads[max(k, nb)])
            kind = (len(merged[0]), len(merged[1]))
            if kind not in BEAD_TYPES or kind not in model.overlaps:
                continue
            (extra,) = bead_costs(model, [merged])
            extra -= costs[k] + costs[nb]
            if extra > margin:
                continue
            gain = explained(model, merged) - explained(model, beads[nb])
            if gain >= w.regroup_gain * (other_size(model, beads[nb], bool(r)) + w.alpha):
                found.append((extra, k, nb))
    return found


def _partner(lone: tuple[range, range], other: tuple[range, range]) -> bool:
    """Whether ``other`` can take the lone sentence: a two-sided bead, or a lone one of the other side."""
    if other[0] and other[1]:
        return True
    return bool(lone[0]) != bool(other[0])


def joined(first: tuple[range, range], second: tuple[range, range]) -> tuple[range, range]:
    """One bead holding two adjacent beads."""
    return range(first[0].start, second[0].stop), range(first[1].start, second[1].stop)


def regroup(model: LexicalCosts, beads: Beads, w: Weights) -> Beads:
    """The path with the allowed merges made, cheapest first, each bead merged at most once."""
    if not w.regroup_margin:
        return beads
    used: set[int] = set()
    into: dict[int, tuple[range, range] | None] = {}
    for _extra, k, nb in sorted(candidates(model, beads, w)):
        if k in used or nb in used:
            continue
        used |= {k, nb}
        into[min(k, nb)] = joined(beads[min(k, nb)], beads[max(k, nb)])
        into[max(k, nb)] = None
    out: Beads = []
    for k, bead in enumerate(beads):
        new = into.get(k, bead)
        if new is not None:
            out.append(new)
    return out
