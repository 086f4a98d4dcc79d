"""Checks per translation unit (TMX or aligned pairs) and across the whole memory, streaming.

Per unit: empty, untranslated or wrong-script sides, numbers (:mod:`checks.numbers`),
glossary conformance (Russian terms found by lemma with the glossary's matcher, their admitted
Chinese renderings looked up in the target; forbidden renderings). Across the memory: length
ratios far from this memory's own norm, the same source with different targets and the same
target with different sources, each reported once per group.

Positions are the caller's (:mod:`checks.memory`): the line of a unit in its file, or the place of
its sentences in their documents; the column is 1, and the message quotes the text around the problem.

Memory stays flat for millions of units: per unit only a float and two 64-bit hashes are kept;
texts are kept only for the few extreme ratios and for units that join a conflicting group.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import regex
from ruzh.align.morphology import WORD, lemma_key, token_key
from ruzh.checks import numbers
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding
from ruzh.checks.tm import TmGroups
from ruzh.checks.typography import HALF_TO_FULL, segment_halfwidth
from ruzh.checks.variants import Glossary
from ruzh.glossary.matching import ChineseMatcher
from ruzh.lang.marks import families
from ruzh.lang.ru import fold_yo
from ruzh.tmx.types import TranslationUnit

_HAN = regex.compile(r"\p{Han}")
_CYR = regex.compile(r"\p{Cyrillic}")
_CYR_WORD = regex.compile(r"\p{Cyrillic}{3,}")
_LETTER = regex.compile(r"\p{L}")
_SPACE = regex.compile(r"\s+")
# Outlier test on log(len zh / len ru): robust z-score above this, for Russian sides this long.
RATIO_Z = 5.0
RATIO_MIN_RU = 20
RATIO_KEEP = 2000  # extreme units kept (per direction) until the norm is known
# The norm (median and MAD of log length ratios) comes from a histogram, not a list of a million floats.
RATIO_LOW, RATIO_STEP, RATIO_BINS = -6.0, 0.001, 12_000
KEY_CACHE = 500_000  # word forms whose matcher key is remembered
_DIGIT = regex.compile(r"\d")
# The glossary's word pattern (glossary.matching.WORD: letters or digits joined by hyphens or
# apostrophes) in the standard library's engine, which tokenises about a third faster.
_FAST_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
PAIRS = families()  # opening and closing marks counted per segment, by family (see lang.marks)
_PAIR_CHARS = regex.compile("[" + regex.escape("".join(o + c for o, c in PAIRS)) + "]")
# Domains whose renderings legitimately vary with context, so a "missing" rendering is no error:
# place names (Западная Европа is 西欧, США is often 美), and general vocabulary, which is not terminology.
CONFORMANCE_SKIP_DOMAINS = frozenset({"place", "general"})
_TERM_SYMBOL = regex.compile(r"[+#&]")


def _stem(word: str) -> str:
    key = lemma_key(word)
    base = key[0] if key else word.lower()
    return base if len(base) <= 4 else base[: max(4, len(base) - 3)]


@dataclass
class _TermIndex:
    """Chinese renderings by concept, and word keys for the glossary's lemma matcher.

    Lemmatising every word of millions of segments would dominate the run, so a word is only
    lemmatised when it starts like some word of a Russian term (the stem of that word's lemma);
    any other word gets an empty key, which no term contains. Keys are cached per word form.
    """

    glossary: Glossary
    good: dict[str, tuple[str, ...]] = field(default_factory=dict)
    bad: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (cid, zh) -> (status, better)
    stems: set[str] = field(default_factory=set)
    stem_lengths: tuple[int, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)
    bad_matcher: ChineseMatcher | None = None

    def __post_init__(self) -> None:
        for c in self.glossary.concepts:
            zh = [t for t in c.terms if t.lang == "zh"]
            if c.domain not in CONFORMANCE_SKIP_DOMAINS:
                self.good[c.id] = tuple(t.text for t in zh if t.status in ("preferred", "admitted"))
            better = c.label("zh")
            for t in zh:
                if t.status in ("deprecated", "forbidden") and (c.id, t.text) not in self.glossary.accepted:
                    self.bad[(c.id, t.text)] = (t.status, better)
            for t in c.terms:
                if t.lang == "ru":
                    self.stems.update(fold_yo(_stem(w)) for w in WORD.findall(t.text))
        self.stem_lengths = tuple(sorted({len(s) for s in self.stems}))
        # Only the deprecated and forbidden renderings need finding in targets: a small automaton.
        self.bad_matcher = ChineseMatcher(self.bad) if self.bad else None

    def tokens(self, text: str) -> tuple[list[Any], list[str]]:
        """Words of ``text`` and their matcher keys, each run of keyless words kept as one (so that
        no term matches across it); empty lists when no word can belong to a term."""
        get, slow = self.keys.get, self.key
        toks: list[Any] = []
        keys: list[str] = []
        gap = False
        for t in _FAST_WORD.finditer(text):
            w = t.group()
            k = get(w)
            if k is None:
                k = slow(w)
            if k:
                toks.append(t)
                keys.append(k)
                gap = False
            elif not gap:
                toks.append(t)
                keys.append("")
                gap = True
        return (toks, keys) if len(keys) > keys.count("") else ([], [])

    def key(self, word: str) -> str:
        """The matcher key of a word, or ``""`` for a word no term can contain."""
        known = self.keys.get(word)
        if known is not None:
            return known
        low = fold_yo(word.lower())
        key = token_key(word) if any(low[:n] in self.stems for n in self.stem_lengths) else ""
        if len(self.keys) > KEY_CACHE:
            self.keys.clear()
        self.keys[word] = key
        return key


class UnitChecker:
    """Feed units with :meth:`check`; :meth:`finish` adds the findings that need the whole memory."""

    def __init__(self, name: str, glossary: Glossary | None = None) -> None:
        """``glossary``'s concepts are taken in the order of their ids, so that the findings do not
        depend on the order of the glossary's rows (a build can keep them while the concepts stay)."""
        self.name = name
        if glossary is not None:
            glossary = in_id_order(glossary)
        self.glossary = glossary
        self.index = _TermIndex(glossary) if glossary is not None else None
        self.ratios = array("L", bytes(array("L").itemsize * RATIO_BINS))
        self._high: list[tuple[float, int, str, str]] = []
        self._low: list[tuple[float, int, str, str]] = []
        self.tm = TmGroups()
        self.units = 0

    def _f(self, rule: str, line: int, text: str, message: str, related: tuple[str, ...] = ()) -> Finding:
        return finding(rule, message, self.name, line, 1, text, related=related)

    def check(self, line: int, unit: TranslationUnit) -> list[Finding]:
        """Findings of one unit (and bookkeeping for the memory-wide checks)."""
        ru, zh = unit.ru.strip(), unit.zh.strip()
        self.note(line, ru, zh)
        return self.findings(line, ru, zh)

    def note(self, line: int, ru: str, zh: str) -> None:
        """The bookkeeping for the memory-wide checks alone (TM groups, length ratios), for a unit
        whose own findings are known (stripped sides)."""
        self.units += 1
        self.tm.add(line, ru, zh)
        if zh and not (zh == ru and _CYR.search(ru)):
            self._ratio(line, ru, zh)

    def findings(self, line: int, ru: str, zh: str) -> list[Finding]:
        """The findings of one unit alone (stripped sides): they depend on its texts and the
        glossary only, so a caller may keep them with the texts."""
        if not zh:
            return [
                self._f("unit-empty-target", line, ru, "the Chinese side is empty; translate the segment")
            ]
        if zh == ru and _CYR.search(ru):
            return [self._f("unit-untranslated", line, zh, "the Chinese side repeats the Russian source")]
        out: list[Finding] = []
        out.extend(self._scripts(line, ru, zh))
        out.extend(self._pairs(line, ru, zh))
        out.extend(
            self._f(
                "zh-halfwidth-punct",
                line,
                ch,
                f"half-width '{ch}' in the Chinese side ('{zh[max(0, i - 6) : i + 6]}'); "
                f"write '{HALF_TO_FULL[ch][1]}'",
            )
            for i, ch in segment_halfwidth(zh)
        )
        out.extend(self._numbers(line, ru, zh))
        if self.index is not None:
            out.extend(self._terms(line, ru, zh))
        return out

    def _scripts(self, line: int, ru: str, zh: str) -> list[Finding]:
        out = []
        if not _HAN.search(zh) and _LETTER.search(zh) and _CYR.search(ru):
            out.append(self._f("unit-wrong-script", line, zh, "the Chinese side has no Chinese characters"))
        elif m := _CYR_WORD.search(zh):
            out.append(
                self._f(
                    "unit-wrong-script",
                    line,
                    m.group(0),
                    f"Russian word '{m.group(0)}' left in the Chinese side; translate it",
                )
            )
        if _HAN.search(ru) and not _CYR.search(ru):
            out.append(
                self._f(
                    "unit-wrong-script",
                    line,
                    ru,
                    "the Russian side has Chinese and no Cyrillic text; are the sides swapped?",
                )
            )
        return out

    def _pairs(self, line: int, ru: str, zh: str) -> list[Finding]:
        """A segment whose opening and closing quotes or brackets do not add up (counted, not parsed)."""
        out = []
        for side, text in (("Russian", ru), ("Chinese", zh)):
            marks = _PAIR_CHARS.findall(text)
            if not marks:
                continue
            for opening, closing in PAIRS:
                opened = sum(marks.count(ch) for ch in opening)
                closed = sum(marks.count(ch) for ch in closing)
                if opened != closed:
                    out.append(
                        self._f(
                            "unbalanced-pair",
                            line,
                            text,
                            f"the {side} side opens {opening[0]} {opened}× but closes {closing[0]} "
                            f"{closed}×; add the missing mark",
                        )
                    )
        return out

    def _ratio(self, line: int, ru: str, zh: str) -> None:
        lr, lz = len(ru) - ru.count(" "), len(zh) - zh.count(" ")
        if lr < RATIO_MIN_RU or lz == 0:
            return
        x = math.log(lz / lr)
        self.ratios[min(RATIO_BINS - 1, max(0, int((x - RATIO_LOW) / RATIO_STEP)))] += 1
        item = (x, line, ru, zh)
        for heap, key in ((self._high, item), (self._low, (-x, line, ru, zh))):
            if len(heap) < RATIO_KEEP:
                heapq.heappush(heap, key)
            elif key > heap[0]:
                heapq.heapreplace(heap, key)

    def _numbers(self, line: int, ru: str, zh: str) -> list[Finding]:
        if not _DIGIT.search(ru) and not _DIGIT.search(zh):
            return []
        lost_ru, lost_zh = numbers.unmatched(ru, zh)
        out = []
        for q in lost_ru:
            out.append(
                self._f(
                    "unit-number-mismatch",
                    line,
                    q.text,
                    f"'{q.text}' in the Russian side has no equal in the Chinese side",
                    (zh,),
                )
            )
        for q in lost_zh:
            out.append(
                self._f(
                    "unit-number-mismatch",
                    line,
                    q.text,
                    f"'{q.text}' in the Chinese side has no equal in the Russian side",
                    (ru,),
                )
            )
        return out

    def _terms(self, line: int, ru: str, zh: str) -> list[Finding]:
        assert self.index is not None and self.glossary is not None
        ru_m, _ = self.glossary.matchers()
        out = []
        for hit in self.index.bad_matcher.find(zh) if self.index.bad_matcher else ():
            bad = self.index.bad[(hit.concept, hit.term)]
            out.append(
                self._f(
                    "unit-term-forbidden",
                    line,
                    zh[hit.start : hit.end],
                    f"'{hit.term}' is a {bad[0]} rendering; write '{bad[1]}'",
                    (bad[1],),
                )
            )
        tokens, keys = self.index.tokens(ru)
        if not tokens:
            return out
        seen: set[str] = set()
        for hit in ru_m.find_tokens(ru, tokens, keys):
            good = self.index.good.get(hit.concept, ())
            if hit.concept in seen or not good:
                continue
            if any(sym not in ru[hit.start : hit.end + 3] for sym in _TERM_SYMBOL.findall(hit.term)):
                continue  # «Интернет+» is not found in plain Интернет (the lemma key drops the +)
            seen.add(hit.concept)
            if not any(g in zh for g in good):
                surface = ru[hit.start : hit.end]
                out.append(
                    self._f(
                        "unit-term-missing",
                        line,
                        surface,
                        f"'{surface}' ({hit.term}) is in the source but the target has none of "
                        f"{', '.join(good)}",
                        good,
                    )
                )
        return out

    def finish(self, label: Callable[[int], str] | None = None) -> list[Finding]:
        """Length-ratio outliers against this memory's norm, and inconsistent TM groups (``label``
        names a unit by its line in their messages)."""
        return self._ratio_outliers() + self.tm.findings(self.name, label)

    def _ratio_outliers(self) -> list[Finding]:
        total = sum(self.ratios)
        if total < 30:
            return []  # too few units to know the norm
        centres = [RATIO_LOW + (i + 0.5) * RATIO_STEP for i in range(RATIO_BINS)]
        med = _weighted_median(centres, self.ratios, total)
        spread = sorted((abs(c - med), n) for c, n in zip(centres, self.ratios, strict=True) if n)
        mad = _weighted_median([d for d, _ in spread], [n for _, n in spread], total) * 1.4826 or 1e-6
        out = []
        extremes = {line: (x, ru, zh) for x, line, ru, zh in self._high}
        extremes.update({line: (-n, ru, zh) for n, line, ru, zh in self._low})
        for line, (x, ru, zh) in sorted(extremes.items()):
            z = (x - med) / mad
            if abs(z) > RATIO_Z:
                side = "longer" if z > 0 else "shorter"
                factor = math.exp(abs(x - med))
                out.append(
                    self._f(
                        "unit-length-ratio",
                        line,
                        zh,
                        f"the Chinese side is {factor:.1f}× {side} than usual for its source in this memory "
                        f"(robust z = {z:.1f}); check for a missing or extra sentence",
                        (ru,),
                    )
                )
        return out


def in_id_order(glossary: Glossary) -> Glossary:
    """The glossary with its concepts in the order of their ids (a stable sort), so that what is
    found with it does not depend on the order of its rows; :func:`glossary_digest` names it."""
    ids = [c.id for c in glossary.concepts]
    if all(a <= b for a, b in pairwise(ids)):
        return glossary  # already in order: keep it, and the matchers it has built
    return Glossary(tuple(sorted(glossary.concepts, key=lambda c: c.id)), glossary.accepted)


def glossary_digest(glossary: Glossary | None) -> str:
    """A digest of what the per-unit findings read of a glossary (concepts' ids, domains and terms,
    the accepted forms; not the concepts' order, see :class:`UnitChecker`): a kept finding is valid
    while it and the unit's texts are unchanged."""
    if glossary is None:
        return "none"
    concepts = [(c.id, c.domain, c.terms) for c in glossary.concepts]
    if len({c[0] for c in concepts}) == len(concepts):
        concepts.sort()  # unique ids: the checker's order is theirs
    return hashlib.blake2b(repr((concepts, sorted(glossary.accepted))).encode(), digest_size=16).hexdigest()


def _weighted_median(values: list[float], counts: array[int] | list[int], total: int) -> float:
    """The value at which the running count passes half of ``total`` (values in ascending order)."""
    seen = 0
    for v, n in zip(values, counts, strict=True):
        seen += n
        if 2 * seen >= total:
            return v
    return values[-1]
