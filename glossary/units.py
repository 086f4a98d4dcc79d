"""The units of an aligned sentence pair that compete in the pairing, as plain data.

Every word of both sentences takes part, so that a word's own translation can claim it: a Russian
verb claims the Chinese verb, «в» and «и» claim 在 and 和, and a rare noun is left with the word
that only it explains (Melamed 2000 links all words for the same reason). Russian units are the
nouns and noun phrases (keys are lemma sequences) and every other word, whose key starts with
:data:`OTHER` and which is never reported. Chinese units are jieba's words (function words aside),
the nominal compounds of two to four words, and the two parts of a word jieba keeps whole when both
are dictionary words of two characters or more (塔斯马尼亚岛 → 塔斯马尼亚 + 岛: only the first is
a unit; 耐药结核病 → 耐药 + 结核病). A Chinese unit may be a Russian term's partner when it is
nominal here (a noun, a compound, a part of a noun) or a verb (отставка ~ 辞职); adjectives,
numbers and the like compete but are never partners. Measure and quantity words that hold no number
are nominal, as their Russian translations are nouns (公里 километр, 美元 доллар, 多数 большинство),
but not those of one character, which count the next noun (名, 份, 家); and the noun that jieba
writes together with the number before it is a unit of its own (一个月 → 月, 两年 → 年, 一页 → 页).
jieba's dictionary tags some nouns as adverbs (首都, 相机, 进步); such a word is a noun where an adverb
cannot stand: after 的, before a noun, or before a punctuation mark; and some as adjectives (尊严,
自由), which are nouns between 的 and a punctuation mark. A part of a word is nominal when the word
is, or when the dictionary makes the part a noun (屏幕 of 电视屏幕, which jieba tags as a fixed
phrase).

The units of a pair depend on its two texts only: :func:`sentence_units` is what a build caches
per passage, so an edited document costs only its own tagging.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex
from ruzh.glossary.candidates_ru import is_function_word, phrases
from ruzh.glossary.candidates_zh import (
    MAX_WORDS,
    Word,
    dictionary_flag,
    in_dictionary,
    is_stopped,
    reading_flag,
    tagged,
)
from ruzh.glossary.matching import WORD, token_key
from ruzh.lang.zh import BIG, DIGITS, UNITS

# First element of the key of a Russian word that is not a noun: it competes, it is not a term.
OTHER = ""
_HAN = regex.compile(r"^\p{Han}+$")
# jieba flags of nominal words: nouns (n, nr, ns, nz, …), verbal and adjectival nouns,
# abbreviations, distinguishing words, places and times.
NOMINAL_FLAGS = ("n", "vn", "an", "j", "b", "s", "t")
# jieba flags of words that take no part: particles, prepositions, conjunctions, pronouns, adverbs,
# modal particles, onomatopoeia, interjections, punctuation. Their Russian counterparts are
# function words or endings, and with them every rare noun would share its sentences.
_FUNCTION = frozenset("upcrdyoew")
# jieba flags of numbers and quantities (m) and of measure words and classifiers (q).
_QUANTITY = frozenset("mq")
# Characters that make a word a number or a count: digits and scales, 几 (a few), 半 (half), 第 (-th).
_COUNTING = frozenset(DIGITS) | frozenset(UNITS) | frozenset(BIG) | frozenset("几半第")

RuUnit = tuple[tuple[str, ...], int, int]  # (lemma key, start, end)
ZhUnit = tuple[str, int, int]  # (text, start, end)


@dataclass(frozen=True, slots=True)
class SentenceUnits:
    """The competing units of one aligned pair, and which Chinese ones may be a term's partner."""

    ru: tuple[RuUnit, ...]
    zh: tuple[ZhUnit, ...]
    nominal: tuple[str, ...]
    verbal: tuple[str, ...]


@lru_cache(maxsize=50_000)
def sentence_units(ru_text: str, zh_text: str) -> SentenceUnits:
    """The units of an aligned ``(ru, zh)`` pair (plain data: a build caches it by the texts). Kept
    by the texts here too: a corpus repeats its sentence pairs (the 500-pair benchmark's 16,009
    translation units are 2,250 distinct pairs), and tagging a pair is the costly part."""
    zh, nominal, verbal = zh_units(zh_text)
    return SentenceUnits(tuple(ru_units(ru_text)), tuple(zh), tuple(sorted(nominal)), tuple(sorted(verbal)))


def ru_units(text: str) -> list[RuUnit]:
    """Russian nouns and noun phrases of a sentence, then its other words (key ``(OTHER, lemma)``)
    except prepositions, conjunctions, particles and pronouns, whose Chinese counterparts take no
    part either."""
    units = [(p.key, p.start, p.end) for p in phrases(text)]
    nouns = {(s, e) for k, s, e in units if len(k) == 1}
    for m in WORD.finditer(text):
        if (m.start(), m.end()) not in nouns and not is_function_word(m.group().lower()):
            units.append(((OTHER, token_key(m.group())), m.start(), m.end()))
    return units


def zh_units(text: str) -> tuple[list[ZhUnit], set[str], set[str]]:
    """Chinese units of a sentence, the nominal ones and the verbs among them."""
    units: list[ZhUnit] = []
    nominal: set[str] = set()
    verbal: set[str] = set()
    run: list[tuple[str, int]] = []
    at = 0
    words = tagged(text)
    for i, pair in enumerate(words):
        word, flag = pair.word, reading_flag(pair.word, pair.flag)
        start, at = at, at + len(word)
        if flag == "d" and len(word) > 1 and _noun_position(words, i):
            flag = "n"  # 首都, 相机, 进步: nouns that jieba's dictionary tags as adverbs
        elif flag == "a" and len(word) > 1 and _closes_de(words, i):
            flag = "n"  # 尊严, 自由: nouns that it tags as adjectives, where only a noun can stand
        if not _HAN.match(word) or flag[:1] in _FUNCTION:
            run = []
            continue
        units.append((word, start, at))
        is_noun = flag.startswith(NOMINAL_FLAGS) or _is_measure(word, flag)
        if is_noun:
            nominal.add(word)
            run.append((word, start))
            _add_compounds(run, at, units, nominal)
        else:
            run = []
            if flag.startswith("v"):
                verbal.add(word)
        _add_parts(word, start, units, nominal, is_noun)
        counted = _counted(word) if flag[:1] == "m" else None
        if counted and not (i + 1 < len(words) and words[i + 1].flag.startswith(NOMINAL_FLAGS)):
            units.append((counted, at - len(counted), at))  # 月 of 一个月, unless it counts the next noun
            nominal.add(counted)
    return units, nominal, verbal


def _noun_position(words: Sequence[Word], i: int) -> bool:
    """Whether the word at ``i`` stands where an adverb cannot: after 的, before a noun, or before a
    punctuation mark or the end (中国的首都。, 在首都马尼拉), since an adverb goes before a verb or an
    adjective. jieba's dictionary tags some nouns as adverbs (首都, 首相, 相机, 真相, 好处)."""
    after_de = i > 0 and words[i - 1].word == "的"
    following = words[i + 1] if i + 1 < len(words) else None
    return after_de or following is None or following.flag == "x" or following.flag.startswith(NOMINAL_FLAGS)


def _closes_de(words: Sequence[Word], i: int) -> bool:
    """Whether the word at ``i`` stands between 的 and a punctuation mark or the end (自身的尊严。):
    an adjective there would need a noun after it. jieba's dictionary tags some nouns as adjectives
    (尊严, 自由, 健康)."""
    following = words[i + 1] if i + 1 < len(words) else None
    return i > 0 and words[i - 1].word == "的" and (following is None or following.flag == "x")


def _is_measure(word: str, flag: str) -> bool:
    """A measure or quantity word of two characters or more with no number in it (公里, 分钟, 多数):
    the Russian translation is a noun. One character counts the next noun (三名 学生, 一份 报告)."""
    return flag[:1] in _QUANTITY and len(word) > 1 and _COUNTING.isdisjoint(word)


def _counted(word: str) -> str | None:
    """The dictionary word after the number and classifier that jieba joined to it (一个月 → 月,
    两年 → 年, 一页 → 页; 三名 and 一份 are a number and a classifier only)."""
    i = 0
    while i < len(word) and word[i] in _COUNTING:
        i += 1
    if i and i < len(word) and dictionary_flag(word[i]) == "q":
        i += 1
    rest = word[i:]
    return rest if i and rest and in_dictionary(rest) else None


def _add_compounds(run: list[tuple[str, int]], end: int, units: list[ZhUnit], nominal: set[str]) -> None:
    """The compounds of two to four words that end with the last word of a nominal run."""
    for size in range(2, min(MAX_WORDS, len(run)) + 1):
        words = tuple(w for w, _ in run[-size:])
        if all(len(w) >= 2 for w in words[:-1]) and is_stopped(words) is None:
            text = "".join(words)
            units.append((text, run[-size][1], end))
            nominal.add(text)


def _add_parts(word: str, start: int, units: list[ZhUnit], nominal: set[str], noun: bool) -> None:
    """The parts of two characters or more of a word that splits into two dictionary words."""
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if not (in_dictionary(left) and in_dictionary(right)):
            continue
        for part, s, e in ((left, start, start + i), (right, start + i, start + len(word))):
            if len(part) >= 2:
                units.append((part, s, e))
                if nominal is not None and (noun or dictionary_flag(part).startswith(NOMINAL_FLAGS)):
                    nominal.add(part)
