"""The competition's fast form links exactly as its plain form did, on real aligned text.

:func:`glossary.rounds.compete` sorts flat options, tests spans with ``bytearray.find`` and links a sentence
pair that recurs once per round (the samples hold each FLORES pair twice); the reference below is
the plain form it replaced (options as nested tuples, a key function, slices and
``any``), kept here only to check that every round gives the same links, ties, nested pairs and
leftovers on FLORES-200 devtest and Tatoeba with the shipped lexicon as the prior. The counts, which
count each distinct sentence pair once times its occurrences, are compared with counting one by one;
the ranking, which tests the counts of all pairs at once by array, with the rule applied pair by
pair (and the lexicon's support with asking it every question); and the ranking and the competition
split over two forked workers give the same as in one process.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from ruzh.glossary import linking, rounds
from ruzh.glossary.competition import DECISIVE_GAP, Round, enclosed_units, holds
from ruzh.glossary.cooccurrence import count_units
from ruzh.glossary.linking import _ranking, frequency_gap, link_units
from ruzh.glossary.prior import (
    PRIOR_BONUS,
    RELATED_BONUS,
    composed_share,
    lexicon_gives,
    lexicon_support,
    sounds_like,
)
from ruzh.glossary.relatives import Relatives
from ruzh.glossary.scoring import chance_tail, log_likelihood
from ruzh.glossary.spread import Workers
from ruzh.glossary.units import OTHER, SentenceUnits, sentence_units

from ruzh.pipeline.pool import worker_pool

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def _reference_compete(
    counts: Any, rank: Mapping[tuple[Any, str], float], _workers: Any = None, prior: Any = None
) -> Round:
    found = Round(impossible=linking._impossible(counts, rank), known=linking.given(prior or {}, rank))
    by_ru: dict[Any, dict[str, tuple[float, int, int, float]]] = {}
    for (r, z), score in rank.items():
        by_ru.setdefault(r, {})[z] = (-score, -linking._words(r), -len(z), frequency_gap(r, z))
    for units in counts.sentences:
        options = []
        for ru in units.ru:
            row = by_ru.get(ru[0])
            if row:
                options.extend((row[zh[0]], ru, zh) for zh in units.zh if zh[0] in row)
        inside = enclosed_units(units.zh) if options else set()
        options.sort(
            key=lambda o: (o[0], o[1][1] - o[1][2], o[2][1] - o[2][2], o[2] in inside, o[1][0], o[2][0])
        )
        ru_used = bytearray(max((u[2] for u in units.ru), default=0))
        zh_used = bytearray(max((u[2] for u in units.zh), default=0))
        _reference_link(options, found, ru_used, zh_used)
        found.left.append(([u for u in units.ru if not any(ru_used[u[1] : u[2]])], bytes(zh_used)))
    return found


def _reference_link(options: Sequence[Any], found: Round, ru_used: bytearray, zh_used: bytearray) -> None:
    seen: set[Any] = set()
    inside: set[Any] = set()
    made: list[tuple[int, int, int, int]] = []
    partner: dict[str, Any] = {}
    for i, (_, (r, rs, re_), (z, zs, ze)) in enumerate(options):
        if (r, z) in seen or (z in partner and partner[z] != r and (r, z) not in found.known):
            continue
        words = linking._words(r)
        if (any(ru_used[rs:re_]) or any(zh_used[zs:ze])) and not holds(made, (rs, re_, zs, ze), words):
            continue
        seen.add((r, z))
        partner[z] = r
        made.append((rs, re_, zs, ze))
        ru_used[rs:re_], zh_used[zs:ze] = bytes([1] * (re_ - rs)), bytes([1] * (ze - zs))
        found.links[(r, z)] += 1
        found.tied[(r, z)] += _reference_tied(options, i, ru_used, zh_used, found.impossible)
        if words > 1:
            inside.update(
                (o[1][0], o[2][0])
                for o in options
                if rs <= o[1][1]
                and o[1][2] <= re_
                and o[1][1:] != (rs, re_)
                and zs <= o[2][1]
                and o[2][2] <= ze
            )
    found.nested.update(inside)


def _reference_tied(
    options: Sequence[Any], i: int, ru_used: bytearray, zh_used: bytearray, impossible: frozenset[Any]
) -> bool:
    (score, _, _, gap), (_, rs, re_), (_, zs, ze) = options[i]
    for key, (r2, rs2, re2), (z2, zs2, ze2) in options[i + 1 :]:
        if key[0] != score:
            return False
        if key[3] - gap >= DECISIVE_GAP:
            continue
        if (rs2, re2) == (rs, re_) and not any(zh_used[zs2:ze2]) and (r2, z2) not in impossible:
            return True
        if (zs2, ze2) == (zs, ze) and not any(ru_used[rs2:re2]) and r2[0] != OTHER:
            return True
    return False


def _reference_support(r: Any, z: str, prior: Mapping[str, Sequence[str]], relatives: Relatives) -> float:
    """The lexicon's bonus, every question asked of every pair."""
    if r[0] == OTHER and len(r) > 1:
        return 0.0
    share = composed_share(r, z, prior)
    bonus = (
        PRIOR_BONUS
        if lexicon_gives(r, z, prior)
        else PRIOR_BONUS * (1.5 if share == 1.0 else 1.0) * bool(share)
    )
    related = relatives.support(r, z) or sounds_like(r, z, prior)
    return bonus or (RELATED_BONUS if related else 0.0)


def _reference_ranking(counts: Any, prior: Mapping[str, Sequence[str]], relatives: Relatives) -> dict:
    """The ranking's rule, one pair at a time."""
    total, tried = len(counts.sentences), Counter(r for r, _ in counts.both)
    rank = {}
    for (r, z), k in counts.both.items():
        a, b = counts.ru[r], counts.zh[z]
        perfect = k == a == b
        if k < 2 or (
            not perfect
            and (
                k * total <= a * b
                or (log_likelihood(k, a, b, total) < linking.G2_MIN and not relatives.renders(r, z))
            )
        ):
            continue
        support = _reference_support(r, z, prior, relatives)
        if not (support or perfect) and chance_tail(k, a, b, total) * tried[r] > linking.FAMILY_P:
            continue
        rank[(r, z)] = linking.strength(k, a, b) + support
    return rank


def test_the_ranking_is_the_rule_applied_pair_by_pair(sample: tuple, prior: dict) -> None:
    units, _ = sample
    counts = count_units(units)
    fast, plain = (
        _ranking(counts, prior, Relatives(prior)),
        _reference_ranking(counts, prior, Relatives(prior)),
    )
    assert list(fast.items()) == list(plain.items())  # the same pairs, scores and order
    supported = sum(1 for (r, z) in fast if lexicon_support(r, z, prior, Relatives(prior)))
    phrases = sum(1 for r, _ in fast if len(r) > 1 and r[0] != OTHER)
    assert len(fast) > 5000 and supported > 500 and phrases > 500  # every kind of support is compared


# (FLORES pairs, Tatoeba pairs, least links, ties and nested pairs the first round compares): the
# small sample (2,129 links, 779 ties, 743 nested pairs) already fails on the fast form's broken
# versions that were tried (enclosed flags lost, equal options taken in reverse order); the large
# one (6,400, 1,839, 2,139) is slow.
SAMPLES = {"small": (100, 250, 1500, 500, 500), "large": (300, 800, 5000, 1000, 1000)}


@pytest.fixture(scope="module", params=["small", pytest.param("large", marks=pytest.mark.slow)])
def sample(request: pytest.FixtureRequest) -> tuple[list[SentenceUnits], tuple[int, int, int]]:
    """Units of FLORES devtest pairs and Tatoeba pairs, each FLORES pair twice (as corpora repeat
    sentences: more pairs recur, so more compete on equal scores), and the least counts expected."""
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores, read_tatoeba

    flores, tatoeba, *least = SAMPLES[request.param]
    ru, zh, _ = read_flores(DATA)
    ru_t, zh_t = read_tatoeba(DATA)
    pairs = [*zip(ru[:flores], zh[:flores], strict=True), *zip(ru_t[:tatoeba], zh_t[:tatoeba], strict=True)]
    units = [sentence_units(r, z) for r, z in pairs]
    return units + units[:flores], (least[0], least[1], least[2])


@pytest.fixture(scope="module")
def prior() -> dict[str, list[str]]:
    from ruzh.glossary.pairing import lexicon_table

    return dict(lexicon_table())


def _same(a: Round, b: Round) -> None:
    assert a.links == b.links and a.tied == b.tied and a.nested == b.nested
    assert a.left == b.left


def rounds_compared(units: list[SentenceUnits], prior: dict) -> Round:
    """Both rounds over all units, each compared with the plain competition; the first round."""
    counts = count_units(units)
    relatives = Relatives(prior)
    rank = _ranking(counts, prior, relatives)
    first = linking._compete(counts, rank, prior=prior)
    _same(first, _reference_compete(counts, rank, prior=prior))
    second = {
        (r, z): linking.strength(n, counts.ru[r], counts.zh[z]) + lexicon_support(r, z, prior, relatives)
        for (r, z), n in first.links.items()
        if n >= 2
    }
    _same(linking._compete(counts, second, prior=prior), _reference_compete(counts, second, prior=prior))
    return first


def test_every_round_links_as_the_plain_competition(sample: tuple, prior: dict) -> None:
    units, (links, ties, nested) = sample
    first = rounds_compared(units, prior)
    # the comparison covers thousands of links, ties and nested pairs
    assert (
        sum(first.links.values()) > links and sum(first.tied.values()) > ties and len(first.nested) > nested
    )


def test_linking_gives_the_same_terms_as_with_the_plain_competition(
    sample: tuple, prior: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    units, _ = sample
    fast = link_units(units, prior)
    monkeypatch.setattr(linking, "_compete", _reference_compete)
    plain = link_units(units, prior)
    assert fast == plain and list(fast[0]) == list(plain[0])
    assert sum(len(v) for v in fast[0].values()) > 100


def _reference_counts(units: list[SentenceUnits]) -> tuple[Counter, Counter, Counter]:
    ru: Counter[Any] = Counter()
    zh: Counter[str] = Counter()
    both: Counter[Any] = Counter()
    for one in units:
        ru_types, zh_types = {u[0] for u in one.ru}, {u[0] for u in one.zh}
        ru.update(ru_types)
        zh.update(zh_types)
        both.update(product(ru_types, zh_types))
    return ru, zh, both


def test_counts_are_those_counted_one_by_one(sample: tuple) -> None:
    units, _ = sample
    counts = count_units(units)
    for fast, plain in zip((counts.ru, counts.zh, counts.both), _reference_counts(units), strict=True):
        assert fast == plain and list(fast) == list(plain)  # the same counts, first seen in the same order
    assert counts.sentences == units and sorted(k for p in counts.places.values() for k in p) == list(
        range(len(units))
    )
    assert len(counts.places) < len(units)  # the FLORES pairs recur


def _workers(started: list[int]) -> Workers:
    def pool() -> Any:
        started.append(1)
        return worker_pool(2, context=multiprocessing.get_context("fork"))

    return Workers(2, pool)


def test_linking_on_workers_is_the_same(sample: tuple, prior: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    units, _ = sample
    monkeypatch.setattr(linking, "SPLIT_PAIRS", 1)  # every round on the workers, however small
    monkeypatch.setattr(rounds, "SPLIT_RANKED", 1)
    started: list[int] = []
    workers = _workers(started)
    counts = count_units(units)
    relatives = Relatives(prior)
    rank = _ranking(counts, prior, relatives)
    assert list(_ranking(counts, prior, relatives, workers).items()) == list(rank.items())
    _same(linking._compete(counts, rank, workers, prior), _reference_compete(counts, rank, prior=prior))
    assert len(started) == 2  # the ranking, the sentence pairs (each worker makes the sort keys they need)
    pooled = link_units(units, prior, workers=workers)
    alone = link_units(units, prior)
    assert pooled == alone and list(pooled[0]) == list(alone[0])
    assert len(started) >= 2 + 3  # the first round's two, the second's sentence pairs, the leftovers' two


def test_small_work_stays_in_one_process(sample: tuple, prior: dict) -> None:
    units, _ = sample
    started: list[int] = []
    counts = count_units(units[:40])
    rank = _ranking(counts, prior, Relatives(prior), _workers(started))
    linking._compete(counts, rank, _workers(started))
    assert len(counts.both) < linking.SPLIT_PAIRS and len(rank) < rounds.SPLIT_RANKED and not started
