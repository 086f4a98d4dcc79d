"""Names of the corpus in both languages, paired when the Chinese one transliterates to the Russian one.

Chinese personal and place names are written in Russian by the Palladius system (习近平 → Си
Цзиньпин, 贵州 → Гуйчжоу, 宁波 → Нинбо), so a Chinese name in the Chinese documents and a
capitalised Russian name in the Russian ones that transliterate to the same letters are very
likely the same name. Conventional forms (北京 → Пекин) and foreign names (匈牙利 → Венгрия) do not
follow the system and are left to the termbase.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex
from ruzh.align.morphology import WORD, is_known_word, parses, token_key
from ruzh.lang.translit import normal, palladius

_NAME_FLAGS = ("nr", "ns", "nrfg", "nrt")
_PROPER = frozenset(("Geox", "Name", "Surn", "Patr", "Orgn", "Trad"))
_CAPITAL = regex.compile(r"^\p{Lu}[\p{Ll}-]*$")
_CYRILLIC = regex.compile(r"^\p{Cyrillic}+(?:-\p{Cyrillic}+)*$")
MIN_RATIO = 0.85


@dataclass
class NameTally:
    """A name seen in one language: its forms and documents."""

    forms: Counter[str] = field(default_factory=Counter)
    docs: Counter[str] = field(default_factory=Counter)


def merge_names(into: dict[str, NameTally], later: dict[str, NameTally]) -> None:
    """Add the name tallies of later documents."""
    for name, part in later.items():
        tally = into.setdefault(name, NameTally())
        tally.forms.update(part.forms)
        tally.docs.update(part.docs)


def merge_examples(
    into: list[tuple[str, int, str]], later: list[tuple[str, int, str]], limit: int = 3
) -> None:
    """Examples of later documents, kept while there is room and their document is new."""
    for example in later:
        if len(into) < limit and all(e[0] != example[0] for e in into):
            into.append(example)


def russian_names(text: str) -> list[str]:
    """Names in a Russian sentence: runs of capitalised words that the dictionary knows as names or
    does not know at all (the first word of the sentence only when it is a known name)."""
    found: list[str] = []
    run: list[str] = []
    prev_end = -1
    for i, m in enumerate(WORD.finditer(text)):
        word = m.group()
        joined = run and text[prev_end : m.start()].strip() == ""
        if _CYRILLIC.match(word) and _CAPITAL.match(word) and _is_name(word, first=i == 0):
            run = [*run, word] if joined else [word]
        else:
            if run:
                found.append(" ".join(run))
            run = []
        prev_end = m.end()
    if run:
        found.append(" ".join(run))
    return [_name_lemma(n) for n in found if len(n) > 2]


def _is_name(word: str, first: bool) -> bool:
    """A known proper noun, or (not first in the sentence) an unknown word or a short one such as
    the Chinese surnames Си, Ли, Ван."""
    options: tuple[Any, ...] = parses(word.lower())
    if any(p.is_known and _PROPER & p.tag.grammemes for p in options[:2]):
        return True
    return not first and (len(word) <= 3 or not any(p.is_known for p in options))


def _name_lemma(name: str) -> str:
    words = name.split()
    if len(words) > 1:
        return name  # Си Цзиньпин: Chinese names are not declined word by word reliably
    lemma = token_key(words[0])
    return lemma[:1].upper() + lemma[1:]


def chinese_names(pairs: Iterable[Any]) -> list[str]:
    """Names among jieba's tagged words (persons, places)."""
    return [p.word for p in pairs if p.flag in _NAME_FLAGS and len(p.word) >= 2]


def match_names(
    ru: Mapping[str, NameTally], zh: Mapping[str, NameTally], min_ratio: float = MIN_RATIO
) -> list[tuple[str, str, float, str]]:
    """``(ru name, zh name, similarity, transliteration)`` for names that transliterate alike."""
    by_key: dict[str, str] = {}
    for name in sorted(ru):
        key = normal(name)
        by_key.setdefault(key, name)
        if len(key) > 4 and not is_known_word(name.split()[-1]):
            by_key.setdefault(key[:-1], name)  # a case ending on a name the dictionary does not know
    # names that differ from the first letter differ: compare only within one initial (linear in the
    # number of names per letter, not quadratic in all of them)
    by_initial: dict[str, list[str]] = {}
    for key in sorted(by_key):
        by_initial.setdefault(key[:1], []).append(key)
    best: dict[str, tuple[str, str, float, str]] = {}
    for name in sorted(zh):
        cyr = palladius(name)
        if not cyr:
            continue
        target = normal(cyr)
        if target in by_key:
            found = (by_key[target], name, 1.0, cyr)
        else:
            close = difflib.get_close_matches(target, by_initial.get(target[:1], []), n=1, cutoff=min_ratio)
            if not close:
                continue
            ratio = difflib.SequenceMatcher(None, target, close[0]).ratio()
            found = (by_key[close[0]], name, round(ratio, 3), cyr)
        old = best.get(found[0])
        if old is None or found[2] > old[2]:
            best[found[0]] = found
    return sorted(best.values())
