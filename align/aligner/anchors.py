"""Anchors any ru/zh text carries whatever its vocabulary: numbers, Latin tokens, quotes, list markers.

Numbers are normalised to their value so that ``1,5 млн`` (decimal comma, Russian scale word) meets
``150万`` (Chinese 万/亿 scales) and ``1 234,5`` (space as thousands separator) meets ``1,234.5``; the
notation is the one the number checks read (:mod:`lang.ru`, :mod:`lang.zh`), so an anchor and a check
never disagree on what a number is worth. Percent signs, question and exclamation marks, quotation and
title marks («» “” 《》 「」) and list markers ((一), 1., (3)) become cheap features too. Each anchor is
a string key with a weight.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import regex
from ruzh.lang import ru as ru_rules
from ruzh.lang import zh as zh_rules
from ruzh.lang.marks import QUOTE_MARKS
from ruzh.lang.numbers import Quantity

_LATIN = regex.compile(r"(?<![A-Za-z0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_QUOTES = regex.compile("[" + regex.escape(QUOTE_MARKS) + "]")
_RU_MARKER = regex.compile(r"^\s*\(?(\d{1,2}|[а-иА-И])[.)]\s")
_ZH_MARKER = regex.compile(r"^\s*[（(]?(\d{1,2}|[一二三四五六七八九十])[)）、.．]")
_RU_LETTERS = "абвгдежзи"
_PERCENT = regex.compile(r"\s?%")


def number_keys(quantities: list[Quantity], text: str) -> list[str]:
    """Canonical text of each value, so that both languages produce the same key (``N:80%``)."""
    out = []
    for q in quantities:
        percent = bool(q.end) and _PERCENT.match(text, q.end) is not None
        out.append(f"N:{q.value:.6g}%" if percent else f"N:{q.value:.6g}")
    return out


def ru_numbers(text: str) -> list[str]:
    """Number anchors of a Russian sentence (text already NFKC-normalised)."""
    return number_keys(ru_rules.quantities(text), text)


def zh_numbers(text: str) -> list[str]:
    """Number anchors of a Chinese sentence (text already NFKC-normalised: ％ is %, ， is ,)."""
    return number_keys(zh_rules.quantities(text), text)


def _anchors(
    text: str,
    numbers: Callable[[str], list[str]],
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
    _marks(norm, found)
    m = marker.match(norm)
    if m:
        found["M:" + marker_key(m.group(1))] = 1.0
    return found


def _ru_marker_key(tag: str) -> str:
    tag = tag.lower()
    return str(_RU_LETTERS.index(tag) + 1) if tag in _RU_LETTERS else tag


def _zh_marker_key(tag: str) -> str:
    value = None if tag.isdigit() else zh_rules.numeral_value(tag)
    return tag if value is None else str(int(value))


def ru_anchors(text: str) -> dict[str, float]:
    """All anchors of a Russian sentence with their weights (list letters а), б) count as 1, 2)."""
    return _anchors(text, ru_numbers, _RU_MARKER, _ru_marker_key)


def zh_anchors(text: str) -> dict[str, float]:
    """All anchors of a Chinese sentence with their weights (（一） counts as 1)."""
    return _anchors(text, zh_numbers, _ZH_MARKER, _zh_marker_key)


# What the agreement cost counts in each sentence (NFKC maps ？ to ?): question marks, sentence ends.
SIGNALS = ("?", "ends")
# A sentence end: a run of terminators (。 ends a sentence wherever it is; . ! ? … before a space and
# a capital, digit, quote or dash, before Chinese text, or at the end of the text), closing quotes or
# brackets included; not the point after a one-letter word other than «я» (initials, «г.», «т. е.»).
_ENDS = regex.compile(
    r"。+|(?:[!?]|(?<!(?:^|[\s.(])[^\P{L}я])\.)[.!?]*[\"»”’')）」』]*"
    r"(?=\s+[\p{Lu}\d\"«“„(—–-]|\s*\p{Han}|\s*$)"
)


def signal_counts(text: str) -> tuple[int, ...]:
    """How many question marks and sentence ends (at least one in any text) a sentence has.

    A translation keeps a question a question, and two sentences glued into one segment on one side
    are two sentences' worth of text on the other, whatever the vocabulary: a bead whose sides
    disagree on these is suspect even where the lexicon knows no word of it. (Exclamation marks,
    quotes, brackets, numbers and Latin tokens were tried too and lost accuracy: translators drop «!»
    and add or drop quotes and brackets, and numbers and Latin tokens are already concepts of the
    lexical similarity.)"""
    norm = unicodedata.normalize("NFKC", text)
    ends = len(_ENDS.findall(norm))
    return (norm.count("?"), max(ends, 1) if norm.strip() else 0)


def _marks(norm: str, found: dict[str, float]) -> None:
    """Quotation marks and sentence-final question/exclamation marks (NFKC maps ？ to ?)."""
    if _QUOTES.search(norm):
        found["Q"] = 0.5
    if "?" in norm:
        found["P:?"] = 0.5
    if "!" in norm:
        found["P:!"] = 0.5
