"""Sentence splitting for Russian (and English) and Chinese, with positions.

Russian: a period, ``!``, ``?`` or ``…`` (with closing quotes/brackets) followed by a space and a
capital, a digit or Han starts a new sentence, except after abbreviations that do not end sentences
(``см.``, ``т. е.``, see ``data/ru_abbreviations.tsv``), after initials (``А. С. Пушкин``), after a
list marker that opens the text (``1.``), and inside «…» quotes. Chinese: after ``。！？；`` and
``……``, keeping closing quotes and brackets ``”’」』）》`` with their sentence, never inside ``《》``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import regex
from ruzh.align.positions import PositionedText

CHINESE_END = regex.compile(
    r"(?:[。！？；]|……|(?<=\p{Han})[.;!?](?=\p{Han}))+(?:[”’」』）》\"')\]]+[。！？；]*)*"
)
LATIN_END = regex.compile(r"[.!?…]+[»\"”’)\]]*(?=\s+[«\"“(\[—–\-]?\s*[\p{Lu}\d\p{Han}])")
BOUNDARY = regex.compile(f"{CHINESE_END.pattern}|{LATIN_END.pattern}")
LAST_WORD = regex.compile(r"([\p{L}№][\p{L}\-]*)$")
LAST_TWO_WORDS = regex.compile(r"(\p{L}+\.\s*\p{L}+)$")
INITIAL = regex.compile(r"(?:^|[\s(«\"])\p{Lu}$")
LIST_MARKER = regex.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,5}|[а-яa-z])\s*$")
# A quote open this long without a close is unbalanced: stop protecting its contents.
MAX_QUOTE = 600
# A "sentence" of fewer words before an abbreviation such as «г.» is a phrase (``В 2020 г. Китай``).
MIN_WORDS_BEFORE_FINAL_ABBREVIATION = 4


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation (lower case, no final period) → ``inner`` or ``final`` (see the data file)."""
    table: dict[str, str] = {}
    text = resources.files("ruzh.align").joinpath("data/ru_abbreviations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            abbreviation, kind, _reason = line.split("\t", 2)
            table[abbreviation] = kind
    return table


def _abbreviation_kind(before: str) -> str | None:
    table = abbreviations()
    two = LAST_TWO_WORDS.search(before)
    if two:
        key = regex.sub(r"\.\s*", ". ", two.group(1).lower())
        if key in table:
            return table[key]
    one = LAST_WORD.search(before)
    if one and one.group(1).lower() in table:
        return table[one.group(1).lower()]
    return None


def _inside(text: str, start: int, end: int, opener: str, closer: str) -> bool:
    """Whether ``end`` falls inside an ``opener…closer`` pair opened after ``start``."""
    segment = text[start:end]
    depth = segment.count(opener) - segment.count(closer)
    if depth <= 0:
        return False
    last_open = segment.rfind(opener)
    return end - (start + last_open) < MAX_QUOTE


def _is_boundary(text: str, start: int, match: regex.Match[str]) -> bool:
    mark = match.group(0)
    if _inside(text, start, match.start(), "《", "》"):
        return False
    if mark[0] in "。！？；…" or (
        mark[0] in ".;!?" and regex.match(r"\p{Han}", text[match.end() : match.end() + 1])
    ):
        return True
    if _inside(text, start, match.start(), "«", "»"):
        return False
    if mark[0] != ".":
        return True
    before = text[start : match.start()]
    if INITIAL.search(before) or LIST_MARKER.match(before):
        return False
    kind = _abbreviation_kind(before)
    if kind == "inner":
        return False
    if kind == "final":
        following = text[match.end() :].lstrip()[:1]
        return following.isupper() and len(before.split()) >= MIN_WORDS_BEFORE_FINAL_ABBREVIATION
    return True


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space trimmed, none empty."""
    start = 0
    for match in BOUNDARY.finditer(text):
        if match.end() <= start or not _is_boundary(text, start, match):
            continue
        yield from _trimmed(text, start, match.end())
        start = match.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + lead + len(stripped)


def split_sentences(text: PositionedText) -> Iterator[tuple[str, int, int]]:
    """Sentences of a positioned paragraph: ``(text, line, column)`` in the original file."""
    plain = text.text
    for start, end in sentence_spans(plain):
        line, column = text.locate(start)
        yield plain[start:end], line, column
