"""Chinese rules: number notation.

Chinese writes a decimal point, may group with commas (``1,000``) and full-width digits, and scales
with 十/百/千, 万 (10⁴), 亿 (10⁸) and their compounds (万亿 10¹²), possibly after 多/余/几 (400 多万);
numbers are also written in characters (三, 二十, 三千五百, 百分之八十), and decades as 20 世纪 60 年代
(the 1960s).
"""

from __future__ import annotations

import regex
from ruzh.lang.numbers import Quantity, carry_range_scales, clock_times

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Not inside a number (1,234.5, 3:15) or a Latin token (H5N1); after a clause comma (说,2013 年 once
# NFKC has folded the full-width ，) a number starts.
_NUMBER = regex.compile(
    r"(?<![\d.:A-Za-z]|\d,)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d:])(?:\s?[多余几]?\s?([十百千万亿]+))?"
)
_DECADE = regex.compile(r"(\d{1,2})\s?世纪\s?(\d0)\s?年代")
_NUMERAL = regex.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def decade_value(century: int, decade: int) -> float:
    """20 世纪 60 年代 is the 1960s: (century - 1) hundreds plus the decade."""
    return (century - 1) * 100 + float(decade)


def quantities(text: str) -> list[Quantity]:
    """Numbers written with digits (and clock times, decades), scaled by the characters after them."""
    folded = text.translate(FULLWIDTH_DIGITS)
    out = clock_times(folded)
    for m in _DECADE.finditer(folded):
        out.append(Quantity(m.group(0), m.start(), decade_value(int(m.group(1)), int(m.group(2)))))
    folded = _DECADE.sub(lambda m: " " * len(m.group(0)), folded)
    for m in _NUMBER.finditer(folded):
        value = float(m.group(1).replace(",", "") + (f".{m.group(2)}" if m.group(2) else ""))
        scale = 1.0
        for ch in m.group(3) or "":
            scale *= UNITS.get(ch) or BIG[ch]
        out.append(Quantity(text[m.start() : m.end()].strip(), m.start(), value * scale, (), m.end(), scale))
    return carry_range_scales(out, folded)


def numeral_value(run: str) -> float | None:
    """Value of a run of Chinese numerals (二十, 三千五百, 一万二千, 十), ``None`` for odd runs."""
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in DIGITS:
            if digit is not None and section == 0 and total == 0:
                return None  # 二三 is not a number in this notation
            digit = DIGITS[ch]
        elif ch in UNITS:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            total = (total + section + (digit or 0)) * BIG[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def spelled(text: str) -> list[float]:
    """Values of numbers spelled in Chinese characters (百分之八十 gives 100 and 80)."""
    values = []
    for m in _NUMERAL.finditer(text):
        v = numeral_value(m.group(0))
        if v is not None:
            values.append(v)
    return values
