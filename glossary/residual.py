"""A residual round for the Russian terms the linking left without a partner: their partner may be
any span of Chinese characters, inside or across the segmenter's words.

jieba decides what a Chinese unit is, and a translation that it never writes as a word of its own
cannot be linked: 村 inside 村庄, 村民 and 乡村 for деревня, 天 inside 今天 and 三天 for день, a rendering
that jieba glues to its neighbour. After the linking, the characters that the kept pairs (and the
recurring links of the other words: a verb's translation) claim are explained; the rest of each
sentence pair is what the unpaired terms can still explain. Every span of one to
:data:`MAX_CHARS` unclaimed characters, within a word or across adjacent words, becomes a unit, and
the same association, significance and competition as in the main linking decide, with the span's
frequency counted in the whole corpus, claimed or not (a character that is everywhere is not rare
because it is free here). A character the corpus never writes alone must stand in several words
with the term, none holding most of them (光 of 光线, 阳光, 光污染 for свет; 礁 of 暗礁, 大堡礁 for
риф); it then needs two links, as a noun does, and a character it writes alone a verb's three.
Before the spans, the unclaimed whole words get a second look (:mod:`glossary.unexplained`): a
term that one of them explains takes no span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence, Set
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ruzh.glossary.candidates_zh import dictionary_flag
from ruzh.glossary.cooccurrence import Counts, count_units
from ruzh.glossary.prior import lexicon_support
from ruzh.glossary.unexplained import unexplained_links
from ruzh.glossary.units import NOMINAL_FLAGS, OTHER, RuUnit, SentenceUnits

if TYPE_CHECKING:
    from ruzh.glossary.competition import Round
    from ruzh.glossary.linking import Link
    from ruzh.glossary.relatives import Relatives

# A translation of one Russian word is rarely longer; longer spans are names jieba keeps whole.
MAX_CHARS = 4
# A character under several units takes the most nominal kind.
_ORDER = {"": 0, "o": 1, "v": 2, "n": 3}
# Runs of characters some unit covers; runs of characters no claim took.
_COVERED = re.compile("[^\0]+")
_UNCLAIMED = re.compile(b"\0+")


def residual_links(
    counts: Counts, last: Round, kept: Mapping[tuple[str, ...], list[Link]],
    known: Mapping[str, Sequence[str]], relatives: Relatives,
) -> dict[tuple[str, ...], list[Link]]:  # fmt: skip
    """Partners of the terms ``kept`` leaves unpaired among the spans of Chinese characters that the
    kept pairs and the other words' recurring links of the ``last`` round leave unclaimed, with the
    main linking's ranking, competition and rules. A span must recur with the term more often than
    every unit over it (else the main linking has judged that evidence already), and one that
    nothing in the lexicon supports must be about as common in general use as the term."""
    from ruzh.glossary import linking as main  # the main linking's rules (it imports this round)

    partners = {(r, link.zh) for r, links in kept.items() for link in links}
    claims = {  # the kept pairs, and the other words' recurring links (a verb's translation)
        (r, z): main.strength(n, counts.ru[r], counts.zh[z]) + lexicon_support(r, z, known, relatives)
        for (r, z), n in last.links.items()
        if (r, z) in partners or (r[0] == OTHER and n >= 2)
    }
    unpaired = {r for r in counts.ru if r[0] != OTHER and r not in kept}
    # no claim links an unpaired term: the claims compete only where one stands (the same links there)
    holding = sorted(
        k for units, where in counts.places.items() if any(u[0] in unpaired for u in units.ru) for k in where
    )
    left = main._compete(counts.among(holding), claims, prior=known).left
    found = unexplained_links(counts, holding, left, unpaired, known, relatives, partners)
    unpaired -= found.keys()  # whole words first: the spans are for the terms they leave
    distinct = list(counts.places.items())  # a sentence pair that recurs covers the same characters
    covered = [_covered(units) for units, _ in distinct]
    runs: list[Runs] = [((), [])] * len(counts.sentences)  # each sentence pair's characters
    for each, (_, where) in zip(covered, distinct, strict=True):
        for k in where:
            runs[k] = each
    places, rest = _residual_units(counts, holding, left, unpaired, runs)
    if not rest:
        return found
    rest_counts = count_units(rest)
    recurring = {z for (_, z), k in rest_counts.both.items() if k >= 2}
    rest_counts.zh = span_counts(covered, recurring, [len(where) for _, where in distinct])
    rank = _span_ranking(counts, rest_counts, places, rest, known, relatives)
    # a character the corpus never writes alone is ranked only where it is varied: that is evidence
    # enough for a noun's two links (one the corpus writes alone needs a verb's three)
    rest_counts.nominal.update(z for _, z in rank if len(z) == 1 and z not in counts.zh)
    # only the ranked spans can be linked: the others leave the competition (the same links)
    wanted = {z for _, z in rank}
    ranked = [replace(units, zh=tuple(u for u in units.zh if u[0] in wanted)) for units in rest]
    competing = rest_counts.among(range(len(rest)), ranked)
    # nearly every span lies inside another: no free-standing occurrence to prefer
    competing.enclosed = {k: [False] * len(units.zh) for k, units in enumerate(ranked)}
    links = main._compete(competing, rank, prior=known)
    undecided = {pair for pair, n in links.tied.items() if n >= links.links[pair]}
    found.update(
        (r, [replace(link, part=True) for link in spans])
        for r, spans in main._kept(rest_counts, links, undecided, known, relatives).items()
    )
    return found


def _residual_units(
    counts: Counts, holding: Sequence[int], left: Sequence[tuple[list[RuUnit], bytes]],
    unpaired: Container[tuple[str, ...]], runs: Sequence[Runs],
) -> tuple[list[int], list[SentenceUnits]]:  # fmt: skip
    """:func:`residual_units` of the sentence pairs at ``holding`` (``left``: theirs, in order),
    where each stands in ``counts``: each distinct sentence pair's once (it recurs with the same
    units, the same claims left and the same characters), given wherever it stands."""
    distinct = {k: i for i, where in enumerate(counts.places.values()) for k in where}
    first: dict[int, int] = {}  # per distinct sentence pair, its first place among ``holding``
    for i, k in enumerate(holding):
        first.setdefault(distinct[k], i)
    once = list(first.values())
    found, units = residual_units(
        [counts.sentences[holding[i]] for i in once], [left[i] for i in once], unpaired,
        [runs[holding[i]] for i in once],
    )  # fmt: skip
    made = {once[j]: u for j, u in zip(found, units, strict=True)}
    places, rest = [], []
    for k in holding:
        u = made.get(first[distinct[k]])
        if u is not None:
            places.append(k)
            rest.append(u)
    return places, rest


def _span_ranking(
    counts: Counts, rest_counts: Counts, places: Sequence[int], rest: Sequence[SentenceUnits],
    known: Mapping[str, Sequence[str]], relatives: Relatives,
) -> dict[tuple[tuple[str, ...], str], float]:  # fmt: skip
    """The main linking's ranking of the spans, for those about as common as the term (or that the
    lexicon supports), that recur with the term more often than every unit over them, and, for a
    character the corpus never writes alone, that stands in several words none of which holds most
    of its occurrences with the term (:func:`varied`)."""
    from ruzh.glossary import linking as main

    rank = {
        (r, z): score
        for (r, z), score in main._ranking(rest_counts, known, relatives).items()
        if lexicon_support(r, z, known, relatives) or main.frequency_gap(r, z) < main.FAR_GAP
    }
    holders = span_holders(counts.sentences, places, rest, {z for _, z in rank})
    rank = {
        (r, z): score
        for (r, z), score in rank.items()
        if all(counts.both[(r, u)] < rest_counts.both[(r, z)] for u in holders[z])
    }
    bound = {(r, z) for r, z in rank if len(z) == 1 and z not in counts.zh}
    words = span_words(counts.sentences, places, rest, bound)
    return {pair: score for pair, score in rank.items() if pair not in bound or varied(words[pair])}


def span_words(
    sentences: Sequence[SentenceUnits], places: Sequence[int], rest: Sequence[SentenceUnits],
    pairs: Set[tuple[tuple[str, ...], str]],
) -> dict[tuple[tuple[str, ...], str], Counter[str]]:  # fmt: skip
    """Per pair of ``pairs`` (a term and a span), the words of ``sentences`` that hold the span
    where it stands with the term (each sentence pair once; the shortest unit over it)."""
    found: dict[tuple[tuple[str, ...], str], Counter[str]] = {pair: Counter() for pair in pairs}
    spans = {z for _, z in pairs}
    for k, units in zip(places, rest, strict=True):
        terms = {u[0] for u in units.ru}
        seen: set[tuple[tuple[str, ...], str, str]] = set()
        for text, i, j in units.zh:
            if text not in spans:
                continue
            over = [u for u in sentences[k].zh if u[1] <= i and j <= u[2]]
            word = min(over, key=lambda u: u[2] - u[1])[0] if over else text
            seen.update((r, text, word) for r in terms if (r, text) in pairs)
        for r, text, word in seen:
            found[(r, text)][word] += 1
    return found


def varied(words: Counter[str]) -> bool:
    """Whether a character stands in two words or more with the term and none holds more than half
    of those occurrences: the character is what renders the term, the words around it vary (光 of
    光线, 阳光, 光污染 for свет), unlike a piece of one word the term meets (疗 of 治疗)."""
    total = sum(words.values())
    return len(words) >= 2 and 2 * max(words.values()) <= total


# A sentence pair's Chinese characters as the maximal runs of characters some unit covers (start and
# text; function words and punctuation break a run), and each character's kind (see :func:`_covered`).
Runs = tuple[tuple[tuple[int, str], ...], list[str]]


def residual_units(
    sentences: Sequence[SentenceUnits],
    left: Sequence[tuple[list[RuUnit], bytes]],
    unpaired: Container[tuple[str, ...]],
    runs: Sequence[Runs] | None = None,
) -> tuple[list[int], list[SentenceUnits]]:
    """Per sentence pair holding an unpaired term (and where it stands in ``sentences``): those terms
    and the spans of the characters no claim took (``left``: a competition of the kept pairs);
    ``runs``: each sentence pair's :func:`_covered`."""
    places, out = [], []
    for k, (units, (ru, taken)) in enumerate(zip(sentences, left, strict=True)):
        terms = tuple(u for u in ru if u[0][0] != OTHER and u[0] in unpaired)
        if not terms:
            continue
        found, kinds = runs[k] if runs is not None else _covered(units)
        spans: list[tuple[str, int, int]] = []
        nominal: set[str] = set()
        verbal: set[str] = set()
        for first, run in found:
            for free in _UNCLAIMED.finditer(taken[first : first + len(run)].ljust(len(run), b"\0")):
                start, end = first + free.start(), first + free.end()
                for i in range(start, end):
                    _spans_from(run[i - first : end - first], i, kinds, spans, nominal, verbal)
        if spans:
            places.append(k)
            out.append(SentenceUnits(terms, tuple(spans), tuple(sorted(nominal)), tuple(sorted(verbal))))
    return places, out


def _spans_from(
    text: str, i: int, kinds: Sequence[str],
    spans: list[tuple[str, int, int]], nominal: set[str], verbal: set[str],
) -> None:  # fmt: skip
    """The spans starting at character ``i`` (``text``: the free characters from there on). One
    character is a span when the dictionary counts it (as a verb: it needs a verb's number of
    links, unless the corpus never writes it alone and it is :func:`varied`); longer spans are nominal
    when every character lies under a nominal unit, verbal when every one lies under a nominal or
    verbal unit, and a character under neither ends them all."""
    if _countable(text[0]):
        spans.append((text[0], i, i + 1))
        verbal.add(text[0])
    all_n = kinds[i] == "n"
    if kinds[i] == "o":
        return
    for size in range(2, min(len(text), MAX_CHARS) + 1):
        kind = kinds[i + size - 1]
        if kind == "o":
            return
        all_n = all_n and kind == "n"
        span = text[:size]
        spans.append((span, i, i + size))
        (nominal if all_n else verbal).add(span)


def span_holders(
    sentences: Sequence[SentenceUnits], places: Sequence[int], rest: Sequence[SentenceUnits],
    wanted: Container[str],
) -> dict[str, set[str]]:  # fmt: skip
    """Per span of ``wanted``, the Chinese units of ``sentences`` that overlap it wherever it is a
    span of ``rest`` (``places``: where each stands in ``sentences``; the span itself, if a unit)."""
    holders: dict[str, set[str]] = {}
    for k, units in zip(places, rest, strict=True):
        for text, i, j in units.zh:
            if text in wanted:
                held = holders.setdefault(text, set())
                held.update(u for u, start, end in sentences[k].zh if start < j and i < end)
    return holders


def span_counts(runs: Iterable[Runs], spans: Set[str], times: Sequence[int] | None = None) -> Counter[str]:
    """In how many sentence pairs (their :func:`_covered` runs) each of ``spans`` stands in the
    Chinese words, claimed or not; ``times``: how often each of ``runs`` occurs (once when not
    given), in the order of first occurrence (the counts' keys come in the same order)."""
    found: Counter[str] = Counter()
    sizes = range(1, MAX_CHARS + 1)
    for k, (each, _) in enumerate(runs):
        present = {r[i : i + n] for _, r in each for n in sizes for i in range(len(r) - n + 1)} & spans
        if times is None:
            found.update(present)
        else:
            for span in present:
                found[span] += times[k]
    return found


def _covered(units: SentenceUnits) -> Runs:
    """The sentence pair's runs of characters that some Chinese unit covers (not function words,
    punctuation) and each character's kind: ``n`` under a nominal unit, ``v`` under a verb only,
    ``o`` under other units only ("" where none)."""
    size = max((u[2] for u in units.zh), default=0)
    chars, kinds = ["\0"] * size, [""] * size
    nominal, verbal = set(units.nominal), set(units.verbal)
    by_kind: dict[str, list[tuple[int, int]]] = {"o": [], "v": [], "n": []}
    for text, start, end in units.zh:
        chars[start:end] = text
        by_kind["n" if text in nominal else "v" if text in verbal else "o"].append((start, end))
    for kind, places in by_kind.items():  # the most nominal kind last: it wins
        for start, end in places:
            kinds[start:end] = [kind] * (end - start)
    return tuple((m.start(), m.group()) for m in _COVERED.finditer("".join(chars))), kinds


@lru_cache(maxsize=20_000)
def _countable(char: str) -> bool:
    """Whether jieba's dictionary makes a character a noun, a noun morpheme or a measure word (光,
    村, 天; not 远 or 救, nor a character of names, 尔)."""
    flag = dictionary_flag(char)
    return not flag.startswith("nr") and (flag.startswith(NOMINAL_FLAGS) or flag in ("q", "zg"))
