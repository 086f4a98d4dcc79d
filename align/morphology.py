"""Russian lemmas with pymorphy3, cached, with the corrections that terminology needs.

pymorphy3 ranks parses by corpus frequency, which for terminology picks the wrong lemma in a few
well-known cases: ``большие`` → ``больший`` (we want ``большой``), ``данные`` → ``дать`` (the noun
``данные``, "data"), participles such as ``дополненная`` → ``дополнить``. :func:`lemma` prefers
adjective and noun readings of a participle (but keeps real verb forms: ``начал`` is начать), which
fixes these without word lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

import regex
from ruzh.lang.ru import fold_yo

_CYRILLIC_WORD = regex.compile(r"\p{Cyrillic}+(?:-\p{Cyrillic}+)*")
# A word: letters or digits, possibly joined by hyphens or apostrophes (``информационно-коммуникационный``).
WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
# Acronyms (ИКТ, ИИ, ООН) are kept as written: pymorphy3 would "lemmatise" ИИ to ия.
ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\p{N}]+")

# Parts of speech that, for a term, we prefer to a verb or participle reading.
_NOMINAL = ("NOUN", "ADJF", "ADJS", "COMP")
# pymorphy3 tags of names: geography, person names, surnames, organisations.
_PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn"}


def _is_abbreviation(word: str) -> bool:
    """All-capital short words (ИКТ, НИОКР, ИИ) are abbreviations: pymorphy3 would inflect them as
    ordinary words (``ИИ`` → ``ия``)."""
    return 2 <= len(word) <= 8 and word.isupper()


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The shared pymorphy3 analyzer (loading the dictionaries takes ~0.3 s, so once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


class TagFacts(NamedTuple):
    """What the rules read of a pymorphy3 tag, read once per tag: its attributes are computed on
    each access (a set intersection and a new string), and a word's parses are read many times."""

    pos: Any
    case: Any
    number: Any
    gender: Any
    grammemes: frozenset[str]


@lru_cache(maxsize=20_000)
def tag_facts(tag: Any) -> TagFacts:
    """The facts of a tag (tags are few and shared by the dictionary's words; cached by value)."""
    return TagFacts(tag.POS, tag.case, tag.number, tag.gender, frozenset(tag.grammemes))


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of a word, most likely first."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Dictionary form of a Russian word, lower-case; non-Russian words are only lower-cased.

    Participles and adjectives keep an adjective lemma (``цифровой``), so that ``дополненная``
    stays ``дополненный`` and ``данные`` becomes the noun ``данные``.
    """
    low = fold_yo(word.lower())
    if not _CYRILLIC_WORD.fullmatch(low) or _is_abbreviation(word):
        return low
    options = parses(low)
    if not options:
        return low
    best = options[0]
    if word[:1].isupper():
        # A capitalised word is more likely a name: ``Минском`` is Минск, not минский.
        best = next(
            (p for p in options if _PROPER & tag_facts(p.tag).grammemes and p.score >= best.score * 0.1), best
        )
    pos = tag_facts(best.tag).pos
    if pos in ("PRTF", "PRTS") or best.normal_form == "больший":
        for p in options:
            if tag_facts(p.tag).pos in _NOMINAL and p.score >= best.score * 0.05:
                best = p
                break
        pos = tag_facts(best.tag).pos
        if pos == "PRTF":
            # keep the participle as an adjective-like lemma: masculine nominative singular
            inflected = best.inflect({"masc", "sing", "nomn"})
            if inflected is not None:
                return fold_yo(str(inflected.word))
    if pos == "COMP" or best.normal_form == "больший":
        for p in options:
            if p.normal_form != "больший" and tag_facts(p.tag).pos in ("ADJF", "NOUN"):
                return fold_yo(str(p.normal_form))
    return fold_yo(str(best.normal_form))


@lru_cache(maxsize=300_000)
def token_key(word: str) -> str:
    """The matching key of one word: its lemma, or the word itself (lower-cased) for an acronym."""
    if ACRONYM.fullmatch(word):
        return word.lower()
    return lemma(word)


def lemma_key(text: str) -> tuple[str, ...]:
    """The lemma sequence of a phrase: how a Russian term is known to the termbase, the lexicon, the
    glossary and the checks, whatever case and number it is written in."""
    return tuple(token_key(m.group()) for m in WORD.finditer(text))


def warm(texts: Iterable[str]) -> None:
    """Parse every word of ``texts`` now, into the caches above: workers forked afterwards inherit
    them, where each worker of each pool would parse the same words again."""
    for word in {m.group() for text in texts for m in WORD.finditer(text)}:
        token_key(word)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 considers for a word, plus :func:`lemma`'s choice: a matcher
    that accepts any of them finds ``парке`` under ``парк`` even where the best parse says otherwise."""
    low = fold_yo(word.lower())
    if not _CYRILLIC_WORD.fullmatch(low) or _is_abbreviation(word):
        return frozenset({low})
    return frozenset({lemma(word)} | {fold_yo(str(p.normal_form)) for p in parses(low)})


def is_known_word(word: str) -> bool:
    """True when the Russian dictionary knows this word form (not a guess from its ending)."""
    low = fold_yo(word.lower())
    return any(p.is_known for p in parses(low))
