"""Sentence splitting for Russian (and English) and Chinese, with positions.

Russian: a period, ``!``, ``?`` or ``…`` (with closing quotes/brackets) followed by a space and a
capital, a digit or Han starts a new sentence, except after abbreviations that do not end sentences
(``см.``, ``т. е.``, see ``data/ru_abbreviations.tsv``), after initials (``А. С. Пушкин``), after a
list marker that opens the text (``1.``), and inside «…» quotes. Chinese: after ``。！？`` and ``……``,
keeping closing quotes and brackets ``”’」』）》`` with their sentence, never inside ``《》``; a quoted
question that the sentence continues (“……吗？”他问道) and ``；`` do not end a sentence, as Russian
translators keep ``;`` and «…?» — спросил он inside one. Every step is linear in the text's length.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import regex
from ruzh.align.positions import PositionedText
from ruzh.align.script import HAN

# Only the first mark of a run may start a match: a run of 10,000 stops is then one match, not 10,000
# attempts that each scan to its end (which made splitting quadratic in the run's length).
CHINESE_END = regex.compile(
    r"(?<![。！？…])(?:[。！？]|……|(?<=\p{Han})[.!?](?=\p{Han}))++(?:[”’」』）》\"')\]]++[。！？]*+)*+"
)
LATIN_END = regex.compile(r"(?<![.!?…])[.!?…]++[»\"”’)\]]*+(?=\s+[«\"“(\[—–\-]?\s*[\p{Lu}\d\p{Han}])")
BOUNDARY = regex.compile(f"{CHINESE_END.pattern}|{LATIN_END.pattern}")
LAST_WORD = regex.compile(r"([\p{L}№][\p{L}\-]*)$")
LAST_TWO_WORDS = regex.compile(r"(\p{L}+\.\s*\p{L}+)$")
INITIAL = regex.compile(r"(?:^|[\s(«\"])\p{Lu}$")
LIST_MARKER = regex.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,5}|[а-яa-z])\s*$")
# A quoted question or exclamation (“……吗？”) ends the outer sentence only when nothing continues it:
# not a comma or a particle right after the closing quote, not an attribution such as 他问道.
QUOTE_CLOSERS = "”’」』"
CONTINUES_AFTER_QUOTE = regex.compile(
    r"[，、,：:；;的地得之]|\p{Han}{0,4}(?:说|问|答|道|称|表示|回答|写道|指出|补充|喊)"
)
STOP_AND_SPACES = regex.compile(r"\.\s*")
# A quote open this long without a close is unbalanced: stop protecting its contents.
MAX_QUOTE = 600
# Abbreviations, initials and list markers are recognised on this much text before a stop, and the
# words before a final abbreviation counted on WORDS_BEHIND (the whole sentence so far made it quadratic).
LOOK_BEHIND = 40
WORDS_BEHIND = 100
# A "sentence" of fewer words before an abbreviation such as «г.» is a phrase (``В 2020 г. Китай``).
MIN_WORDS_BEFORE_FINAL_ABBREVIATION = 4
# Quote pairs inside which a stop does not end the sentence (Chinese book titles; Russian quotes).
BOOK_TITLE = ("《", "》")
RU_QUOTES = ("«", "»")


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
        key = STOP_AND_SPACES.sub(". ", two.group(1).lower())
        if key in table:
            return table[key]
    one = LAST_WORD.search(before)
    if one and one.group(1).lower() in table:
        return table[one.group(1).lower()]
    return None


def _positions(text: str, char: str) -> list[int]:
    """Offsets of ``char`` in ``text``."""
    found: list[int] = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


class _Pairs:
    """Positions of an opener and a closer in a text, to tell in O(log n) whether an offset lies
    inside an open pair (counting over the text for each stop made splitting quadratic)."""

    def __init__(self, text: str, opener: str, closer: str) -> None:
        self.opens = _positions(text, opener)
        self.closes = _positions(text, closer) if self.opens else []

    def inside(self, start: int, end: int) -> bool:
        """Whether ``end`` falls inside a pair opened after ``start`` (and not too long ago)."""
        if not self.opens:
            return False
        first, last = bisect_left(self.opens, start), bisect_left(self.opens, end)
        depth = (last - first) - (bisect_left(self.closes, end) - bisect_left(self.closes, start))
        return depth > 0 and end - self.opens[last - 1] < MAX_QUOTE


class _Splitter:
    """Decides, stop by stop, where the sentences of one text end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.titles = _Pairs(text, *BOOK_TITLE)
        self.quotes = _Pairs(text, *RU_QUOTES)

    def _quote_continues(self, match: regex.Match[str]) -> bool:
        """A quoted question or exclamation whose sentence goes on after the closing quote."""
        mark = match.group(0)
        if not any(closer in mark for closer in QUOTE_CLOSERS) or mark[-1] in "。！？":
            return False
        return bool(CONTINUES_AFTER_QUOTE.match(self.text, match.end()))

    def is_boundary(self, start: int, match: regex.Match[str]) -> bool:
        text, mark = self.text, match.group(0)
        if self.titles.inside(start, match.start()):
            return False
        if mark[0] in "。！？…" or (mark[0] in ".!?" and HAN.match(text, match.end())):
            return not self._quote_continues(match)
        if self.quotes.inside(start, match.start()):
            return False
        if mark[0] != ".":
            return True
        before = text[max(start, match.start() - LOOK_BEHIND) : match.start()]
        if INITIAL.search(before) or (match.start() - start <= LOOK_BEHIND and LIST_MARKER.match(before)):
            return False
        kind = _abbreviation_kind(before)
        if kind == "inner":
            return False
        if kind == "final":
            following = text[match.end() : match.end() + 8].lstrip()[:1]
            words = text[max(start, match.start() - WORDS_BEHIND) : match.start()].split()
            return following.isupper() and len(words) >= MIN_WORDS_BEFORE_FINAL_ABBREVIATION
        return True


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space trimmed, none empty (linear time)."""
    splitter = _Splitter(text)
    start = 0
    for match in BOUNDARY.finditer(text):
        if match.end() <= start or not splitter.is_boundary(start, match):
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
