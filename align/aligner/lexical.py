"""Lexical evidence: Russian lemmas looked up in the lexicon, Chinese renderings found as substrings.

Chinese is not split into words: one Aho–Corasick automaton over every rendering of the lexicon finds
all renderings inside a Chinese sentence in one pass, so word-segmentation errors cannot hide a match.
A concept is a Russian lexicon key; a Chinese sentence "contains" a concept when one of its renderings
occurs in it. Renderings of one character match by chance more often, so they weigh less.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick
import regex
from ruzh.align.lexicon import Lexicon
from ruzh.align.morphology import lemma

_RU_WORD = regex.compile(r"\p{Cyrillic}+(?:-\p{Cyrillic}+)*")

# Weight of a concept by part of speech: function words say little about which sentence is which.
POS_WEIGHT = {
    "NOUN": 1.0,
    "NAME": 1.5,
    "USER": 1.5,
    "LEARNED": 0.8,
    "VERB": 0.8,
    "ADJF": 0.8,
    "ADVB": 0.6,
    "NUMR": 1.0,
}
FUNCTION_WEIGHT = 0.3
SINGLE_CHAR_WEIGHT = 0.5
MAX_PHRASE = 3  # longest multi-word key a user lexicon may hold, in words


@dataclass(slots=True)
class Matcher:
    """A lexicon prepared for matching: key weights and one automaton over all renderings."""

    weights: dict[str, float]
    automaton: ahocorasick.Automaton | None
    phrases: bool

    def ru_concepts(self, text: str) -> dict[str, float]:
        """Lexicon keys present in a Russian sentence (by lemma), with weights."""
        lemmas = [lemma(w) for w in _RU_WORD.findall(text)]
        found: dict[str, float] = {}
        weights = self.weights
        for lem in lemmas:
            w = weights.get(lem)
            if w is not None:
                found[lem] = w
        if self.phrases:
            for size in range(2, MAX_PHRASE + 1):
                for start in range(len(lemmas) - size + 1):
                    key = " ".join(lemmas[start : start + size])
                    w = weights.get(key)
                    if w is not None:
                        found[key] = w
        return found

    def zh_concepts(self, text: str) -> dict[str, float]:
        """Lexicon keys one of whose renderings occurs in a Chinese sentence, with weights."""
        found: dict[str, float] = {}
        if self.automaton is None or not text:
            return found
        for _end, (length, keys) in self.automaton.iter(text):
            w = 1.0 if length > 1 else SINGLE_CHAR_WEIGHT
            for key in keys:
                if found.get(key, 0.0) < w:
                    found[key] = w
        return found


def build_matcher(lexicon: Lexicon) -> Matcher:
    """Prepare a lexicon for matching (about 0.1 s for 10,000 entries)."""
    weights: dict[str, float] = {}
    by_rendering: dict[str, list[str]] = {}
    for key, entry in lexicon.entries.items():
        weights[key] = POS_WEIGHT.get(entry.pos, FUNCTION_WEIGHT)
        for zh in entry.zh:
            by_rendering.setdefault(zh, []).append(key)
    automaton: ahocorasick.Automaton | None = None
    if by_rendering:
        automaton = ahocorasick.Automaton()
        for zh, keys in by_rendering.items():
            automaton.add_word(zh, (len(zh), tuple(keys)))
        automaton.make_automaton()
    return Matcher(weights, automaton, any(" " in k for k in weights))


_CACHE: dict[int, tuple[Lexicon, int, Matcher]] = {}


def matcher_for(lexicon: Lexicon) -> Matcher:
    """The matcher of a lexicon, built once per lexicon object (rebuilt when it grew)."""
    hit = _CACHE.get(id(lexicon))
    if hit is not None and hit[0] is lexicon and hit[1] == len(lexicon):
        return hit[2]
    matcher = build_matcher(lexicon)
    if len(_CACHE) >= 4:
        _CACHE.clear()
    _CACHE[id(lexicon)] = (lexicon, len(lexicon), matcher)
    return matcher
