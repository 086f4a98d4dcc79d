"""Look-alike slips: Latin and Cyrillic letters mixed inside one word (``IоT`` with a Cyrillic о).

Such a word looks right on screen but matches nothing in search, in the termbase or in a TM.

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
from ruzh.checks.source import SourceFile

# Letters that look the same in both scripts: Latin -> Cyrillic (Unicode confusables, the subset
# that occurs in Russian and English text).
LATIN_TO_CYRILLIC: dict[str, str] = dict(zip("AaBCcEeHKkMOoPpTXxYy", "АаВСсЕеНКкМОоРрТХхУу", strict=True))
CYRILLIC_TO_LATIN: dict[str, str] = {v: k for k, v in LATIN_TO_CYRILLIC.items()}

_WORD = regex.compile(r"[\p{L}\p{N}]+")
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


def mixed_script(src: SourceFile) -> Iterator[Finding]:
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
