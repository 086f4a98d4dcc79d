"""Quantities on both sides of a translation unit, as values, so that 15亿 equals 1,5 млрд.

Russian writes a decimal comma and groups thousands with spaces (``1,5``, ``10 000``) and scales
with ``тыс.``, ``млн``, ``млрд``, ``трлн``; Chinese writes a decimal point, may group with commas
(``1,000``) and scales with 万 (10⁴), 亿 (10⁸), 万亿 (10¹²), or writes the number in characters
(三, 二十, 百分之八十). Percent signs (%, ％, процентов) and range marks (–, ～, -) only separate
numbers; the values are compared, so 80% and 80％ match and so do 2018–2020 and 2018～2020年.

A number written with digits on one side must find an equal on the other side, where it may also
be spelled out (Chinese numerals; common Russian number words).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

# Russian: grouped thousands (10 000) or a plain number, decimal comma or point, optional scale word.
_RU_NUMBER = regex.compile(
    r"(?<![\p{L}\d.,:])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?(?![\d:])"
    r"(?:[ \u00a0]?(тыс\w*|млн\w*|миллион\w*|млрд\w*|миллиард\w*|трлн\w*|триллион\w*))?",
)
_RU_SCALE = {"тыс": 1e3, "млн": 1e6, "мил": 1e6, "млр": 1e9, "трл": 1e12, "три": 1e12}

# Chinese: digits (full-width digits are folded first), comma groups, decimal point, scale characters.
_ZH_NUMBER = regex.compile(
    r"(?<![\d.,:A-Za-z])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d:])(?:\s?[多余几]?\s?([十百千万亿]+))?"
)
# Clock times (12:00, 23:35, 10：08) and decades (1960-х, 20 世纪 60 年代) are compared as what they mean.
_TIME = regex.compile(r"(?<![\d:])(\d{1,2})[:：](\d{2})(?![\d:])")
_ZH_DECADE = regex.compile(r"(\d{1,2})\s?世纪\s?(\d0)\s?年代")
_ZH_NUMERAL = regex.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_ZH_DIGITS = {
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
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Russian number words by stem (the oblique cases share the stem): value.
_RU_WORDS: dict[str, float] = {
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
    "пятьдесят": 50,
    "пятидесят": 50,
    "шестьдесят": 60,
    "шестидесят": 60,
    "семьдесят": 70,
    "семидесят": 70,
    "восемьдесят": 80,
    "восьмидесят": 80,
    "девяност": 90,
    "двест": 200,
    "трист": 300,
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "мая": 5,
    "май": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
    "восьм": 8,
    "семь": 7,
    "сем": 7,
    "один": 1,
    "одн": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "двум": 2,
    "три": 3,
    "трех": 3,
    "трем": 3,
    "четыр": 4,
    "пят": 5,
    "шест": 6,
    "восем": 8,
    "девят": 9,
    "десят": 10,
    "двадцат": 20,
    "тридцат": 30,
    "сорок": 40,
    "сто": 100,
    "ста": 100,
    "тысяч": 1000,
    "полтор": 1.5,
    "половин": 0.5,
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
}
_RU_WORD = regex.compile(
    r"\b(" + "|".join(sorted(_RU_WORDS, key=len, reverse=True)) + r")\p{L}*"
    r"(?:\s+(тыс\w*|млн\w*|миллион\w*|млрд\w*|миллиард\w*|трлн\w*|триллион\w*))?",
    regex.I,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written (``text`` at ``start`` in the segment) and its value."""

    text: str
    start: int
    value: float
    also: tuple[float, ...] = ()
    end: int = 0
    scale: float = 1.0

    def values(self) -> tuple[float, ...]:
        """The value and the other values it may legitimately appear as (a 12-hour hour)."""
        return (self.value, *self.also)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _times(text: str) -> list[Quantity]:
    """Clock times as hours (and minutes unless :00); 21:19 also matches a 12-hour 9 点 19 分."""
    out = []
    for m in _TIME.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 24 or minute > 59:
            continue
        out.append(Quantity(m.group(0), m.start(), float(hour), (float(hour - 12),) if hour > 12 else ()))
        if minute:
            out.append(Quantity(m.group(0), m.start(), float(minute)))
    return out


def ru_quantities(text: str) -> list[Quantity]:
    """Numbers written with digits in a Russian segment, scaled by тыс./млн/млрд/трлн."""
    out = _times(text)
    for m in _RU_NUMBER.finditer(text):
        whole = regex.sub(r"\D", "", m.group(1))
        value = float(f"{whole}.{m.group(2)}" if m.group(2) else whole)
        scale = _RU_SCALE.get(m.group(3)[:3].lower(), 1.0) if m.group(3) else 1.0
        out.append(Quantity(m.group(0).strip(), m.start(), value * scale, (), m.end(), scale))
    return _ranges(out, text)


# Between the two ends of a range: 4,2–3,9 млн, 2–3 тыс., 5至6万, 4.2～3.9万.
_RANGE_GAP = regex.compile(r"\s*(?:[-–—~～至到]|до)\s*")


def _ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """Let the first end of a range also carry the scale written only after the second (4,2–3,9 млн)."""
    found.sort(key=lambda q: q.start)
    if not found:
        return found
    out = []
    for q, nxt in zip(found, [*found[1:], None], strict=True):
        if (
            nxt is not None
            and q.scale == 1.0
            and nxt.scale != 1.0
            and q.end
            and _RANGE_GAP.fullmatch(text[q.end : nxt.start])
        ):
            q = replace(q, also=(*q.also, q.value * nxt.scale))
        out.append(q)
    return out


def zh_numeral_value(run: str) -> float | None:
    """Value of a run of Chinese numerals (二十, 三千五百, 一万二千, 十), ``None`` for odd runs."""
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in _ZH_DIGITS:
            if digit is not None and section == 0 and total == 0:
                return None  # 二三 is not a number in this notation
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
        else:
            total = (total + section + (digit or 0)) * _ZH_BIG[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def zh_quantities(text: str) -> list[Quantity]:
    """Numbers written with digits in a Chinese segment, scaled by 十/百/千/万/亿 characters after them."""
    folded = text.translate(_FULLWIDTH_DIGITS)
    out = _times(folded)
    for m in _ZH_DECADE.finditer(folded):
        out.append(Quantity(m.group(0), m.start(), (int(m.group(1)) - 1) * 100 + float(m.group(2))))
    folded = _ZH_DECADE.sub(lambda m: " " * len(m.group(0)), folded)
    for m in _ZH_NUMBER.finditer(folded):
        value = float(m.group(1).replace(",", "") + (f".{m.group(2)}" if m.group(2) else ""))
        scale = 1.0
        for ch in m.group(3) or "":
            scale *= _ZH_UNITS.get(ch) or _ZH_BIG[ch]
        out.append(Quantity(text[m.start() : m.end()].strip(), m.start(), value * scale, (), m.end(), scale))
    return _ranges(out, folded)


def zh_spelled(text: str) -> list[float]:
    """Values of numbers spelled in Chinese characters (百分之八十 gives 100 and 80)."""
    values = []
    for m in _ZH_NUMERAL.finditer(text):
        v = zh_numeral_value(m.group(0))
        if v is not None:
            values.append(v)
    return values


_ROMAN = regex.compile(r"\b[IVXLC]+\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(token: str) -> int:
    """Value of a Roman numeral (XXI век is 21世纪)."""
    total = 0
    for ch, nxt in zip(token, [*token[1:], ""], strict=True):
        v = _ROMAN_VALUES[ch]
        total += -v if nxt and _ROMAN_VALUES[nxt] > v else v
    return total


def ru_spelled(text: str) -> list[float]:
    """Values of common Russian number words (три, пяти, десятью, тысячи) and Roman numerals."""
    words = [
        float(_RU_WORDS[m.group(1).lower()])
        * (_RU_SCALE.get(m.group(2)[:3].lower(), 1.0) if m.group(2) else 1.0)
        for m in _RU_WORD.finditer(text)
    ]
    return words + [float(roman_value(m.group(0))) for m in _ROMAN.finditer(text)]


def _literal(q: Quantity, other: str) -> bool:
    """The number's digits stand in the other side as written (p109, 2.4Ghz), glued to letters."""
    digits = regex.sub(r"[\s\u00a0\u202f]", "", q.text)
    digits = regex.match(r"[\d.,]*\d", digits)
    if digits is None or q.scale != 1.0:
        return False
    forms = {digits.group(0), digits.group(0).replace(",", "."), digits.group(0).replace(".", ",")}
    after = r"(?!\d|[.,]\d|\s?(?:[多余几]?[十百千万亿]|тыс|млн|млрд|трлн|миллион|миллиард))"
    return any(regex.search(rf"(?<![\d.,]){regex.escape(f)}{after}", other) for f in forms)


_DIGIT_RUN = regex.compile(r"\d+")
# Anything that can make equal digits mean different quantities, or different digits mean equal ones.
_RU_SCALE_HINTS = ("тыс", "млн", "млрд", "трлн", "миллион", "миллиард", ":")
_ZH_SCALE_HINTS = (*"十百千万亿:：", "世纪", *"０１２３４５６７８９")


def _plain(ru: str, zh: str) -> bool:
    """No scale word, numeral character, clock time or full-width digit on either side (substring
    tests: far cheaper than a regex alternation on every unit)."""
    return not any(h in ru for h in _RU_SCALE_HINTS) and not any(h in zh for h in _ZH_SCALE_HINTS)


def unmatched(ru: str, zh: str) -> tuple[list[Quantity], list[Quantity]]:
    """Russian quantities without an equal in the Chinese side, and Chinese ones without one in Russian."""
    runs = _DIGIT_RUN.findall(ru)
    if sorted(runs) == sorted(_DIGIT_RUN.findall(zh)) and _plain(ru, zh):
        return [], []  # the same digits and no scale words or numerals: nothing can differ
    rq, zq = ru_quantities(ru), zh_quantities(zh)
    if not rq and not zq:
        return [], []
    zh_values = [x for q in zq for x in q.values()]
    ru_values = [x for q in rq for x in q.values()]
    lost_ru = [q for q in rq if not any(_same(x, v) for x in q.values() for v in zh_values)]
    if lost_ru:
        spelled = zh_spelled(zh)
        lost_ru = [q for q in lost_ru if not any(_same(x, v) for x in q.values() for v in spelled)]
    lost_zh = [q for q in zq if not any(_same(q.value, v) for v in ru_values)]
    if lost_zh:
        spelled = ru_spelled(ru)
        lost_zh = [q for q in lost_zh if not any(_same(q.value, v) for v in spelled)]
    lost_ru = [q for q in lost_ru if not _literal(q, zh)]
    lost_zh = [q for q in lost_zh if not _literal(q, ru)]
    return lost_ru, lost_zh
