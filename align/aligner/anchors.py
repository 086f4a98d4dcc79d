"""Anchors any ru/zh text carries whatever its vocabulary: numbers, Latin tokens, quotes, list markers.

Numbers are normalised to their value so that ``1,5 млн`` (decimal comma, Russian scale word) meets
``150万`` (Chinese 万/亿 scales) and ``1 234,5`` (space as thousands separator) meets ``1,234.5``.
Percent signs, question and exclamation marks, quotation and title marks («» “” 《》 「」) and list
markers ((一), 1., (3)) become cheap features too. Each anchor is a string key with a weight.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import regex

# Russian scale words (abbreviated and full forms) → multiplier.
RU_SCALES = {
    "тыс": 1e3,
    "тысяча": 1e3,
    "тысячи": 1e3,
    "тысяч": 1e3,
    "тысячу": 1e3,
    "тысячами": 1e3,
    "млн": 1e6,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "миллионы": 1e6,
    "млрд": 1e9,
    "миллиард": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "миллиарды": 1e9,
    "трлн": 1e12,
    "триллион": 1e12,
    "триллиона": 1e12,
    "триллионов": 1e12,
}
# Chinese scale characters; 万 (10^4) and 亿 (10^8) are the ones Russian translators convert.
ZH_SCALES = {"千": 1e3, "万": 1e4, "亿": 1e8, "百万": 1e6, "千万": 1e7, "万亿": 1e12}
ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Russian: "1 234,5", "3.5", "12" followed by an optional scale word and percent.
_RU_NUMBER = regex.compile(
    r"(?<![\p{L}\d])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?"
    r"(?:\s*(тыс|млн|млрд|трлн|тысяч\w*|миллион\w*|миллиард\w*|триллион\w*)\b\.?)?(\s*%)?"
)
# Chinese (after NFKC): "1,234.5", "150", followed by an optional scale and percent.
_ZH_NUMBER = regex.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万亿|百万|千万|千|万|亿)?\s*(%)?"
)
_LATIN = regex.compile(r"(?<![A-Za-z0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_RU_QUOTES = regex.compile(r"[«»„“”\"]")
_ZH_QUOTES = regex.compile(r"[“”「」《》『』\"]")
_RU_MARKER = regex.compile(r"^\s*\(?(\d{1,2}|[а-иА-И])[.)]\s")
_ZH_MARKER = regex.compile(r"^\s*[（(]?(\d{1,2}|[一二三四五六七八九十])[)）、.．]")
_RU_LETTERS = "абвгдежзи"


def _value(integer: str, fraction: str | None, scale: float, percent: bool) -> str:
    """Canonical text of a number so both languages produce the same key."""
    digits = regex.sub(r"[^\d]", "", integer)
    value = float(f"{digits}.{fraction}" if fraction else digits) * scale
    text = f"{value:.6g}"
    return f"N:{text}%" if percent else f"N:{text}"


def ru_numbers(text: str) -> list[str]:
    """Number anchors of a Russian sentence."""
    out = []
    for m in _RU_NUMBER.finditer(text):
        scale_word = (m.group(3) or "").lower()
        scale = 1.0
        for prefix, mult in RU_SCALES.items():
            if scale_word.startswith(prefix):
                scale = mult
                break
        out.append(_value(m.group(1), m.group(2), scale, bool(m.group(4))))
    return out


def zh_numbers(text: str) -> list[str]:
    """Number anchors of a Chinese sentence (text already NFKC-normalised)."""
    out = []
    for m in _ZH_NUMBER.finditer(text):
        scale = ZH_SCALES.get(m.group(3) or "", 1.0)
        out.append(_value(m.group(1), m.group(2), scale, bool(m.group(4))))
    return out


def _anchors(
    text: str,
    numbers: Callable[[str], list[str]],
    quotes: regex.Pattern[str],
    marker: regex.Pattern[str],
    marker_key: Callable[[str], str],
) -> dict[str, float]:
    """Anchors of a sentence with their weights: numbers and Latin tokens weigh most."""
    norm = unicodedata.normalize("NFKC", text)
    found: dict[str, float] = {}
    for key in numbers(norm):
        found[key] = 2.0
    for tok in _LATIN.findall(norm):
        if len(tok) > 1:
            found["A:" + tok.lower()] = 2.0
    _marks(norm, quotes, found)
    m = marker.match(norm)
    if m:
        found["M:" + marker_key(m.group(1))] = 1.0
    return found


def _ru_marker_key(tag: str) -> str:
    tag = tag.lower()
    return str(_RU_LETTERS.index(tag) + 1) if tag in _RU_LETTERS else tag


def ru_anchors(text: str) -> dict[str, float]:
    """All anchors of a Russian sentence with their weights (list letters а), б) count as 1, 2)."""
    return _anchors(text, ru_numbers, _RU_QUOTES, _RU_MARKER, _ru_marker_key)


def zh_anchors(text: str) -> dict[str, float]:
    """All anchors of a Chinese sentence with their weights (（一） counts as 1)."""
    return _anchors(text, zh_numbers, _ZH_QUOTES, _ZH_MARKER, lambda tag: str(ZH_DIGITS.get(tag, tag)))


def _marks(norm: str, quotes: regex.Pattern[str], found: dict[str, float]) -> None:
    """Quotation marks and sentence-final question/exclamation marks (NFKC maps ？ to ?)."""
    if quotes.search(norm):
        found["Q"] = 0.5
    if "?" in norm:
        found["P:?"] = 0.5
    if "!" in norm:
        found["P:!"] = 0.5
