"""One round of competitive linking over a corpus (:mod:`glossary.linking` sets its rules).

A corpus repeats its sentence pairs, and a sentence pair's competition depends only on its units
and the round's ranking (:func:`glossary.competition.sentence_round`): so each distinct sentence
pair is linked once per round and its counts are added times its occurrences, in the order of their
first occurrences (every counter gets its keys in the order that linking one by one gives). With
workers, the distinct sentence pairs split over them (:mod:`glossary.spread`), each worker making
the sort keys of the ranked pairs its sentence pairs hold (:class:`Keys`); the results are put
together in the same order, so the links are the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Mapping
from itertools import chain
from typing import Any

from ruzh.glossary.competition import Round, SortKey, sentence_round
from ruzh.glossary.cooccurrence import Counts
from ruzh.glossary.spread import Workers, bounds, parts, spread
from ruzh.glossary.subwords import leftover_units, occurrences
from ruzh.glossary.units import SentenceUnits

# With workers, the competition splits over them from this many ranked pairs
# (below, starting the workers costs about what they save: the second round's and the leftovers'
# competitions stay in one process).
SPLIT_RANKED = 20_000

Pair = tuple[tuple[str, ...], str]


def compete(
    counts: Counts,
    rank: Mapping[Pair, float],
    impossible: frozenset[tuple[Any, str]],
    sort_row: Callable[[tuple[str, ...], Mapping[str, float]], dict[str, SortKey]],
    workers: Workers | None = None,
    known: frozenset[tuple[Any, str]] = frozenset(),
) -> Round:
    """The round of ``rank`` over the sentence pairs of ``counts``, each pair's options ordered by
    their sort keys (``sort_row(r, scores)``: those of ``r``'s ranked partners, one row per Russian
    unit; ``known``: the pairs the lexicon gives); the Chinese units' enclosure found on the way is
    kept in ``counts`` for the next round."""
    found = Round(impossible=impossible, known=known)
    by_ru = Keys(rank, sort_row)
    distinct = list(counts.places.items())  # a sentence pair that recurs links as it did before
    spans = bounds(len(distinct), parts(workers, len(rank), SPLIT_RANKED))

    def task(i: int) -> list[tuple[Round, list[bool] | None]]:
        out = []
        for units, places in distinct[spans[i][0] : spans[i][1]]:
            one = sentence_round(units, by_ru, counts.enclosed, places[0], found.impossible, known)
            one.impossible = one.known = frozenset()  # the round's, not sent back with each sentence pair
            out.append((one, counts.enclosed.get(places[0])))
        return out

    left: list[Any] = [None] * len(counts.sentences)
    done = chain.from_iterable(spread(workers, task, len(spans)))
    for (_, places), (one, inside) in zip(distinct, done, strict=True):
        _add(found.links, one.links, len(places))
        _add(found.tied, one.tied, len(places))
        _add(found.nested, one.nested, len(places))
        if inside is not None:
            counts.enclosed.setdefault(places[0], inside)  # for the next round (found by a worker)
        for k in places:
            left[k] = (list(one.left[0][0]), one.left[0][1])
    found.left = left
    return found


class Keys:
    """The ranked pairs' sort keys by Russian unit (what :func:`glossary.competition.sentence_round`
    looks up), each unit's row made when a sentence pair first asks for it: on a worker, for the
    units of its own sentence pairs only, with nothing to send back or to fork for beforehand."""

    __slots__ = ("_rows", "_scores", "_sort_row")

    def __init__(
        self,
        rank: Mapping[Pair, float],
        sort_row: Callable[[tuple[str, ...], Mapping[str, float]], dict[str, SortKey]],
    ) -> None:
        scores: dict[tuple[str, ...], dict[str, float]] = {}
        for (r, z), score in rank.items():
            row = scores.get(r)
            if row is None:
                row = scores[r] = {}
            row[z] = score
        self._scores, self._sort_row = scores, sort_row
        self._rows: dict[tuple[str, ...], dict[str, SortKey]] = {}

    def get(self, r: tuple[str, ...]) -> dict[str, SortKey] | None:
        """The sort keys of ``r``'s ranked partners, or ``None`` when it has none."""
        row = self._rows.get(r)
        if row is None:
            scores = self._scores.get(r)
            if scores is None:
                return None
            row = self._rows[r] = self._sort_row(r, scores)
        return row


def _add(total: Counter[Any], one: Counter[Any], times: int) -> None:
    """Add a sentence pair's counts ``times`` (keys first seen in the same order as one by one)."""
    if times == 1:
        total.update(one)
    else:
        for pair, n in one.items():
            total[pair] += n * times


def leftovers(counts: Counts, last: Round) -> list[SentenceUnits]:
    """:func:`glossary.subwords.leftover_units` of each distinct sentence pair once: one that recurs
    was linked the same way each time, and leaves the same. (Not on workers: most of its time is
    jieba's dictionary, which each worker would load again.)"""
    each: list[list[SentenceUnits]] = [[] for _ in counts.sentences]
    for units, places in counts.places.items():
        found = leftover_units([units], [last.left[places[0]]], counts.zh)
        for k in places:
            each[k] = found
    return list(chain.from_iterable(each))


def part_occurrences(counts: Counts, wanted: Container[str]) -> Counter[str]:
    """:func:`glossary.subwords.occurrences` over the sentence pairs, each distinct one counted once."""
    found: Counter[str] = Counter()
    for units, places in counts.places.items():
        for part in occurrences([units], wanted):
            found[part] += len(places)
    return found
