"""Look-alike slips: Latin and Cyrillic letters mixed inside one word (``IоT`` with a Cyrillic о).

Such a word looks right on screen but matches nothing in search, in the termbase or in a TM. The
same slip made wholesale (``Р2Р``, ``В2С`` typed with Cyrillic Р, В, С) mixes no scripts, so
:func:`lookalike_acronyms` looks for digit-bearing tokens written only in Cyrillic letters whose Latin
look-alike spelling is a standard acronym (a known one, or one the corpus itself writes in Latin).

What counts as one word: a run of letters and digits without a hyphen. So ``B2С`` with a Cyrillic С
is a slip, while ``3D-печать``, ``5G-сети`` and ``IT-компания`` are legitimate compounds whose
parts are each written in one script (the hyphen is the Russian way of attaching a Latin
abbreviation). Words in other scripts (Han, Greek) are not judged here.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding
from ruzh.checks.summary import CorpusCheck, Fact, Summaries
from ruzh.checks.text import DocumentText

# Letters that look the same in both scripts: Latin -> Cyrillic (Unicode confusables, the subset
# that occurs in Russian and English text).
LATIN_TO_CYRILLIC: dict[str, str] = dict(zip("AaBCcEeHKkMOoPpTXxYy", "АаВСсЕеНКкМОоРрТХхУу", strict=True))
CYRILLIC_TO_LATIN: dict[str, str] = {v: k for k, v in LATIN_TO_CYRILLIC.items()}

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Latin acronyms with digits that are the standard spelling in Russian text too (never transliterated).
STANDARD_ACRONYMS = frozenset(
    {
        "B2B", "B2C", "C2C", "B2G", "G2B", "G2C", "C2B", "O2O", "P2P", "M2M",  # e-commerce and finance
        "2D", "3D", "4D", "2G", "3G", "4G", "5G", "6G", "4K", "8K",  # graphics, printing, mobile networks
        "A4", "A3", "H2O", "CO2", "G7", "G20",
    }
)  # fmt: skip
# Cyrillic letters that stand for a Latin letter in such acronyms without looking like it: 3Д for 3D,
# 5Г for 5G. Used only where the result is a standard acronym.
_STAND_INS: dict[str, str] = {"Д": "D", "Г": "G"}
_DIGIT = regex.compile(r"\d")
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def fix_word(word: str) -> str | None:
    """The word retyped in its majority script, or ``None`` when a letter has no look-alike there."""
    latin = len(_LATIN.findall(word))
    cyrillic = len(_CYRILLIC.findall(word))
    table = LATIN_TO_CYRILLIC if cyrillic > latin else CYRILLIC_TO_LATIN
    target = _CYRILLIC if cyrillic > latin else _LATIN
    out = []
    for ch in word:
        if ch.isalpha() and not target.match(ch):
            if ch not in table:
                return None
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out)


def mixed_words(line: str) -> Iterator[tuple[int, str]]:
    """(0-based index, word) of words that mix Latin and Cyrillic letters."""
    for m in _WORD.finditer(line):
        w = m.group(0)
        if _LATIN.search(w) and _CYRILLIC.search(w):
            yield m.start(), w


def _describe(word: str) -> str:
    return ", ".join(f"{ch} {'Cyrillic' if _CYRILLIC.match(ch) else 'Latin'}" for ch in word if ch.isalpha())


def mixed_script(src: DocumentText) -> Iterator[Finding]:
    """Every word of a file that mixes Latin and Cyrillic letters, with the intended spelling."""
    for number, line in enumerate(src.lines, 1):
        for start, word in mixed_words(line):
            fixed = fix_word(word)
            hint = f"write '{fixed}'" if fixed else "retype it in one script"
            minority = [ch for ch in word if ch.isalpha() and fixed and ch not in fixed]
            detail = (
                f" ({', '.join(_describe(ch) for ch in minority)})" if minority else f" ({_describe(word)})"
            )
            yield finding(
                "mixed-script-word",
                f"'{word}' mixes Latin and Cyrillic letters{detail}; {hint}",
                src.name,
                number,
                start + 1,
                word,
                related=(fixed,) if fixed else (),
                context=line[max(0, start - 6) : start + len(word) + 6],
            )


def latin_spelling(word: str) -> str | None:
    """The Latin look-alike spelling of a token of Cyrillic letters and digits, or ``None`` when it has
    no digit, no letter, a Latin letter, or a letter without a look-alike."""
    if not _DIGIT.search(word) or not _CYRILLIC.search(word) or _LATIN.search(word):
        return None
    out = []
    for ch in word:
        if ch.isdigit():
            out.append(ch)
        elif ch in CYRILLIC_TO_LATIN:
            out.append(CYRILLIC_TO_LATIN[ch])
        elif ch in _STAND_INS:
            out.append(_STAND_INS[ch])
        else:
            return None
    return "".join(out)


def _acronym_facts(src: DocumentText) -> tuple[Fact, ...]:
    """A document's Latin letter-and-digit tokens (``P2P``, ``5G``: standard in the corpus, whatever
    the list) and its tokens of Cyrillic look-alikes of such a token (``Р2Р``)."""
    latin: dict[str, Fact] = {}
    lookalikes: list[Fact] = []
    for number, line in enumerate(src.lines, 1):
        for m in _WORD.finditer(line):
            w = m.group(0)
            if _DIGIT.search(w) and _LATIN.search(w) and not _CYRILLIC.search(w):
                latin.setdefault(w.upper(), Fact("latin", 0, 0, w.upper()))
                continue
            spelled = latin_spelling(w)
            if spelled is not None:
                context = line[max(0, m.start() - 6) : m.end() + 6]
                lookalikes.append(Fact("lookalike", number, m.start() + 1, w, (spelled, context)))
    return (*latin.values(), *lookalikes)


def _lookalike_acronyms(documents: Summaries) -> Iterator[Finding]:
    """Tokens such as ``Р2Р`` written wholly in Cyrillic look-alikes of a standard Latin acronym."""
    standard = STANDARD_ACRONYMS | {f.text for _, facts in documents for f in facts if f.kind == "latin"}
    for name, facts in documents:
        for f in facts:
            if f.kind != "lookalike" or f.data[0].upper() not in standard:
                continue
            yield finding(
                "lookalike-acronym",
                f"'{f.text}' is written in Cyrillic letters ({_describe(f.text)}); the standard acronym is "
                f"'{f.data[0]}' in Latin letters",
                name,
                f.line,
                f.column,
                f.text,
                related=(f.data[0],),
                context=f.data[1],
            )


LOOKALIKE_ACRONYMS = CorpusCheck(_acronym_facts, _lookalike_acronyms)
