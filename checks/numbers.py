"""Quantities on both sides of a translation unit, as values, so that 15亿 equals 1,5 млрд.

Russian writes a decimal comma and groups thousands with spaces (``1,5``, ``10 000``) and scales
with ``тыс.``, ``млн``, ``млрд``, ``трлн``; Chinese writes a decimal point, may group with commas
(``1,000``) and scales with 万 (10⁴), 亿 (10⁸), 万亿 (10¹²), or writes the number in characters
(三, 二十, 百分之八十). Percent signs (%, ％, процентов) and range marks (–, ～, -) only separate
numbers; the values are compared, so 80% and 80％ match and so do 2018–2020 and 2018～2020年.
The notation itself (scales, separators, numerals, ranges) is :mod:`lang.ru` and :mod:`lang.zh`, which
the aligner's number anchors read too.

A number written with digits on one side must find an equal on the other side, where it may also
be spelled out (Chinese numerals; common Russian number words).
"""

from __future__ import annotations

import regex
from ruzh.lang import ru as ru_rules
from ruzh.lang import zh as zh_rules
from ruzh.lang.numbers import Quantity, same


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
    rq, zq = ru_rules.quantities(ru), zh_rules.quantities(zh)
    if not rq and not zq:
        return [], []
    zh_values = [x for q in zq for x in q.values()]
    ru_values = [x for q in rq for x in q.values()]
    lost_ru = [q for q in rq if not any(same(x, v) for x in q.values() for v in zh_values)]
    if lost_ru:
        spelled = zh_rules.spelled(zh)
        lost_ru = [q for q in lost_ru if not any(same(x, v) for x in q.values() for v in spelled)]
    lost_zh = [q for q in zq if not any(same(q.value, v) for v in ru_values)]
    if lost_zh:
        spelled = ru_rules.spelled(ru)
        lost_zh = [q for q in lost_zh if not any(same(q.value, v) for v in spelled)]
    lost_ru = [q for q in lost_ru if not _literal(q, zh)]
    lost_zh = [q for q in lost_zh if not _literal(q, ru)]
    return lost_ru, lost_zh
