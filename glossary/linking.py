"""Pair Russian and Chinese terms over aligned sentence pairs: association, then competitive linking.

Counting which Chinese word co-occurs most with a Russian phrase lets a frequent neighbour win
(«мытьё рук» ~ 肥皂). Competitive linking (Melamed 2000, "Models of translational equivalence
among words") makes the units of each sentence pair compete instead: all units of the pair
(:mod:`glossary.units`: every word, noun phrases, Chinese compounds) are candidates, the
best-associated pair is linked first, and a unit that is linked, or overlaps a linked one, cannot
be linked again in that sentence pair. A phrase pair that always occurs together (цифровая
экономика ~ 数字经济) outranks its parts (экономика ~ 经济), because the ranking is Dice over
sentence pairs (shrunk for pairs seen only a few times), among pairs whose log-likelihood (Dunning
1993) shows they are not together by chance. The links of the first round re-rank the pairs for a
second; a pair is kept when it was linked in most of the sentence pairs that hold both, and in at
least :data:`MIN_SHARE` of the Russian unit's occurrences. A known translation (the shipped
lexicon, the termbase) wins its ties, and so does a phrase whose Chinese partner is made of the
lexicon's renderings of its words (compositional evidence: дикое животное ~ 野生动物).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ruzh.glossary.scoring import dice, log_likelihood
from ruzh.glossary.units import OTHER, RuUnit, SentenceUnits, ZhUnit, sentence_units

# Dunning's G² above this (p < 0.001 for one degree of freedom): the pair is not together by chance.
G2_MIN = 10.83
# A kept pair was linked in at least half the sentence pairs that contain both ...
MIN_LINKED = 0.5
# ... and explains at least this share of the Russian unit's occurrences (a second rendering too).
MIN_SHARE = 0.1
# Added to the ranking of a pair the lexicon or the termbase knows: it wins against an unknown pair
# of equal association, and takes its words out of the competition where it occurs.
PRIOR_BONUS = 0.5
# A partner that is a Chinese verb only (never a noun in the corpus) needs this many links: a rare
# Russian noun shares its few sentences with verbs more often than with nouns.
MIN_VERB_LINKS = 3


@dataclass(frozen=True, slots=True)
class Link:
    """A Russian unit (lemma key) and the Chinese unit linked to it, with the counts behind it."""

    ru: tuple[str, ...]
    zh: str
    links: int
    together: int
    ru_count: int
    zh_count: int
    g2: float
    known: bool

    @property
    def share(self) -> float:
        """Share of the Russian unit's sentence pairs in which this partner was linked to it."""
        return self.links / self.ru_count if self.ru_count else 0.0

    def evidence(self, total: int) -> str:
        """Why: the counts and the scores, in words."""
        prior = "; a known translation" if self.known else ""
        return (
            f"aligned: linked in {self.links} of {self.together} pairs holding both "
            f"(ru {self.ru_count}, zh {self.zh_count}, {total} pairs); G2 {self.g2:.1f}{prior}"
        )


@dataclass
class _Counts:
    sentences: list[SentenceUnits]
    ru: Counter[tuple[str, ...]]
    zh: Counter[str]
    both: Counter[tuple[tuple[str, ...], str]]
    nominal: set[str]
    verbal: set[str]


def _count(sentences: Iterable[SentenceUnits]) -> _Counts:
    counts = _Counts([], Counter(), Counter(), Counter(), set(), set())
    for units in sentences:
        counts.nominal.update(units.nominal)
        counts.verbal.update(units.verbal)
        counts.sentences.append(units)
        ru_types, zh_types = {u[0] for u in units.ru}, {u[0] for u in units.zh}
        counts.ru.update(ru_types)
        counts.zh.update(zh_types)
        counts.both.update((r, z) for r in ru_types for z in zh_types)
    return counts


def _ranking(counts: _Counts, prior: Mapping[str, Sequence[str]]) -> dict[tuple[tuple[str, ...], str], float]:
    """Dice of every pair that recurs and is associated beyond chance, plus the prior's bonus."""
    total = len(counts.sentences)
    rank = {}
    for (r, z), k in counts.both.items():
        if k < 2:
            continue
        a, b = counts.ru[r], counts.zh[z]
        perfect = k == a == b  # always together: the only evidence a handful of pairs can give
        if not perfect and (k * total <= a * b or log_likelihood(k, a, b, total) < G2_MIN):
            continue  # not more often together than chance
        rank[(r, z)] = strength(k, a, b) + _bonus(r, z, prior)
    return rank


def strength(together: int, a: int, b: int) -> float:
    """Dice, shrunk by ``k/(k+1)`` so that two sentence pairs weigh less than twenty: a rare word
    that happens to share two sentences with a name does not outrank a well-attested translation."""
    return dice(together, a, b) * together / (together + 1)


def _bonus(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> float:
    return PRIOR_BONUS if _known(r, z, prior) or _composed(r, z, prior) else 0.0


def _composed(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> bool:
    """Whether a phrase's Chinese unit is made of the lexicon's renderings of its words
    (дикое животное ~ 野生动物 = 野生 + 动物; программное обеспечение ~ 软件, which the lexicon
    gives for программный): evidence from the parts, as strong as the lexicon knowing the whole."""
    if len(r) < 2 or r[0] == OTHER:
        return False
    rest = z
    for word in r:
        for rendering in sorted(prior.get(word, ()), key=len, reverse=True):
            if rendering in rest:
                rest = rest.replace(rendering, "", 1)
                break
    return not rest


def _known(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> bool:
    """Whether the lexicon gives ``z`` for the term (the other words compete on statistics alone:
    with the lexicon's help an adjective would take 软件 from программное обеспечение)."""
    return r[0] != OTHER and z in prior.get(" ".join(r), ())


def _compete(counts: _Counts, rank: Mapping[tuple[tuple[str, ...], str], float]) -> Counter[tuple[Any, str]]:
    """One round of competitive linking: in each sentence pair, best-ranked pairs first, each span once."""
    links: Counter[tuple[Any, str]] = Counter()
    by_ru: dict[tuple[str, ...], dict[str, float]] = {}
    for (r, z), score in rank.items():
        by_ru.setdefault(r, {})[z] = score
    for units in counts.sentences:
        options: list[tuple[float, RuUnit, ZhUnit]] = []
        for ru in units.ru:
            row = by_ru.get(ru[0])
            if row:
                options.extend((row[zh[0]], ru, zh) for zh in units.zh if zh[0] in row)
        if not options:
            continue
        # best first; on a tie the longer units, so a phrase pair is linked before its parts
        options.sort(key=lambda o: (-o[0], o[1][1] - o[1][2], o[2][1] - o[2][2], o[1][0], o[2][0]))
        ru_used = bytearray(max(o[1][2] for o in options))  # characters already linked
        zh_used = bytearray(max(o[2][2] for o in options))
        seen: set[tuple[Any, str]] = set()
        for _, (r, rs, re_), (z, zs, ze) in options:
            if (r, z) in seen or any(ru_used[rs:re_]) or any(zh_used[zs:ze]):
                continue
            seen.add((r, z))
            ru_used[rs:re_] = b"\x01" * (re_ - rs)
            zh_used[zs:ze] = b"\x01" * (ze - zs)
            links[(r, z)] += 1
    return links


def link_terms(
    pairs: Iterable[tuple[str, str]], prior: Mapping[str, Sequence[str]] | None = None, rounds: int = 2
) -> tuple[dict[tuple[str, ...], list[Link]], int]:
    """Chinese partners of every Russian unit over aligned ``(ru, zh)`` sentence pairs, best first,
    and the number of sentence pairs; ``prior`` maps a space-joined lemma key to known renderings."""
    return link_units((sentence_units(ru, zh) for ru, zh in pairs), prior, rounds)


def link_units(
    sentences: Iterable[SentenceUnits], prior: Mapping[str, Sequence[str]] | None = None, rounds: int = 2
) -> tuple[dict[tuple[str, ...], list[Link]], int]:
    """:func:`link_terms` over the units of the sentence pairs (:func:`glossary.units.sentence_units`)."""
    known = prior or {}
    counts = _count(sentences)
    rank = _ranking(counts, known)
    links = _compete(counts, rank)
    for _ in range(rounds - 1):
        rank = {
            (r, z): strength(n, counts.ru[r], counts.zh[z]) + _bonus(r, z, known)
            for (r, z), n in links.items()
            if n >= 2
        }
        links = _compete(counts, rank)
    return _kept(counts, links, known), len(counts.sentences)


def _kept(
    counts: _Counts, links: Counter[tuple[Any, str]], prior: Mapping[str, Sequence[str]]
) -> dict[tuple[str, ...], list[Link]]:
    total = len(counts.sentences)
    out: dict[tuple[str, ...], list[Link]] = {}
    for (r, z), n in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        together, a, b = counts.both[(r, z)], counts.ru[r], counts.zh[z]
        if r[0] == OTHER or n < 2 or n < MIN_LINKED * together or n < MIN_SHARE * a:
            continue
        if z not in counts.nominal and (z not in counts.verbal or n < MIN_VERB_LINKS):
            continue
        g2 = log_likelihood(together, a, b, total)
        link = Link(r, z, n, together, a, b, round(g2, 1), _known(r, z, prior))
        out.setdefault(r, []).append(link)
    return out
