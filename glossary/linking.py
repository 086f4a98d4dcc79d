"""Pair Russian and Chinese terms over aligned sentence pairs: association, then competitive linking.

Counting which Chinese word co-occurs most with a Russian phrase lets a frequent neighbour win
(«мытьё рук» ~ 肥皂). Competitive linking (Melamed 2000, "Models of translational equivalence
among words") makes the units of each sentence pair compete instead: all Russian units (nouns and
noun phrases) and all Chinese units (words and nominal compounds) of the pair are candidates, the
best-associated pair is linked first, and a unit that is linked, or overlaps a linked one, cannot
be linked again in that sentence pair. A phrase pair that always occurs together (цифровая
экономика ~ 数字经济) outranks its parts (экономика ~ 经济), because the ranking is Dice over
sentence pairs (shrunk for pairs seen only a few times), among pairs whose log-likelihood (Dunning
1993) shows they are not together by chance. The links of the first round re-rank the pairs for a
second; a pair is kept when it was linked in most of the sentence pairs that hold both, and in at
least :data:`MIN_SHARE` of the Russian unit's occurrences. A known translation (the shipped
lexicon, the termbase) wins its ties.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex
from ruzh.glossary.candidates_ru import phrases
from ruzh.glossary.candidates_zh import MAX_WORDS, is_stopped, tagged
from ruzh.glossary.scoring import dice, log_likelihood

# Dunning's G² above this (p < 0.001 for one degree of freedom): the pair is not together by chance.
G2_MIN = 10.83
# A kept pair was linked in at least half the sentence pairs that contain both ...
MIN_LINKED = 0.5
# ... and explains at least this share of the Russian unit's occurrences (a second rendering too).
MIN_SHARE = 0.1
# Added to the ranking of a pair the lexicon or the termbase knows: it wins against an unknown pair
# of equal association, and takes its words out of the competition where it occurs.
PRIOR_BONUS = 0.5
_HAN = regex.compile(r"^\p{Han}+$")
# jieba flags of the Chinese words that take part: nouns (n, nr, ns, nz, …), verbal and adjectival
# nouns, abbreviations, distinguishing words, places and times. Verbs and function words (是, 有,
# 会, 成为) co-occur with everything and would steal links from the nouns that translate.
_NOMINAL = ("n", "vn", "an", "j", "b", "s", "t")


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


Unit = tuple[Any, int, int]  # (key, start, end)


def ru_units(text: str) -> list[Unit]:
    """Russian nouns and noun phrases of a sentence: ``(lemma key, start, end)``."""
    return [(p.key, p.start, p.end) for p in phrases(text)]


def zh_units(text: str) -> tuple[list[Unit], set[str]]:
    """Chinese nominal words and compounds of a sentence: ``(text, start, end)``, and their texts."""
    units: list[Unit] = []
    nominal: set[str] = set()
    run: list[tuple[str, int]] = []
    at = 0
    for pair in tagged(text):
        word, flag = pair.word, pair.flag
        start, at = at, at + len(word)
        if not _HAN.match(word):
            run = []
            continue
        if flag.startswith(_NOMINAL):
            units.append((word, start, at))
            nominal.add(word)
            run.append((word, start))
            _add_compounds(run, at, units, nominal)
        else:
            run = []
    return units, nominal


# What linking reads of one sentence pair: its Russian units, its Chinese units and the Chinese
# nominal texts. Each depends on its pair's texts alone, so a caller may compute them elsewhere.
SentenceUnits = tuple[list[Unit], list[Unit], set[str]]


def sentence_units(ru_text: str, zh_text: str) -> SentenceUnits:
    """The units of one aligned sentence pair (see :data:`SentenceUnits`)."""
    zh, nominal = zh_units(zh_text)
    return ru_units(ru_text), zh, nominal


def _add_compounds(run: list[tuple[str, int]], end: int, units: list[Unit], nominal: set[str]) -> None:
    """The compounds of two to four words that end with the last word of a nominal run."""
    for size in range(2, min(MAX_WORDS, len(run)) + 1):
        words = tuple(w for w, _ in run[-size:])
        if all(len(w) >= 2 for w in words[:-1]) and is_stopped(words) is None:
            text = "".join(words)
            units.append((text, run[-size][1], end))
            nominal.add(text)


@dataclass
class _Counts:
    sentences: list[tuple[list[Unit], list[Unit]]]
    ru: Counter[tuple[str, ...]]
    zh: Counter[str]
    both: Counter[tuple[tuple[str, ...], str]]
    nominal: set[str]


def _count(units: Iterable[SentenceUnits]) -> _Counts:
    counts = _Counts([], Counter(), Counter(), Counter(), set())
    for ru, zh, nominal in units:
        counts.nominal |= nominal
        counts.sentences.append((ru, zh))
        ru_types, zh_types = {u[0] for u in ru}, {u[0] for u in zh}
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
    return PRIOR_BONUS if z in prior.get(" ".join(r), ()) else 0.0


def _overlaps(used: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in used)


def _compete(counts: _Counts, rank: Mapping[tuple[tuple[str, ...], str], float]) -> Counter[tuple[Any, str]]:
    """One round of competitive linking: in each sentence pair, best-ranked pairs first, each span once."""
    links: Counter[tuple[Any, str]] = Counter()
    for ru, zh in counts.sentences:
        options = [(rank[(r[0], z[0])], r, z) for r in ru for z in zh if (r[0], z[0]) in rank]
        # best first; on a tie the longer units, so a phrase pair is linked before its parts
        options.sort(key=lambda o: (-o[0], o[1][1] - o[1][2], o[2][1] - o[2][2], o[1][0], o[2][0]))
        ru_used: list[tuple[int, int]] = []
        zh_used: list[tuple[int, int]] = []
        seen: set[tuple[Any, str]] = set()
        for _, (r, rs, re_), (z, zs, ze) in options:
            if (r, z) in seen or _overlaps(ru_used, rs, re_) or _overlaps(zh_used, zs, ze):
                continue
            seen.add((r, z))
            ru_used.append((rs, re_))
            zh_used.append((zs, ze))
            links[(r, z)] += 1
    return links


def link_terms(
    pairs: Iterable[tuple[str, str]],
    prior: Mapping[str, Sequence[str]] | None = None,
    rounds: int = 2,
    units: Iterable[SentenceUnits] | None = None,
) -> tuple[dict[tuple[str, ...], list[Link]], int]:
    """Chinese partners of every Russian unit over aligned ``(ru, zh)`` sentence pairs, best first,
    and the number of sentence pairs; ``prior`` maps a space-joined lemma key to known renderings.
    ``units``: the pairs' :func:`sentence_units` in order, when the caller has them (a build keeps
    them per passage); then ``pairs`` is not read."""
    known = prior or {}
    counts = _count(units if units is not None else (sentence_units(r, z) for r, z in pairs))
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
        if n < 2 or n < MIN_LINKED * together or n < MIN_SHARE * a or z not in counts.nominal:
            continue
        g2 = log_likelihood(together, a, b, total)
        link = Link(r, z, n, together, a, b, round(g2, 1), z in prior.get(" ".join(r), ()))
        out.setdefault(r, []).append(link)
    return out
