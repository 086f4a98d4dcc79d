"""Russian term candidates: noun phrases from morphological patterns, in canonical form.

Patterns over consecutive words with nothing but spaces between them (a comma or a bracket ends
a phrase): NOUN (a word whose likeliest reading is a noun), ADJ+NOUN, ADJ+ADJ+NOUN, NOUN+NOUN(gen),
ADJ+NOUN+NOUN(gen); two nouns are not read as head and genitive when the first can be an adjective
agreeing with the second. Adjectives include
participles and must agree with their noun in case, number and (in the singular) gender; some
pymorphy3 parse of each word must make the pattern grammatical. The canonical form puts the head
noun in the nominative (keeping the number seen in the text), restores the agreement of its
adjectives with ``inflect`` and leaves a genitive dependent as written: ``цифровой трансформации
экономики`` → ``цифровая трансформация экономики``. Pronominal and ordinal adjectives (этот,
наш, первый) are excluded by their tags; other generic phrases by ``data/stop_ru.tsv``
(:mod:`glossary.collect_ru`, which counts the phrases over a corpus).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import regex
from ruzh.align.morphology import WORD, parses, tag_facts, token_key
from ruzh.lang.ru import fold_yo

_CYRILLIC = regex.compile(r"\p{Cyrillic}+(?:-\p{Cyrillic}+)*")
_PROPER = frozenset(("Geox", "Name", "Surn", "Patr", "Orgn", "Trad"))
_ADJ_POS = ("ADJF", "PRTF")
# A reading at least this likely, relative to the word's most likely one, is considered: «вещей» is
# вещь (0.93) and hardly вещий (0.02), «стали» стать (0.98) and hardly сталь (0.01).
_MIN_SCORE = 0.05


@dataclass(frozen=True, slots=True)
class Phrase:
    """One pattern match: lemma key, the words as written, the pattern, the span in the text."""

    key: tuple[str, ...]
    words: tuple[str, ...]
    pattern: str
    start: int
    end: int

    @property
    def form(self) -> str:
        """The canonical form (computed on demand: only candidates that are kept need it)."""
        return canonical(self.pattern, self.words) or " ".join(self.words)


class _Reading(NamedTuple):
    """A parse with the grammemes agreement looks at, read once (pymorphy3's tag attributes are
    costly to read, and a phrase pattern compares them for every pair of parses)."""

    parse: Any
    case: str | None
    number: str | None
    gender: str | None
    common: bool  # common gender («сирота»): agrees with either


def _reading(parse: Any) -> _Reading:
    tag = tag_facts(parse.tag)
    return _Reading(parse, tag.case, tag.number, tag.gender, "GNdr" in tag.grammemes)


@lru_cache(maxsize=200_000)
def _readings(word: str) -> tuple[tuple[_Reading, ...], tuple[_Reading, ...]]:
    """The plausible adjective parses and noun parses of a word (cached: words recur far more than
    the phrases they form, and reading pymorphy3's tags is the costly part)."""
    tags = _nominal(word)
    return (
        tuple(_reading(p) for p in tags if tag_facts(p.tag).pos in _ADJ_POS),
        tuple(_reading(p) for p in tags if tag_facts(p.tag).pos == "NOUN"),
    )


# pymorphy3 parts of speech of the words found in nearly every Russian sentence.
_FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED"})


@lru_cache(maxsize=20_000)
def is_function_word(word: str) -> bool:
    """The dictionary knows the word as a preposition, conjunction, particle or pronoun."""
    return any(tag_facts(p.tag).pos in _FUNCTION_WORDS and p.is_known for p in parses(word))


def _nominal(word: str) -> list[Any]:
    """Plausible adjective and noun parses of a word (pronominal and ordinal adjectives left out)."""
    options = parses(fold_yo(word.lower()))
    if not options:
        return []
    top = options[0].score or 1.0
    out = []
    for p in options:
        if p.score < top * _MIN_SCORE:
            continue
        tag = tag_facts(p.tag)
        if tag.pos == "NOUN" or (tag.pos in _ADJ_POS and not {"Apro", "Anum"} & tag.grammemes):
            out.append(p)
    return out


def _agree(adj: _Reading, noun: _Reading) -> bool:
    if adj.case != noun.case or adj.number != noun.number:
        return False
    if adj.number == "plur" or adj.gender is None or noun.gender is None or noun.common:
        return True
    return adj.gender == noun.gender


def _word_form(parse: Any, word: str, grammemes: set[str]) -> str | None:
    inflected = parse.inflect(grammemes) if grammemes else parse
    if inflected is None:
        return None
    text = str(inflected.word)
    if _is_proper(parse) or (word[:1].isupper() and word[1:2].isupper()):
        return word if word[1:2].isupper() else text[:1].upper() + text[1:]
    return text


def _is_proper(parse: Any) -> bool:
    return bool(_PROPER & tag_facts(parse.tag).grammemes)


def _adj_form(adj: Any, noun: Any, word: str) -> str | None:
    wanted = {"nomn", noun.tag.number or "sing"}
    if noun.tag.number == "sing" and noun.tag.gender is not None:
        wanted.add(str(noun.tag.gender))
    return _word_form(adj, word, wanted)


def _head_form(noun: Any, word: str) -> str | None:
    number = noun.tag.number or "sing"
    return _word_form(noun, word, {"nomn", number})


def _runs(text: str) -> Iterator[list[Any]]:
    """Runs of Cyrillic words separated only by spaces (punctuation ends a run)."""
    run: list[Any] = []
    prev_end = 0
    for m in WORD.finditer(text):
        joined = run and text[prev_end : m.start()].strip() == ""
        if not _CYRILLIC.fullmatch(m.group()):
            if run:
                yield run
            run = []
        elif joined:
            run.append(m)
        else:
            if run:
                yield run
            run = [m]
        prev_end = m.end()
    if run:
        yield run


def phrases(text: str) -> list[Phrase]:
    """Every pattern match in a Russian text, with its canonical form."""
    return list(_phrases(text))


@lru_cache(maxsize=50_000)
def _phrases(text: str) -> tuple[Phrase, ...]:
    """Cached: the pairing reads the aligned units, which are sentences the collector read already."""
    found: list[Phrase] = []
    for run in _runs(text):
        words = tuple(m.group() for m in run)
        readings = [_readings(w) for w in words]
        for i in range(len(run)):
            if _single(words[i]) is not None:
                found.append(
                    Phrase((token_key(words[i]),), words[i : i + 1], "NOUN", run[i].start(), run[i].end())
                )
            if not (readings[i][0] or readings[i][1]):
                continue  # every pattern starts with an adjective or a noun
            for pattern, roles in _PATTERNS:
                size = len(roles)
                if i + size > len(run) or not _may_fit(roles, readings[i : i + size]):
                    continue
                span = words[i : i + size]
                if _match(pattern, span) is not None:
                    key = tuple(token_key(w) for w in span)
                    found.append(Phrase(key, span, pattern, run[i].start(), run[i + size - 1].end()))
    return tuple(found)


# The patterns longer than one word, with the reading each word needs (adjective or noun).
_PATTERNS = (
    ("ADJ+NOUN", "an"),
    ("ADJ+ADJ+NOUN", "aan"),
    ("NOUN+NOUN(gen)", "nn"),
    ("ADJ+NOUN+NOUN(gen)", "ann"),
)


def _may_fit(roles: str, readings: list[tuple[tuple[_Reading, ...], tuple[_Reading, ...]]]) -> bool:
    """Whether every word has a reading of the kind its place needs: most spans fail here, before
    :func:`_match` compares any grammemes."""
    return all(adjs if role == "a" else nouns for role, (adjs, nouns) in zip(roles, readings, strict=True))


Plan = tuple[tuple[str, Any, Any], ...]


@lru_cache(maxsize=100_000)
def canonical(pattern: str, words: tuple[str, ...]) -> str | None:
    """The dictionary form of a match: adjectives agree with the head in the nominative, the head
    keeps its number, a genitive dependent stays as written; ``None`` when the words do not fit."""
    if pattern == "NOUN":
        return _single(words[0])
    plan = _match(pattern, words)
    if plan is None:
        return None
    parts = []
    for (kind, parse, head), word in zip(plan, words, strict=True):
        if kind == "adj":
            parts.append(_adj_form(parse, head, word))
        elif kind == "head":
            parts.append(_head_form(parse, word))
        else:
            parts.append(_dependent(word, list(parse)))
    return _join(*parts)


@lru_cache(maxsize=500_000)
def _match(pattern: str, words: tuple[str, ...]) -> Plan | None:
    """How the words fit the pattern (``(role, parse, its head)`` per word), else ``None``."""
    readings = [_readings(w) for w in words]
    adjs = [a for a, _ in readings]
    nouns = [n for _, n in readings]
    if pattern == "ADJ+NOUN":
        for n in nouns[1]:
            for a in adjs[0]:
                if _agree(a, n):
                    return (("adj", a.parse, n.parse), ("head", n.parse, None))
    elif pattern == "ADJ+ADJ+NOUN":
        for n in nouns[2]:
            for a1 in adjs[0]:
                if not _agree(a1, n):
                    continue
                for a2 in adjs[1]:
                    if _agree(a2, n):
                        head = n.parse
                        return (("adj", a1.parse, head), ("adj", a2.parse, head), ("head", head, None))
    elif pattern == "NOUN+NOUN(gen)":
        if _agreeing(adjs[0], nouns[1]):
            return None  # «городских сетей» is an adjective and its noun, not two nouns
        if any(g.case == "gent" for g in nouns[1]):
            for n in nouns[0]:
                return (("head", n.parse, None), ("dep", tuple(g.parse for g in nouns[1]), None))
    elif pattern == "ADJ+NOUN+NOUN(gen)" and any(g.case == "gent" for g in nouns[2]):
        for n in nouns[1]:
            for a in adjs[0]:
                if _agree(a, n):
                    dep = tuple(g.parse for g in nouns[2])
                    return (("adj", a.parse, n.parse), ("head", n.parse, None), ("dep", dep, None))
    return None


def _agreeing(adjs: Iterable[_Reading], nouns: Iterable[_Reading]) -> bool:
    return any(_agree(a, n) for a in adjs for n in nouns)


@lru_cache(maxsize=200_000)
def _single(word: str) -> str | None:
    """The dictionary form of a word read as a noun at least half as likely as its likeliest reading
    («данные»: the noun and the participle tie), else ``None``."""
    options = parses(fold_yo(word.lower()))
    noun = next((p for p in options if tag_facts(p.tag).pos == "NOUN"), None)
    if noun is None or len(word) < 3 or noun.score < 0.5 * options[0].score:
        return None
    if tag_facts(options[0].tag).pos not in ("NOUN", "PRTF"):
        return None  # «Данной» is данный, not the name Данна
    if word[1:2].isupper():
        return word  # an acronym (ИКТ) as written
    form = fold_yo(str(noun.normal_form))
    return form[:1].upper() + form[1:] if _is_proper(noun) else form


def _dependent(word: str, nouns: list[Any]) -> str:
    """A genitive dependent stays as written; lower-cased unless it is a name or an acronym."""
    if word[1:2].isupper() or any(_is_proper(p) for p in nouns if p.tag.case == "gent"):
        return word
    return word.lower()


def _join(*parts: str | None) -> str | None:
    if any(p is None for p in parts):
        return None
    text = " ".join(p for p in parts if p)
    return fold_yo(text)
