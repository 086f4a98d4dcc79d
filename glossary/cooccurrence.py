"""Co-occurrence counts of the units of aligned sentence pairs, which every round of competitive
linking (:mod:`glossary.linking`, :mod:`glossary.rounds`, :mod:`glossary.residual`,
:mod:`glossary.unexplained`) ranks and competes over.

A corpus repeats its sentence pairs: each distinct one is counted once, times its occurrences, and
where it occurs is kept, so that a round links it once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import product

from ruzh.glossary.units import SentenceUnits


@dataclass
class Counts:
    """How often each unit, and each Russian and Chinese unit together, occur over the sentence pairs
    (a pair counted once per sentence pair that holds both), and which Chinese units may be partners."""

    sentences: list[SentenceUnits]
    ru: Counter[tuple[str, ...]]
    zh: Counter[str]
    both: Counter[tuple[tuple[str, ...], str]]
    nominal: set[str]
    verbal: set[str]
    # per sentence pair (by index), whether each Chinese unit lies inside another: for every round
    enclosed: dict[int, list[bool]] = field(default_factory=dict)
    # each distinct sentence pair and where it occurs (by index), in the order of first occurrence
    places: dict[SentenceUnits, list[int]] = field(default_factory=dict)

    def among(
        self,
        places: Sequence[int],
        sentences: Sequence[SentenceUnits] | None = None,
        enclosed: dict[int, list[bool]] | None = None,
    ) -> Counts:
        """The same counts over the sentence pairs at ``places`` only (or ``sentences`` in their
        stead, with fewer units that compete, and their ``enclosed``): a round that links nothing
        elsewhere costs less."""
        if sentences is None:
            sentences = [self.sentences[k] for k in places]
            enclosed = {i: self.enclosed[k] for i, k in enumerate(places) if k in self.enclosed}
        where: dict[SentenceUnits, list[int]] = {}
        for k, units in enumerate(sentences):
            where.setdefault(units, []).append(k)
        return replace(self, sentences=list(sentences), enclosed=enclosed or {}, places=where)


def count_units(sentences: Iterable[SentenceUnits]) -> Counts:
    """The counts, each distinct sentence pair counted once times its occurrences (in the order of
    their first occurrences, so that every count is first seen where it was in the sentences' order)."""
    counts = Counts(list(sentences), Counter(), Counter(), Counter(), set(), set())
    for k, units in enumerate(counts.sentences):
        counts.places.setdefault(units, []).append(k)
    for units, places in counts.places.items():
        times = len(places)
        counts.nominal.update(units.nominal)
        counts.verbal.update(units.verbal)
        ru_types, zh_types = {u[0] for u in units.ru}, {u[0] for u in units.zh}
        if times == 1:
            counts.ru.update(ru_types)
            counts.zh.update(zh_types)
            counts.both.update(product(ru_types, zh_types))
        else:
            counts.ru.update(dict.fromkeys(ru_types, times))
            counts.zh.update(dict.fromkeys(zh_types, times))
            counts.both.update(dict.fromkeys(product(ru_types, zh_types), times))
    return counts
