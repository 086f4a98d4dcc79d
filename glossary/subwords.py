"""What the linking leaves over, as units for a last round: unpaired Russian words against the
dictionary words inside the unlinked Chinese characters.

jieba writes a word sometimes alone and sometimes inside a longer one (酸 in 氨基酸, 税 in 纳税,
工资 in 工资单), so a Russian word whose translation is such a part never meets it as a unit.
After the competition, the characters that no link claimed are what the unpaired Russian words can
still explain: every dictionary word among them (one to :data:`MAX_CHARS` characters, nominal or
verbal in jieba's dictionary) becomes a unit, and the same association and competition decide.
A part of one character is a partner only where the corpus also uses it as a word of its own (海,
门), and then needs as many links as a verb does (``linking.MIN_VERB_LINKS``): a character is a
part of many words (效 of 效率, 效果); the others still compete, so that they claim what they
explain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence
from functools import lru_cache

from ruzh.glossary.candidates_zh import dictionary_flag, in_dictionary
from ruzh.glossary.units import NOMINAL_FLAGS, OTHER, RuUnit, SentenceUnits

# Longer parts are compounds the units already hold.
MAX_CHARS = 4


def leftover_units(
    sentences: Sequence[SentenceUnits], left: Sequence[tuple[list[RuUnit], bytes]], alone: Container[str]
) -> list[SentenceUnits]:
    """Per sentence pair with a Russian term left over: its unlinked terms and the dictionary words
    inside its unlinked Chinese characters (``left``: what :func:`linking._compete` left;
    ``alone``: the Chinese units of the corpus)."""
    out = []
    for units, (ru, linked) in zip(sentences, left, strict=True):
        ru = [u for u in ru if u[0][0] != OTHER]
        if not ru:
            continue  # no term left to pair here
        zh: dict[tuple[str, int, int], None] = {}
        nominal: set[str] = set()
        verbal: set[str] = set()
        for word, start, end in units.zh:
            if 0 not in linked[start:end]:
                continue  # all claimed
            for i in range(start, end):
                for j in range(i + 1, min(end, i + MAX_CHARS) + 1):
                    if any(linked[i:j]):
                        break
                    part = word[i - start : j - start]
                    kind = _kind(part)
                    if kind:
                        zh[(part, i, j)] = None
                        if j - i > 1:
                            (nominal if kind == "n" else verbal).add(part)
                        elif part in alone:
                            verbal.add(part)
        if zh:
            out.append(SentenceUnits(tuple(ru), tuple(zh), tuple(sorted(nominal)), tuple(sorted(verbal))))
    return out


def occurrences(sentences: Sequence[SentenceUnits], parts: Container[str]) -> Counter[str]:
    """In how many sentence pairs each of ``parts`` occurs inside a Chinese unit, linked or not: a
    part that is free only where its word went unlinked (控 of 控制) is not rare for that."""
    found: Counter[str] = Counter()
    for units in sentences:
        seen: set[str] = set()
        for word, _, _ in units.zh:
            n = len(word)
            seen.update(
                part
                for i in range(n)
                for j in range(i + 1, min(n, i + MAX_CHARS) + 1)
                if (part := word[i:j]) in parts
            )
        found.update(seen)
    return found


@lru_cache(maxsize=100_000)
def _kind(part: str) -> str:
    """``n`` for a nominal dictionary word, ``v`` for a verb, else empty."""
    if not in_dictionary(part):
        return ""
    flag = dictionary_flag(part)
    return "n" if flag.startswith(NOMINAL_FLAGS) else "v" if flag.startswith("v") else ""
