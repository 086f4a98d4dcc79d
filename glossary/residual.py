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
because it is free here).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ruzh.glossary.candidates_zh import dictionary_flag
from ruzh.glossary.units import NOMINAL_FLAGS, OTHER, RuUnit, SentenceUnits

if TYPE_CHECKING:
    from ruzh.glossary.competition import Round
    from ruzh.glossary.linking import Link, _Counts
    from ruzh.glossary.relatives import Relatives

# A translation of one Russian word is rarely longer; longer spans are names jieba keeps whole.
MAX_CHARS = 4
# A character under several units takes the most nominal kind.
_ORDER = {"": 0, "o": 1, "v": 2, "n": 3}


def residual_links(
    counts: _Counts, last: Round, kept: Mapping[tuple[str, ...], list[Link]],
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
        (r, z): main.strength(n, counts.ru[r], counts.zh[z]) + main._support(r, z, known, relatives)
        for (r, z), n in last.links.items()
        if (r, z) in partners or (r[0] == OTHER and n >= 2)
    }
    unpaired = {r for r in counts.ru if r[0] != OTHER and r not in kept}
    holders: dict[str, set[str]] = {}
    rest = residual_units(counts.sentences, main._compete(counts, claims).left, unpaired, counts.zh, holders)
    if not rest:
        return {}
    rest_counts = main._count(rest)
    # nearly every span lies inside another: no free-standing occurrence to prefer
    rest_counts.enclosed = {k: [False] * len(units.zh) for k, units in enumerate(rest)}
    recurring = {z for (_, z), k in rest_counts.both.items() if k >= 2}
    rest_counts.zh = span_counts(counts.sentences, recurring)
    rank = {
        (r, z): score
        for (r, z), score in main._ranking(rest_counts, known, relatives).items()
        if all(counts.both[(r, u)] < rest_counts.both[(r, z)] for u in holders[z])
        and (main._support(r, z, known, relatives) or main.frequency_gap(r, z) < main.FAR_GAP)
    }
    links = main._compete(rest_counts, rank)
    undecided = {pair for pair, n in links.tied.items() if n >= links.links[pair]}
    return {
        r: [replace(link, part=True) for link in found]
        for r, found in main._kept(rest_counts, links, undecided, known, relatives).items()
    }


def residual_units(
    sentences: Sequence[SentenceUnits],
    left: Sequence[tuple[list[RuUnit], bytes]],
    unpaired: Container[tuple[str, ...]],
    alone: Container[str],
    holders: dict[str, set[str]] | None = None,
) -> list[SentenceUnits]:
    """Per sentence pair holding an unpaired term: those terms and the spans of the characters no
    claim took (``left``: a competition of the kept pairs; ``alone``: the corpus's Chinese units,
    the only single characters that may be partners, and then with a verb's number of links);
    ``holders`` gets, per span, the Chinese units that overlap it (itself, if it is one)."""
    out = []
    for units, (ru, claimed) in zip(sentences, left, strict=True):
        terms = tuple(u for u in ru if u[0][0] != OTHER and u[0] in unpaired)
        if not terms:
            continue
        chars, kinds = _covered(units)
        cover: list[list[str]] = [[] for _ in chars]  # the units over each character
        for text, start, end in units.zh:
            for p in range(start, end):
                cover[p].append(text)
        spans: dict[tuple[str, int, int], None] = {}
        nominal: set[str] = set()
        verbal: set[str] = set()
        for start, end in _runs(chars, claimed):
            for i in range(start, end):
                for j in range(i + 1, min(end, i + MAX_CHARS) + 1):
                    text = "".join(chars[i:j])
                    kind = (
                        _kind(kinds[i:j]) if j - i > 1 else "v" if text in alone and _countable(text) else ""
                    )
                    if kind:
                        spans[(text, i, j)] = None
                        (nominal if kind == "n" else verbal).add(text)
                        if holders is not None:
                            held = holders.setdefault(text, set())
                            for p in range(i, j):
                                held.update(cover[p])
        if spans:
            out.append(SentenceUnits(terms, tuple(spans), tuple(sorted(nominal)), tuple(sorted(verbal))))
    return out


def span_counts(sentences: Iterable[SentenceUnits], spans: Container[str]) -> Counter[str]:
    """In how many sentence pairs each of ``spans`` stands in the Chinese words, claimed or not."""
    found: Counter[str] = Counter()
    for units in sentences:
        chars, _ = _covered(units)
        seen: set[str] = set()
        for start, end in _runs(chars, b""):
            for i in range(start, end):
                for j in range(i + 1, min(end, i + MAX_CHARS) + 1):
                    if (text := "".join(chars[i:j])) in spans:
                        seen.add(text)
        found.update(seen)
    return found


def _covered(units: SentenceUnits) -> tuple[list[str], list[str]]:
    """The sentence's characters that some Chinese unit covers ("" elsewhere: function words,
    punctuation) and their kind: ``n`` under a nominal unit, ``v`` under a verb only, else ``o``."""
    size = max((u[2] for u in units.zh), default=0)
    chars, kinds = [""] * size, [""] * size
    nominal, verbal = set(units.nominal), set(units.verbal)
    for text, start, end in units.zh:
        kind = "n" if text in nominal else "v" if text in verbal else "o"
        for p in range(start, end):
            chars[p] = text[p - start]
            if _ORDER[kind] > _ORDER[kinds[p]]:
                kinds[p] = kind
    return chars, kinds


def _runs(chars: Sequence[str], claimed: bytes) -> Iterable[tuple[int, int]]:
    """The maximal runs of covered characters that no claim took."""
    start = None
    for p in range(len(chars) + 1):
        free = p < len(chars) and chars[p] and not (p < len(claimed) and claimed[p])
        if free and start is None:
            start = p
        elif not free and start is not None:
            yield start, p
            start = None


@lru_cache(maxsize=20_000)
def _countable(char: str) -> bool:
    """Whether jieba's dictionary makes a character a noun, a noun morpheme or a measure word (光,
    村, 天; not 远 or 救, nor a character of names, 尔)."""
    flag = dictionary_flag(char)
    return not flag.startswith("nr") and (flag.startswith(NOMINAL_FLAGS) or flag in ("q", "zg"))


def _kind(kinds: Sequence[str]) -> str:
    """A span is nominal when every character lies under a nominal unit, verbal when every one lies
    under a nominal or verbal unit and one under a verb only; else it is no partner."""
    if all(k == "n" for k in kinds):
        return "n"
    return "v" if all(k in ("n", "v") for k in kinds) else ""
