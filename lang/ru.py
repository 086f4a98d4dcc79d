"""Russian rules: number notation and ё.

Russian writes a decimal comma (also a point in technical text), groups thousands with spaces
(``10 000``, also no-break and narrow no-break spaces) and scales with ``тыс.``, ``млн``, ``млрд``,
``трлн`` or the full words in any case (``data/ru_scales.tsv``); common numbers, ordinals and months are
also written as words (``data/ru_number_words.tsv``) and centuries in Roman numerals (XXI век).
"""

from __future__ import annotations

from functools import cache

import regex
from ruzh.lang.numbers import Quantity, carry_range_scales, clock_times, data_table


def fold_yo(text: str) -> str:
    """ё as е (and Ё as Е): Russian texts, dictionaries and termbases write both for one word."""
    return text.replace("ё", "е").replace("Ё", "Е")


def scales() -> tuple[tuple[str, float], ...]:
    """Scale-word stems and multipliers, longest stem first."""
    return tuple(sorted(data_table("ru_scales.tsv"), key=lambda row: -len(row[0])))


def scale_of(word: str) -> float:
    """Multiplier of a scale word (``млн`` 1e6, ``миллиарда`` 1e9, ``тыс.`` 1e3); 1 for anything else."""
    low = word.lower()
    return next((value for stem, value in scales() if low.startswith(stem)), 1.0)


@cache
def _scale_pattern() -> str:
    return "|".join(rf"{regex.escape(stem)}\w*" for stem, _ in scales())


@cache
def _number() -> regex.Pattern[str]:
    """Grouped thousands (10 000) or a plain number, decimal comma or point, optional scale word."""
    return regex.compile(
        r"(?<![\p{L}\d.,:])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?(?![\d:])"
        rf"(?:[ \u00a0]?({_scale_pattern()}))?"
    )


def quantities(text: str) -> list[Quantity]:
    """Numbers written with digits (and clock times), scaled by their scale words, ranges resolved."""
    out = clock_times(text)
    for m in _number().finditer(text):
        whole = regex.sub(r"\D", "", m.group(1))
        value = float(f"{whole}.{m.group(2)}" if m.group(2) else whole)
        scale = scale_of(m.group(3)) if m.group(3) else 1.0
        out.append(Quantity(m.group(0).strip(), m.start(), value * scale, (), m.end(), scale))
    return carry_range_scales(out, text)


@cache
def _number_words() -> tuple[dict[str, float], regex.Pattern[str]]:
    words = dict(data_table("ru_number_words.tsv"))
    pattern = regex.compile(
        r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\p{L}*"
        rf"(?:\s+({_scale_pattern()}))?",
        regex.I,
    )
    return words, pattern


_ROMAN = regex.compile(r"\b[IVXLC]+\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(token: str) -> int:
    """Value of a Roman numeral (XXI век is 21世纪)."""
    total = 0
    for ch, nxt in zip(token, [*token[1:], ""], strict=True):
        v = _ROMAN_VALUES[ch]
        total += -v if nxt and _ROMAN_VALUES[nxt] > v else v
    return total


def spelled(text: str) -> list[float]:
    """Values of common Russian number words (три, пяти, десятью, тысячи) and Roman numerals."""
    words, pattern = _number_words()
    values = [
        words[m.group(1).lower()] * (scale_of(m.group(2)) if m.group(2) else 1.0)
        for m in pattern.finditer(text)
    ]
    return values + [float(roman_value(m.group(0))) for m in _ROMAN.finditer(text)]
