"""Pair Russian and Chinese terms over aligned sentence pairs: association, then competitive linking.

Counting which Chinese word co-occurs most with a Russian phrase lets a frequent neighbour win
(«мытьё рук» ~ 肥皂). Competitive linking (Melamed 2000, "Models of translational equivalence among
words") makes the units of each sentence pair compete instead: all units of the pair
(:mod:`glossary.units`: every word, noun phrases, Chinese compounds) are candidates, the
best-associated pair is linked first, and a unit that is linked, or overlaps a linked one, cannot be
linked again in that sentence pair; nor is a Chinese word that Chinese writes twice where Russian
names it once (海啸 … 海啸 for цунами) free the second time for another Russian unit, unless the lexicon
gives that pair. A phrase pair that always occurs together (цифровая экономика ~ 数字经济) outranks its
parts (экономика ~ 经济), because the ranking is Dice over sentence pairs (shrunk for pairs seen only
a few times), among pairs whose log-likelihood (Dunning 1993) shows they are not together by chance.
The links of the first round re-rank the pairs for a second; a pair is kept when it was linked in
most of the sentence pairs that hold both, and in at least :data:`MIN_SHARE` of the Russian unit's
occurrences. A known translation (the shipped lexicon, the termbase) wins its ties, and so does a
phrase whose Chinese partner is made of the lexicon's renderings of its words (compositional
evidence: дикое животное ~ 野生动物), or of some of its words and a rest for the others (кредитная карта
~ 信用卡: 卡 known, 信用 for кредитная). A partner is a Chinese noun, or a verb linked three times; the
lexicon's rendering of the term (or of every word of a phrase) may be any kind (диагноз ~ 诊断,
темнота ~ 黑暗), after the others (снег ~ 雪, then 下雪), and goes first among partners linked as often
(мужчина ~ 男子, not 男女). A term the lexicon knows takes a word it does not give only with three
links: two shared sentence pairs are more often the term's topic (правитель ~ 属于; 19 of 24 such
first partners on the development check's first split were not the lexicon's). A word the lexicon
lacks is helped, as by a relative, by a Chinese word that transliterates it (самоа ~ 萨摩亚, not 阿皮亚 of
the same sentences).

Most pairs of a corpus are seen two or three times, where chance decides a lot. So a pair that only
co-occurrence supports must be unlikely by chance among all the partners its Russian unit was tried
with (Fisher's exact test, Bonferroni-corrected: «директор» shares its two sentences with one of
35 occurrences of 表示, which some neighbour was bound to do); and a pair is not kept when each of
its first-round links was a tie with a rival that the counts cannot tell apart (two rare words in
the same two sentences: not enough evidence), unless general-language frequency tells them apart
(translations are about as common) or the rival is a partner the term can never keep (a verb seen
with it twice: крыло ~ 翅膀 against 折叠); and for the same reason a pair linked only twice is not kept when
its words are a hundred times apart in general use (мартейя ~ 临时). Co-occurrences inside a linked
phrase pair (большая часть ~ 大部分 holds часть and 部分) count as explained when judging the pair of
their parts. A last round pairs the Russian terms still unpaired with the dictionary words inside the
Chinese characters no link claimed (:mod:`glossary.subwords`: 酸 inside 氨基酸 for кислота), and a
residual round pairs the terms still without a partner with any span of the characters the kept
pairs leave, inside or across words, that recurs with the term more often than every unit over it
(:mod:`glossary.residual`: 村 of 村庄, 乡村 for деревня; 天 of 今天, 三天 for день).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
from ruzh.glossary.competition import Round
from ruzh.glossary.cooccurrence import Counts, count_units
from ruzh.glossary.prior import composed_share, lexicon_gives, lexicon_support, sounds_like
from ruzh.glossary.relatives import Relatives
from ruzh.glossary.residual import residual_links
from ruzh.glossary.rounds import compete, leftovers, part_occurrences
from ruzh.glossary.scoring import (
    RARE,
    chance_tail,
    dice,
    general_frequencies,
    log_likelihood,
    log_likelihoods,
)
from ruzh.glossary.spread import Workers, bounds, parts, spread
from ruzh.glossary.units import OTHER, SentenceUnits, sentence_units

# Dunning's G² above this (p < 0.001 for one degree of freedom): the pair is not together by chance.
G2_MIN = 10.83
# A pair that nothing but co-occurrence supports must be this unlikely by chance among all the
# partners its Russian unit was tried with (Fisher's exact test, Bonferroni-corrected: the family's
# p < 0.001, the level of G2_MIN). Two shared sentences then suffice between two rare words, not
# between a rare word and a common one (директор ~ 表示, 2 of 35).
FAMILY_P = 0.001
# A kept pair was linked in at least half the sentence pairs that contain both ...
MIN_LINKED = 0.5
# ... and explains at least this share of the Russian unit's occurrences (a second rendering too).
MIN_SHARE = 0.1
# A partner that is a Chinese verb only (never a noun in the corpus) needs this many links: a rare
# Russian noun shares its few sentences with verbs more often than with nouns.
MIN_VERB_LINKS = 3
# A pair that nothing but co-occurrence supports and that was linked fewer times than this ...
FEW_LINKS = MIN_VERB_LINKS
# ... is not kept when its two words are this far apart in general-language frequency (orders of
# magnitude): translations are about as common, so two shared sentences between words a hundred
# times apart are more likely a coincidence (преддверие ~ 联邦) than a translation.
FAR_GAP = 2.0
# With workers, the ranking splits over them from this many co-occurring pairs (below, starting the
# workers costs about what they save: the second round's and the leftovers' rankings stay in one
# process; the competition's threshold is :data:`glossary.rounds.SPLIT_RANKED`).
SPLIT_PAIRS = 100_000


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
    part: bool = False  # found inside or across Chinese words, in what the other links left over
    related: bool = False  # renders a word of the same stem in the lexicon (сезонный ~ 季节 for сезон)
    sounds: bool = False  # transliterates the word (самоа ~ 萨摩亚)

    @property
    def share(self) -> float:
        """Share of the Russian unit's sentence pairs in which this partner was linked to it."""
        return self.links / self.ru_count if self.ru_count else 0.0

    def evidence(self, total: int) -> str:
        """Why: the counts and the scores, in words."""
        prior = "; a known translation" if self.known else ""
        prior += "; the lexicon renders a word of the same stem so" if self.related else ""
        prior += "; a transliteration" if self.sounds else ""
        inside = (
            " (inside longer Chinese words or across them, where no other link claimed it)"
            if self.part
            else ""
        )
        return (
            f"aligned: linked in {self.links} of {self.together} pairs holding both{inside} "
            f"(ru {self.ru_count}, zh {self.zh_count}, {total} pairs); G2 {self.g2:.1f}{prior}"
        )


def _ranking(
    counts: Counts, prior: Mapping[str, Sequence[str]], relatives: Relatives, workers: Workers | None = None
) -> dict[tuple[tuple[str, ...], str], float]:
    """Dice of every pair that recurs and is associated beyond chance, plus the prior's bonus (each
    pair on its own: split over ``workers``, whose results come back as scores in the pairs' order)."""
    tried = Counter(r for r, _ in counts.both)  # how many partners each Russian unit was tried with
    pairs = [(pair, k) for pair, k in counts.both.items() if k >= 2]
    spans = bounds(len(pairs), parts(workers, len(pairs), SPLIT_PAIRS))

    def task(i: int) -> Any:
        part = pairs[spans[i][0] : spans[i][1]]
        ranked = _ranked(counts, part, tried, prior, relatives)
        return ranked if len(spans) == 1 else [ranked.get(pair) for pair, _ in part]

    found = spread(workers, task, len(spans))
    if len(spans) == 1:
        return found[0]
    scores = chain.from_iterable(found)
    return {pair: score for (pair, _), score in zip(pairs, scores, strict=True) if score is not None}


def _ranked(
    counts: Counts,
    pairs: Sequence[tuple[tuple[tuple[str, ...], str], int]],
    tried: Mapping[tuple[str, ...], int],
    prior: Mapping[str, Sequence[str]],
    relatives: Relatives,
) -> dict[tuple[tuple[str, ...], str], float]:
    """The ranking of ``pairs`` (each with its count together; ``tried``: the family of each Russian
    unit for Fisher's test), in their order. The tests on the counts alone (seen twice, always
    together, more than chance, G²) and the strength are worked out for all pairs at once by array
    (the same floats as one by one); only the pairs that pass them are asked what the lexicon says
    and, without its support, Fisher's tail."""
    ru, zh, total = counts.ru, counts.zh, len(counts.sentences)
    size = len(pairs)
    k = np.fromiter((n for _, n in pairs), np.int64, size)
    a = np.fromiter((ru[r] for (r, _), _ in pairs), np.int64, size)
    b = np.fromiter((zh[z] for (_, z), _ in pairs), np.int64, size)
    perfect = (k == a) & (k == b)  # always together: the only evidence a handful of pairs can give
    alive = (k >= 2) & (perfect | (k * total > a * b))  # else not more often together than chance
    associated = (perfect | (log_likelihoods(k, a, b, total) >= G2_MIN)).tolist()
    scores = (2.0 * k / (a + b) * k / (k + 1)).tolist()  # strength(): Dice shrunk by k/(k+1)
    perfect_list, k_list, a_list, b_list = perfect.tolist(), k.tolist(), a.tolist(), b.tolist()
    rank = {}
    for i in np.flatnonzero(alive).tolist():
        pair = pairs[i][0]
        r, z = pair
        if not associated[i] and not relatives.renders(r, z):
            continue  # not associated by G² (unless a relative's rendering: нация ~ 国家)
        support = lexicon_support(r, z, prior, relatives)
        if (
            not (support or perfect_list[i])
            and chance_tail(k_list[i], a_list[i], b_list[i], total) * tried[r] > FAMILY_P
        ):
            continue  # one of its many neighbours was bound to share its few sentences
        rank[pair] = scores[i] + support
    return rank


def strength(together: int, a: int, b: int) -> float:
    """Dice, shrunk by ``k/(k+1)`` so that two sentence pairs weigh less than twenty: a rare word
    that happens to share two sentences with a name does not outrank a well-attested translation."""
    return dice(together, a, b) * together / (together + 1)


def _compete(
    counts: Counts,
    rank: Mapping[tuple[tuple[str, ...], str], float],
    workers: Workers | None = None,
    prior: Mapping[str, Sequence[str]] | None = None,
) -> Round:
    """One round of competitive linking (:func:`glossary.rounds.compete`): in each sentence pair,
    best-ranked pairs first, each span once. On a tie, the phrase before its words (more Russian
    words), then the longer Chinese unit (a compound before its parts), then the pair whose words are
    about as common in general language (конверт ~ 信封 and голосование ~ 投票 share the same three
    sentences); of a Chinese word's occurrences, a free-standing one before one inside a compound.
    A Chinese word linked in a sentence pair takes no other partner there, unless the ``prior``
    gives that pair (:func:`glossary.competition.sentence_round`)."""
    return compete(counts, rank, _impossible(counts, rank), _sort_row, workers, given(prior or {}, rank))


def given(prior: Mapping[str, Sequence[str]], rank: Mapping[tuple[Any, str], float]) -> frozenset[Any]:
    """The ranked pairs that ``prior`` gives (a term and one of its renderings)."""
    pairs = ((tuple(k.split(" ")), z) for k, renderings in prior.items() for z in renderings)
    return frozenset(p for p in pairs if p in rank)


def _sort_row(r: tuple[str, ...], scores: Mapping[str, float]) -> dict[str, tuple[float, int, int, float]]:
    """The sort keys of ``r``'s ranked partners (``scores``): best score, more Russian words, longer
    Chinese unit, then for a word the smaller :func:`frequency_gap` (its frequency looked up once
    for the row)."""
    words = _words(r)
    ru = _log_frequency("ru", r[-1]) if words == 1 else None
    return {z: (-score, -words, -len(z), 0.0 if ru is None else _gap(ru, z)) for z, score in scores.items()}


def _impossible(
    counts: Counts, rank: Mapping[tuple[tuple[str, ...], str], float]
) -> frozenset[tuple[Any, str]]:
    """The ranked pairs whose Chinese unit can never be the term's partner: not nominal, and a verb
    seen with it fewer than :data:`MIN_VERB_LINKS` times (крыло and 折叠 of «сложить крылья»)."""
    return frozenset(
        (r, z)
        for r, z in rank
        if r[0] != OTHER
        and z not in counts.nominal
        and (z not in counts.verbal or counts.both[(r, z)] < MIN_VERB_LINKS)
    )


@lru_cache(maxsize=500_000)
def frequency_gap(r: tuple[str, ...], z: str) -> float:
    """How far apart a word and its candidate partner are in general-language frequency (orders of
    magnitude, wordfreq): translations tend to be about as common (0 for phrases, which it lists
    only in part; a word it does not list counts as rare)."""
    if _words(r) != 1:
        return 0.0
    return _gap(_log_frequency("ru", r[-1]), z)


def _gap(ru: float, z: str) -> float:  # frequency_gap of a word whose log frequency is ``ru``
    return abs(ru - _log_frequency("zh", z))


@lru_cache(maxsize=200_000)
def _log_frequency(lang: str, word: str) -> float:
    """log10 of a word's general-language frequency (once per word: the pairs share their words)."""
    return math.log10(max(general_frequencies(lang).get(word, 0.0), RARE))


def _words(r: tuple[str, ...]) -> int:
    return len(r) - 1 if r[0] == OTHER else len(r)


def link_terms(
    pairs: Iterable[tuple[str, str]], prior: Mapping[str, Sequence[str]] | None = None, rounds: int = 2
) -> tuple[dict[tuple[str, ...], list[Link]], int]:
    """Chinese partners of every Russian unit over aligned ``(ru, zh)`` sentence pairs, best first,
    and the number of sentence pairs; ``prior`` maps a space-joined lemma key to known renderings."""
    return link_units((sentence_units(ru, zh) for ru, zh in pairs), prior, rounds)


def link_units(
    sentences: Iterable[SentenceUnits],
    prior: Mapping[str, Sequence[str]] | None = None,
    rounds: int = 2,
    workers: Workers | None = None,
) -> tuple[dict[tuple[str, ...], list[Link]], int]:
    """:func:`link_terms` over the units of the sentence pairs (:func:`glossary.units.sentence_units`);
    the ranking and the competition split over ``workers`` when given (the same links)."""
    known = prior or {}
    counts = count_units(sentences)
    relatives = Relatives(known)
    rank = _ranking(counts, known, relatives, workers)
    first = last = _compete(counts, rank, workers, known)
    for _ in range(rounds - 1):
        rank = {
            (r, z): strength(n, counts.ru[r], counts.zh[z]) + lexicon_support(r, z, known, relatives)
            for (r, z), n in last.links.items()
            if n >= 2
        }
        last = _compete(counts, rank, workers, known)
    undecided = {pair for pair, n in first.tied.items() if n >= first.links[pair]}
    kept = _kept(counts, last, undecided, known, relatives)
    rest = leftovers(counts, last)
    if rest:  # the words left unpaired, against the dictionary words inside what is left of the Chinese
        rest_counts = count_units(rest)
        rest_counts.zh.update(part_occurrences(counts, rest_counts.zh) - rest_counts.zh)
        rest_rank = _ranking(rest_counts, known, relatives, workers)
        rest_links = _compete(rest_counts, rest_rank, workers, known)
        rest_undecided = {pair for pair, n in rest_links.tied.items() if n >= rest_links.links[pair]}
        for r, found in _kept(rest_counts, rest_links, rest_undecided, known, relatives).items():
            kept.setdefault(r, [replace(link, part=True) for link in found])
    kept.update(residual_links(counts, last, kept, known, relatives))
    return kept, len(counts.sentences)


def _kept(
    counts: Counts,
    found: Round,
    undecided: set[tuple[Any, str]],
    prior: Mapping[str, Sequence[str]],
    relatives: Relatives,
) -> dict[tuple[str, ...], list[Link]]:
    total = len(counts.sentences)
    out: dict[tuple[str, ...], list[Link]] = {}
    second: set[Link] = set()  # known renderings that are not what a partner must be
    for (r, z), n in sorted(found.links.items(), key=lambda kv: (-kv[1], kv[0])):
        together, a, b = counts.both[(r, z)], counts.ru[r], counts.zh[z]
        free = together - found.nested[(r, z)]  # the co-occurrences no phrase pair explains
        if r[0] == OTHER or n < 2 or n < MIN_LINKED * free or n < MIN_SHARE * a:
            continue
        supported = bool(lexicon_support(r, z, prior, relatives))
        if (r, z) in undecided and not supported:
            continue  # won every link on a tie alone
        if n < FEW_LINKS and not supported and frequency_gap(r, z) >= FAR_GAP:
            continue  # two links between words a hundred times apart in general use
        if n < FEW_LINKS and not supported and " ".join(r) in prior:
            continue  # a term the lexicon knows: two links with another word are more often its topic
        related = relatives.support(r, z)  # a relative's rendering: any kind, 2 links
        known = lexicon_gives(r, z, prior)
        sounds = not related and sounds_like(r, z, prior)  # a transliteration: a name, 2 links
        partner = related or sounds or z in counts.nominal or (z in counts.verbal and n >= MIN_VERB_LINKS)
        if not (partner or known or composed_share(r, z, prior) == 1.0):
            continue  # the lexicon's renderings (of the term or of all its words) may be any kind
        g2 = log_likelihood(together, a, b, total)
        link = Link(
            r, z, n, together, a, b, round(g2, 1), known, related=related and not known, sounds=sounds
        )
        out.setdefault(r, []).append(link)
        if not partner:
            second.add(link)
    for links in out.values():  # those after the others (雪 for снег before 下雪); a known one first on a tie
        links.sort(key=lambda link: (link in second, -link.links, not link.known))
    return out
