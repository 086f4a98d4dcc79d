"""A second look at whole Chinese words for the Russian terms the linking left without a partner,
among the words that the kept pairs leave unexplained.

The linking's significance test asks whether a pair is unlikely by chance among all the partners
the Russian term was tried with (:data:`glossary.linking.FAMILY_P`): a term seen in eight sentence
pairs meets a hundred Chinese words there, and two shared sentences with a rare word are then not
enough (сторона ~ 一边, принцип ~ 原理). Here the kept pairs of the other terms and the other
words' recurring links (a verb's translation) explain their words away first (the competition of
:func:`glossary.residual.residual_links`' claims), and the term is tried only against what is left
that could be its partner: a nominal word of two characters or more (a character is the residual
round's, with its own rules), that it meets in two sentence pairs or more, and that it accounts
for in at least half of the word's sentence pairs in the corpus (:data:`MIN_ZH_SHARE`: a common
word that a term meets twice, 表示, is some other word's). The partner must also be the term's
strongest association in the whole corpus, claimed words included (:func:`_best_strengths`): a
term whose translation another pair claimed has only its sentences' topic left (телефон ~ 信号,
воздух ~ 空中 on FLORES without a lexicon, where 手机 and 空气 are more often with them); and the
word's too (:func:`_rival_strengths`): here the term no longer competes with the paired terms,
so a word that another term explains as well (表情 with микровыражение for интерпретация, 三聚氰胺
with меламин for кислота) stays unexplained rather than go to whichever term is still unpaired.
The main linking's ranking, competition and keep rules then decide, with the word's frequency
counted in the whole corpus, claimed or not.

A term the lexicon knows takes no partner here: its renderings are its prior, and two sentence
pairs with an unknown word are more often its sentences' topic (калифорния ~ 成年人, кислота ~
三聚氰胺 on the development check) than a new rendering.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence, Set
from typing import TYPE_CHECKING

from ruzh.glossary.cooccurrence import Counts, count_units
from ruzh.glossary.units import OTHER, RuUnit, SentenceUnits

if TYPE_CHECKING:
    from ruzh.glossary.linking import Link
    from ruzh.glossary.relatives import Relatives

# A partner found here accounts for at least this share of the Chinese word's sentence pairs.
MIN_ZH_SHARE = 0.5


def unexplained_links(
    counts: Counts, holding: Sequence[int], left: Sequence[tuple[list[RuUnit], bytes]],
    unpaired: Set[tuple[str, ...]], known: Mapping[str, Sequence[str]], relatives: Relatives,
    partners: Set[tuple[tuple[str, ...], str]] = frozenset(),
) -> dict[tuple[str, ...], list[Link]]:  # fmt: skip
    """Partners of the ``unpaired`` terms the lexicon does not know among the Chinese words that no
    claim took (``left``: the claims' competition over the sentence pairs at ``holding``), tested
    against the recurring ones only (``partners``: the kept pairs, whose terms are no rivals for
    their own partners)."""
    from ruzh.glossary import linking as main  # the main linking's rules (it imports this round)

    unknown = {r for r in unpaired if " ".join(r) not in known}
    rest = unexplained_units([counts.sentences[k] for k in holding], left, unknown, counts)
    if not rest:
        return {}
    rest_counts = count_units(rest)
    rest_counts.zh = counts.zh  # the corpus's frequencies, claimed or not
    recurring = [
        ((r, z), k) for (r, z), k in rest_counts.both.items() if k >= 2 and k >= MIN_ZH_SHARE * counts.zh[z]
    ]
    tried = Counter(r for (r, _), _ in recurring)  # the family: the partners the term may still have
    rank = main._ranked(rest_counts, recurring, tried, known, relatives)
    best = _best_strengths(counts, [counts.sentences[k] for k in holding], {r for r, _ in rank})
    rivals = _rival_strengths(counts, rank, partners)
    rank = {
        (r, z): score
        for (r, z), score in rank.items()
        if (strength := main.strength(counts.both[(r, z)], counts.ru[r], counts.zh[z])) >= best[r]
        and strength > rivals[(r, z)]
    }
    links = main._compete(rest_counts, rank, prior=known)
    undecided = {pair for pair, n in links.tied.items() if n >= links.links[pair]}
    return main._kept(rest_counts, links, undecided, known, relatives)


def _best_strengths(
    counts: Counts, sentences: Sequence[SentenceUnits], terms: Set[tuple[str, ...]]
) -> dict[tuple[str, ...], float]:
    """Per term, the strongest association (:func:`glossary.linking.strength`) it has with any
    recurring nominal unit of its sentence pairs, claimed or not."""
    from ruzh.glossary import linking as main

    seen: dict[tuple[str, ...], set[str]] = {}
    for units in sentences:
        here = {u[0] for u in units.ru} & terms
        if here:
            zh = {u[0] for u in units.zh if u[0] in counts.nominal}
            for r in here:
                seen.setdefault(r, set()).update(zh)
    return {
        r: max(
            (
                main.strength(counts.both[(r, z)], counts.ru[r], counts.zh[z])
                for z in zs
                if counts.both[(r, z)] >= 2
            ),
            default=0.0,
        )
        for r, zs in seen.items()
    }


def _rival_strengths(
    counts: Counts,
    rank: Mapping[tuple[tuple[str, ...], str], float],
    partners: Set[tuple[tuple[str, ...], str]],
) -> dict[tuple[tuple[str, ...], str], float]:
    """Per ranked pair, the strongest association its Chinese word has with another Russian term in
    the whole corpus: a word that another term explains as well (表情 of микровыражение for
    интерпретация, 三聚氰胺 of меламин for кислота, where those terms kept other partners or none)
    is undecided, not a partner for the one left unpaired. A term kept with the word itself is no
    rival: the word is a rendering, and the unpaired term may be its synonym (обязанность ~ 责任,
    which ответственность keeps)."""
    from ruzh.glossary import linking as main

    wanted: dict[str, set[tuple[str, ...]]] = {}
    for r, z in rank:
        wanted.setdefault(z, set()).add(r)
    terms: dict[str, set[tuple[str, ...]]] = {z: set() for z in wanted}
    for units in counts.places:
        here = {u[0] for u in units.zh}.intersection(wanted)
        if here:
            ru = {u[0] for u in units.ru if u[0][0] != OTHER}
            for z in here:
                terms[z].update(ru)
    out = {}
    for z, rs in wanted.items():
        scores = {t: main.strength(counts.both[(t, z)], counts.ru[t], counts.zh[z]) for t in terms[z]}
        for r in rs:
            out[(r, z)] = max(
                (
                    v
                    for t, v in scores.items()
                    if t != r and counts.both[(t, z)] >= 2 and (t, z) not in partners
                ),
                default=0.0,
            )
    return out


def unexplained_units(
    sentences: Sequence[SentenceUnits], left: Sequence[tuple[list[RuUnit], bytes]],
    unpaired: Set[tuple[str, ...]], counts: Counts,
) -> list[SentenceUnits]:  # fmt: skip
    """Per sentence pair holding an unpaired term: those terms and the Chinese units that may be a
    term's partner here (nominal in the corpus, two characters or more) of which no character was
    claimed."""
    out = []
    for units, (ru, taken) in zip(sentences, left, strict=True):
        terms = tuple(u for u in ru if u[0][0] != OTHER and u[0] in unpaired)
        if not terms:
            continue
        free = tuple(
            u for u in units.zh if len(u[0]) > 1 and u[0] in counts.nominal and taken.find(1, u[1], u[2]) < 0
        )
        if free:  # every free unit is nominal, so none is verbal
            out.append(SentenceUnits(terms, free, tuple(sorted({u[0] for u in free})), ()))
    return out
