"""One sentence pair's competition in competitive linking (:mod:`glossary.linking`): its ranked
pairs as flat options, sorted, linked best first with each span once, with the ties and the pairs
nested in a linked phrase pair recorded. It depends on the sentence pair's units and the round's
ranking only, so a sentence pair that recurs is linked once per round."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ruzh.glossary.units import OTHER, RuUnit, SentenceUnits, ZhUnit

# Translations are about as common in general language: a rival whose words are ten times further
# apart in frequency than the linked pair's does not make the link a mere tie.
DECISIVE_GAP = 1.0

# One candidate link of a sentence pair, flat so that sorting compares it in C: the pair's ranking
# key (-score, -words, -length of the Chinese unit, frequency gap), then -length of the Russian and
# of the Chinese span, whether the Chinese unit lies inside another, the two keys, the option's
# place in the sentence (a stable sort's order), the spans and the Russian unit's words.
Option = tuple[Any, ...]
_SCORE, _GAP, _RU, _ZH, _RS, _RE, _ZS, _ZE, _WORDS = 0, 3, 7, 8, 10, 11, 12, 13, 14

# A ranked pair's sort key (the first four items of its options).
SortKey = tuple[float, int, int, float]


class Rows(Protocol):
    """The ranked pairs' sort keys by Russian unit (:class:`glossary.rounds.Keys`, or a mapping)."""

    def get(self, r: tuple[str, ...], /) -> Mapping[str, SortKey] | None: ...


@dataclass
class Round:
    """What one round of linking found: links per pair, and per pair the sentence pairs in which a
    link was a tie (:func:`_tied`) or in which both units lay inside a linked phrase pair (большая
    часть ~ 大部分 holds часть and 部分: those co-occurrences are explained, not missed)."""

    links: Counter[tuple[Any, str]] = field(default_factory=Counter)
    tied: Counter[tuple[Any, str]] = field(default_factory=Counter)
    nested: Counter[tuple[Any, str]] = field(default_factory=Counter)
    # per sentence pair: its Russian units left unlinked and the Chinese characters linked
    left: list[tuple[list[RuUnit], bytes]] = field(default_factory=list)
    # pairs that can never be kept (:func:`glossary.linking._impossible`): no rivals in a tie
    impossible: frozenset[tuple[Any, str]] = frozenset()
    # pairs the lexicon gives: they may take a Chinese word that another link took in the sentence pair
    known: frozenset[tuple[Any, str]] = frozenset()


def sentence_round(
    units: SentenceUnits, by_ru: Rows, enclosed: dict[int, list[bool]], k: int,
    impossible: frozenset[tuple[Any, str]], known: frozenset[tuple[Any, str]] = frozenset(),
) -> Round:  # fmt: skip
    """What sentence pair ``k`` adds to a round: it depends on its units and the round's ranking,
    ``impossible`` and ``known`` pairs only, and links each pair once at most, so adding it to the
    round's counts adds them in link order."""
    one = Round(impossible=impossible, known=known)
    options = _options(units, by_ru, enclosed, k)
    ru_used = bytearray(max((u[2] for u in units.ru), default=0))  # characters already linked
    zh_used = bytearray(max((u[2] for u in units.zh), default=0))
    if options:
        options.sort()
        _link_sentence(options, one, ru_used, zh_used)
    one.left.append(([u for u in units.ru if ru_used.find(1, u[1], u[2]) < 0], bytes(zh_used)))
    return one


def _options(units: SentenceUnits, by_ru: Rows, enclosed: dict[int, list[bool]], k: int) -> list[Option]:
    """The ranked pairs of sentence pair ``k`` as unsorted options (see :data:`Option`); ``enclosed``
    keeps, per sentence pair, which of its Chinese units lie inside another, for every round."""
    out: list[Option] = []
    inside = enclosed.get(k)
    for r, rs, re_ in units.ru:
        row = by_ru.get(r)
        if row:
            for j, (z, zs, ze) in enumerate(units.zh):
                key = row.get(z)
                if key is not None:
                    if inside is None:
                        within = enclosed_units(units.zh)
                        inside = enclosed[k] = [u in within for u in units.zh]
                    out.append((*key, rs - re_, zs - ze, inside[j], r, z, len(out), rs, re_, zs, ze, -key[1]))
    return out


def enclosed_units(units: Sequence[ZhUnit]) -> set[ZhUnit]:
    """The Chinese units that lie strictly inside another unit of the sentence: of a word's several
    occurrences the free-standing one is linked first, leaving a compound that holds another
    (技术 of 技术决定论, 投票 of 投票箱) whole to its own partner."""
    spans = {(u[1], u[2]) for u in units}
    return {u for u in units if any(a <= u[1] and u[2] <= b and b - a > u[2] - u[1] for a, b in spans)}


def _link_sentence(options: Sequence[Option], found: Round, ru_used: bytearray, zh_used: bytearray) -> None:
    """Link one sentence pair's sorted options, marking the characters linked, and record ties and
    the pairs that lie inside a linked phrase pair. A Chinese word written twice in the sentence
    has one partner there: the second 海啸 of «Предупреждений о цунами не было … не будет» (没有发布
    海啸预警 … 不会发布海啸预警) is цунами's again, not free for предупреждение (Chinese repeats a
    noun that Russian leaves out), unless the lexicon gives the other pair (the first 男子 of a
    sentence pair taken by супергигант, its topic, the second is still мужчина's)."""
    seen: set[tuple[Any, str]] = set()
    inside: set[tuple[Any, str]] = set()
    by_word: dict[tuple[int, int], list[Option]] | None = None
    made: list[tuple[int, int, int, int]] = []
    partner: dict[str, Any] = {}  # each Chinese type's partner in this sentence pair
    for i, o in enumerate(options):
        r, z, rs, re_, zs, ze, words = o[_RU], o[_ZH], o[_RS], o[_RE], o[_ZS], o[_ZE], o[_WORDS]
        if partner.get(z, r) != r and (r, z) not in found.known:
            continue
        if ru_used.find(1, rs, re_) >= 0 or zh_used.find(1, zs, ze) >= 0:
            if words < 2 or (r, z) in seen or not holds(made, (rs, re_, zs, ze), words):
                continue
        elif (r, z) in seen:
            continue
        seen.add((r, z))
        partner[z] = r
        made.append((rs, re_, zs, ze))
        ru_used[rs:re_] = b"\x01" * (re_ - rs)
        zh_used[zs:ze] = b"\x01" * (ze - zs)
        found.links[(r, z)] += 1
        if _tied(options, i, ru_used, zh_used, found.impossible):
            found.tied[(r, z)] += 1
        if words > 1:
            if by_word is None:
                by_word = {}
                for p in options:
                    by_word.setdefault((p[_RS], p[_RE]), []).append(p)
            inside.update(
                (p[_RU], p[_ZH])
                for span, group in by_word.items()
                if rs <= span[0] and span[1] <= re_ and span != (rs, re_)
                for p in group
                if zs <= p[_ZS] and p[_ZE] <= ze
            )
    found.nested.update(inside)


def holds(made: Sequence[tuple[int, int, int, int]], span: tuple[int, int, int, int], words: int) -> bool:
    """Whether a phrase pair may be linked over the links already made in its spans: each of them
    lies strictly inside both of its units (спутниковый телефон ~ 卫星电话 over телефон ~ 电话, not
    ~ 电话 itself), as phrase pairs are consistent with their word links in phrase-based translation
    (Och and Ney 2004)."""
    rs, re_, zs, ze = span
    if words < 2:
        return False
    overlapping = [m for m in made if (m[0] < re_ and rs < m[1]) or (m[2] < ze and zs < m[3])]
    return all(
        rs <= a and b <= re_ and (a, b) != (rs, re_) and zs <= c and d <= ze and (c, d) != (zs, ze)
        for a, b, c, d in overlapping
    )


def _tied(
    options: Sequence[Option], i: int, ru_used: bytearray, zh_used: bytearray,
    impossible: frozenset[tuple[Any, str]] = frozenset(),
) -> bool:  # fmt: skip
    """Whether the link ``options[i]`` had a rival of the same score for one of its two units whose
    other unit was still free: the counts could not tell the two apart. A Russian word that is not
    a term (a verb, an adjective) is no rival for the Chinese unit: it is never paired, and a
    Chinese noun shared by a noun and a verb is the noun's more often (супергерой ~ 超级英雄,
    постельный клоп ~ 臭虫). Nor is a Chinese unit the term can never keep (``impossible``)."""
    o = options[i]
    score, gap, rs, re_, zs, ze = o[_SCORE], o[_GAP], o[_RS], o[_RE], o[_ZS], o[_ZE]
    for j in range(i + 1, len(options)):
        p = options[j]
        if p[_SCORE] != score:
            return False
        if p[_GAP] - gap >= DECISIVE_GAP:
            continue  # the rival's words are far apart in general frequency: not a true rival
        free = p[_RS] == rs and p[_RE] == re_ and zh_used.find(1, p[_ZS], p[_ZE]) < 0
        if free and (p[_RU], p[_ZH]) not in impossible:  # a partner the term could keep
            return True
        if p[_ZS] == zs and p[_ZE] == ze and ru_used.find(1, p[_RS], p[_RE]) < 0 and p[_RU][0] != OTHER:
            return True
    return False
