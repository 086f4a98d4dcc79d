"""Find termbase terms in text: Russian by lemma sequence, Chinese as text, with Aho-Corasick automata.

Russian: the text is tokenised, every word lemmatised once (:func:`align.morphology.lemma`, cached),
and the lemma sequence encoded as ``<l1><l2>…``; a term's key is its own lemma sequence encoded the
same way, so every case form and agreement (``цифровой экономике``, ``цифровую экономику``) hits
``цифровая экономика`` and the angle brackets keep matches on word boundaries. Chinese: the
automaton runs over the reflowed text, so a term broken over a line in the PDF is still found.
Both take leftmost-longest, non-overlapping matches (``iter_long``): inside 数字经济 the term 经济
is not counted again. Thousands of terms cost one automaton pass per text, not a regex per term.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex
from ruzh.align.morphology import ACRONYM, WORD, lemma_key, token_key
from ruzh.glossary.termbase import Concept

_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]")
SENTENCE_BREAK = "|"


@dataclass(frozen=True, slots=True)
class Hit:
    """A term found in one text: character span, the concept, and the termbase form it matched."""

    start: int
    end: int
    concept: str
    term: str


def encode(keys: Iterable[str]) -> str:
    """``<a><b>``: a lemma sequence as one string whose matches fall on word boundaries."""
    return "".join(f"<{k}>" for k in keys)


def _is_acronym_term(text: str) -> bool:
    return any(ACRONYM.fullmatch(w) for w in text.split())


def _automaton(values: Mapping[str, Sequence[Any]]) -> tuple[Any, int]:
    """An Aho-Corasick automaton over the keys, each carrying ``(key length, its values)``."""
    automaton: Any = ahocorasick.Automaton()
    for key, val in values.items():
        automaton.add_word(key, (len(key), tuple(val)))
    if values:
        automaton.make_automaton()
    return automaton, len(values)


class RussianMatcher:
    """Russian terms of many concepts, matched by lemma sequence."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        """``entries`` are ``(concept id, term)`` pairs; a term may belong to several concepts."""
        values: dict[str, list[tuple[str, str, bool]]] = {}
        for cid, term in entries:
            keys = lemma_key(term)
            if keys:
                values.setdefault(encode(keys), []).append((cid, term, _is_acronym_term(term)))
        self._auto, self.size = _automaton(values)

    def find(self, text: str) -> list[Hit]:
        """Every term occurrence in a text (spans are over ``text``)."""
        tokens = list(WORD.finditer(text))
        return self.find_tokens(text, tokens, [token_key(t.group()) for t in tokens])

    def find_tokens(self, text: str, tokens: list[Any], keys: list[str]) -> list[Hit]:
        """Like :meth:`find` when the caller has already tokenised and lemmatised the text."""
        if not self.size or not tokens:
            return []
        ends: list[int] = []
        pos = 0
        for k in keys:
            pos += len(k) + 2
            ends.append(pos - 1)
        hits: list[Hit] = []
        for end, (length, values) in self._auto.iter_long(encode(keys)):
            last = bisect.bisect_left(ends, end)
            first = bisect.bisect_left(ends, end - length + 1)
            start_char, end_char = tokens[first].start(), tokens[last].end()
            surface = text[start_char:end_char]
            for cid, term, acronym in values:
                if acronym and not _acronyms_agree(term, surface):
                    continue
                hits.append(Hit(start_char, end_char, cid, term))
        return hits


def _acronyms_agree(term: str, surface: str) -> bool:
    """An acronym term (ИИ, ООН) only counts when written in capitals in the text too."""
    t_words, s_words = term.split(), WORD.findall(surface)
    return all(not ACRONYM.fullmatch(t) or s == t for t, s in zip(t_words, s_words, strict=False))


class ChineseMatcher:
    """Chinese terms matched as text; Latin-letter terms (5G, ICT) only on word boundaries."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        """``entries`` are ``(concept id, term)`` pairs."""
        values: dict[str, list[tuple[str, str]]] = {}
        for cid, term in entries:
            text = term.strip()
            if text:
                values.setdefault(text, []).append((cid, term))
        self._auto, self.size = _automaton(values)

    def find(self, text: str) -> list[Hit]:
        """Every term occurrence in a text, leftmost-longest."""
        if not self.size:
            return []
        hits: list[Hit] = []
        for end, (length, values) in self._auto.iter_long(text):
            start = end - length + 1
            if not _boundaries_ok(text, start, end + 1):
                continue
            hits.extend(Hit(start, end + 1, cid, term) for cid, term in values)
        return hits


def _boundaries_ok(text: str, start: int, end: int) -> bool:
    """A match that starts or ends with a Latin letter or digit must not continue a longer word."""
    if _ASCII_ALNUM.match(text[start]) and start > 0 and _ASCII_ALNUM.match(text[start - 1]):
        return False
    return not (_ASCII_ALNUM.match(text[end - 1]) and end < len(text) and _ASCII_ALNUM.match(text[end]))


def matchers(concepts: Iterable[Concept]) -> tuple[RussianMatcher, ChineseMatcher]:
    """The Russian and Chinese matchers of a termbase (every status, so forbidden terms are found too)."""
    ru: list[tuple[str, str]] = []
    zh: list[tuple[str, str]] = []
    for concept in concepts:
        for term in concept.terms:
            if term.lang == "ru":
                ru.append((concept.id, term.text))
            elif term.lang == "zh":
                zh.append((concept.id, term.text))
    return RussianMatcher(ru), ChineseMatcher(zh)
