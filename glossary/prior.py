"""What the lexicon (and the termbase) says about a candidate pair of the linking.

The ranking of :mod:`glossary.linking` adds a bonus to a pair the lexicon supports: the pair itself,
its words' renderings making up the Chinese unit, a relative's rendering, or for a word the lexicon
lacks a Chinese word that transliterates it. The rules that keep or refuse a partner ask the same
questions, so they live here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ruzh.glossary.relatives import Relatives
from ruzh.glossary.units import OTHER
from ruzh.lang.translit import transliterates

# Added to the ranking of a pair the lexicon or the termbase knows: it wins against an unknown pair
# of equal association, and takes its words out of the competition where it occurs.
PRIOR_BONUS = 0.5

# Added to the ranking of a pair whose Chinese unit renders a relative of the Russian word in the
# lexicon (:mod:`glossary.relatives`: сезонный ~ 季节 for сезон), as to a known pair (half of it:
# 1 pair fewer found, 3 more wrong on the development check).
RELATED_BONUS = PRIOR_BONUS


def _bonus(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> float:
    if lexicon_gives(r, z, prior):
        return PRIOR_BONUS
    share = composed_share(r, z, prior)
    return 0.0 if not share else PRIOR_BONUS * (1.5 if share == 1.0 else 1.0)


def lexicon_support(
    r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]], relatives: Relatives
) -> float:
    """The ranking's bonus from the lexicon: the pair itself or its parts, else a relative's rendering
    or, for a word the lexicon lacks, a transliteration (самоа ~ 萨摩亚, not 阿皮亚 of its sentences).
    ``relatives`` are those of ``prior``; they keep each pair's answer, which the linking's rounds and
    rules ask again (some 350k questions on the 500-pair benchmark, one in three a repeat)."""
    if r[0] == OTHER and len(r) > 1:
        return 0.0  # a word that is not a term: the lexicon gives it nothing, has no parts or relatives
    answers = relatives.supports
    found = answers.get((r, z))
    if found is None:
        found = answers[(r, z)] = _support(r, z, prior, relatives)
    return found


def _support(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]], relatives: Relatives) -> float:
    """:func:`lexicon_support` worked out: a phrase has the lexicon's rendering or its words'; a word
    the lexicon knows, its own renderings only; any other word, a relative's rendering or a
    transliteration (the same answers as asking every question of every pair)."""
    if len(r) > 1:
        return _bonus(r, z, prior)
    if r[0] in prior:
        return PRIOR_BONUS if lexicon_gives(r, z, prior) else 0.0
    return RELATED_BONUS if relatives.support(r, z) or sounds_like(r, z, prior) else 0.0


def sounds_like(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> bool:
    return len(r) == 1 and r[0] not in prior and transliterates(r[0], z)


def composed_share(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> float:
    """The share of a phrase's words whose lexicon renderings make up its Chinese unit, if they
    make all of it (дикое животное ~ 野生动物 = 野生 + 动物: 1; программное обеспечение ~ 软件,
    which the lexicon gives for программный: ½), or all of it but a rest that a word the lexicon
    does not render can account for (кредитная карта ~ 信用卡 with карта ~ 卡 known: ½), else 0:
    evidence from the parts, as strong as the lexicon knowing the whole when every word is
    rendered, so that спутниковый телефон takes 卫星电话 (both words) rather than 卫星 (one), and
    a phrase with an unknown word takes the unit that holds the known word's rendering and more
    (млечный путь ~ 银河系, путь ~ 银河 known) rather than the known rendering alone."""
    if len(r) < 2 or r[0] == OTHER:
        return 0.0
    rest, rendered = z, 0
    for word in r:
        for rendering in sorted(prior.get(word, ()), key=len, reverse=True):
            if rendering in rest:
                rest = rest.replace(rendering, "", 1)
                rendered += 1
                break
    if rest and not 0 < rendered < len(r):
        return 0.0  # the rest needs a word of the phrase that the lexicon did not render
    return rendered / len(r)


def lexicon_gives(r: tuple[str, ...], z: str, prior: Mapping[str, Sequence[str]]) -> bool:
    """Whether the lexicon gives ``z`` for the term (the other words compete on statistics alone:
    with the lexicon's help an adjective would take 软件 from программное обеспечение)."""
    return r[0] != OTHER and z in prior.get(" ".join(r), ())
