"""Page furniture: page numbers and running headers/footers that PDF extraction leaves in the text.

Journals print a page number («34», «– 34 –», «С. 34», «стр. 34», «第34页») and a running header
(«Вестник международных отношений. 2023. № 2», «34 Вестник …») on each page; extraction writes them
as lines between the last line of one page and the first of the next, where they get glued into the
sentence that crosses the break («традици- – 75 – онным»). This module finds those lines so the
reflow can step over them; the reader keeps them as ``furniture`` blocks with their positions, so
nothing is lost and line:column still point into the file.

A page starts with a line that begins with a single space (all five seeds show it) or after a form
feed. A line is furniture when it is a page number in a decorated form, a bare number at a page
boundary or in a sequence of increasing page numbers, or a short line that repeats (with its digits
ignored) at page starts or ends, or many times across the document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

import regex
from ruzh.align.reflow import TERMINAL
from ruzh.align.roles import HEADING_MARKER
from ruzh.align.script import HAN, display_width

LOWER = regex.compile(r"\p{Ll}")
LETTER = regex.compile(r"\p{L}")
HAN_END = regex.compile(r"\p{Han}$")
HAN_STOP_END = regex.compile(r"\p{Han}[。！？；，、]$")
# Page numbers as journals print them; the bare form needs more evidence (see BARE_NUMBER).
DECORATED_PAGE_NUMBER = regex.compile(
    r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:С|с|Стр|стр|P|p|pp|Pp)\.\s*\d{1,4}|第\s*\d{1,4}\s*页|·\s*\d{1,4}\s*·)$"
)
BARE_NUMBER = regex.compile(r"^\d{1,4}$")
# A page starts with a line that begins with exactly one space, or after a form feed.
PAGE_START = regex.compile(r"^(?:\f\s*| )\S")
DIGITS = regex.compile(r"\d+")
SPACES = regex.compile(r"\s+")
# Running headers are short; one that is a sentence of running text is not furniture.
MAX_HEADER_WIDTH = 100
MIN_HEADER_LETTERS = 6
# A short line seen this often anywhere, far apart, is a running header even without page marks.
REPEATS_ANYWHERE = 3
MIN_GAP_LINES = 8
# A header cutting a sentence is shorter than the full line of running text before it.
SHORTER_THAN_RUNNING = 0.9
# Page numbers in a sequence grow by at most this much from one to the next (a page may be skipped).
MAX_PAGE_STEP = 2


def _key(line: str) -> str:
    """What stays the same from page to page: digits and spacing are ignored."""
    return SPACES.sub(" ", DIGITS.sub("#", line.strip())).lower()


def page_starts(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that begin a page (the first line of the file begins page 1)."""
    starts = [i for i, line in enumerate(lines) if PAGE_START.match(line)]
    return starts if starts[:1] == [0] else [0, *starts]


def _nonblank_around(lines: Sequence[str], start: int, step: int, count: int = 2) -> list[int]:
    """Up to ``count`` non-blank line indices from ``start`` going by ``step``."""
    found: list[int] = []
    i = start
    while 0 <= i < len(lines) and len(found) < count:
        if lines[i].strip():
            found.append(i)
        i += step
    return found


def _edges(lines: Sequence[str], starts: Sequence[int]) -> set[int]:
    """Lines at page edges: the first two of every page and the last two before the next page."""
    edges: set[int] = set()
    for start in starts:
        edges.update(_nonblank_around(lines, start, 1))
        edges.update(_nonblank_around(lines, start - 1, -1))
    edges.update(_nonblank_around(lines, len(lines) - 1, -1))
    return edges


def _breaks(lines: Sequence[str], starts: Sequence[int]) -> set[int]:
    """The line on each side of every page break (and the last line when there are pages)."""
    around: set[int] = set()
    for start in starts[1:]:
        around.update(_nonblank_around(lines, start, 1, 1))
        around.update(_nonblank_around(lines, start - 1, -1, 1))
    if len(starts) > 1:
        around.update(_nonblank_around(lines, len(lines) - 1, -1, 1))
    return around


def _numbers(lines: Sequence[str], breaks: set[int]) -> set[int]:
    """Page-number lines: decorated ones; bare ones next to a page break or in a sequence of numbers
    growing by one or two, a page apart (years in a table grow too, but line by line). A document
    of nothing but numbers is all page numbers."""
    found = {i for i, line in enumerate(lines) if DECORATED_PAGE_NUMBER.match(line.strip())}
    bare = [i for i, line in enumerate(lines) if BARE_NUMBER.match(line.strip())]
    if len(found) + len(bare) == sum(1 for line in lines if line.strip()):
        return found | set(bare)
    values = [int(lines[i]) for i in bare]

    def step(k: int, m: int) -> bool:
        return 0 < values[m] - values[k] <= MAX_PAGE_STEP and bare[m] - bare[k] >= MIN_GAP_LINES

    for k, i in enumerate(bare):
        if i in breaks or (k > 0 and step(k - 1, k)) or (k + 1 < len(bare) and step(k, k + 1)):
            found.add(i)
    return found


SENTENCE_END = regex.compile(r"[.!?…。！？:：;；,，]\s*$")


def _looks_like_header(line: str) -> bool:
    """Short, with some letters, not starting like a continued sentence (lower case) and not ending
    like a sentence, a label or a hyphenated word."""
    text = line.strip()
    return (
        len(text) <= MAX_HEADER_WIDTH
        and not LOWER.match(text)
        and not text.endswith(("-", "‐"))
        and not SENTENCE_END.search(text[-4:])
        and len(LETTER.findall(text)) >= MIN_HEADER_LETTERS
    )


def _headers(lines: Sequence[str], edges: set[int], pages: int) -> set[int]:
    """Short lines that repeat at page edges, or often and far apart anywhere."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        if line.strip() and _looks_like_header(line):
            where[_key(line)].append(i)
    found: set[int] = set()
    for places in where.values():
        at_edges = [i for i in places if i in edges]
        if len(at_edges) >= 2 and pages >= 2:
            found.update(at_edges)
        elif len(places) >= REPEATS_ANYWHERE and min(b - a for a, b in pairwise(places)) >= MIN_GAP_LINES:
            found.update(places)
    return found


def _cuts_a_sentence(lines: Sequence[str], before: int, line: int, after: int, width: int) -> bool:
    """Whether ``line`` sits inside running text from ``before`` to ``after``: it is shorter than the
    text block and not a heading, and either the sentence goes on after it (the line before does not
    end a sentence, and a lower-case Russian word follows or this line starts the page) or, in
    Chinese, where no case tells, the line before ran to the margin and more Chinese text follows."""
    prev, text, nxt = lines[before].strip(), lines[line].strip(), lines[after].strip()
    short = display_width(text) < SHORTER_THAN_RUNNING * width
    if not short or HEADING_MARKER.match(text):
        return False
    if LOWER.match(nxt) or (PAGE_START.match(lines[line]) and LETTER.match(nxt)):
        # the sentence goes on in lower case, or the page starts with this line inside a sentence
        return not TERMINAL.search(prev[-8:])
    prev_full = display_width(prev) >= SHORTER_THAN_RUNNING * width
    han_before = HAN_END.search(prev[-1:]) or HAN_STOP_END.search(prev[-2:])
    return prev_full and bool(HAN.match(nxt) and han_before)


def _interruptions(lines: Sequence[str], starts: Sequence[int], numbers: set[int]) -> set[int]:
    """Header and footer lines at a page break that cut a sentence in two, even when seen once
    (a header that alternates between odd and even pages repeats only every second page)."""
    text = [i for i, line in enumerate(lines) if line.strip() and i not in numbers]
    width = sorted(display_width(lines[i].rstrip()) for i in text)[int(len(text) * 0.9)] if text else 0
    found: set[int] = set()
    for start in starts[1:]:
        at = bisect_left(text, start)
        # around the break: two text lines before it and two after (page numbers left out)
        around = text[max(at - 2, 0) : at + 2]
        for before, line, after in zip(around, around[1:], around[2:], strict=False):
            if _looks_like_header(lines[line]) and _cuts_a_sentence(lines, before, line, after, width):
                found.add(line)
    return found


def find_furniture(lines: Sequence[str]) -> dict[int, str]:
    """0-based indices of furniture lines → ``page-number`` or ``running-header``."""
    starts = page_starts(lines)
    edges = _edges(lines, starts)
    numbers = _numbers(lines, _breaks(lines, starts))
    headers = _headers(lines, edges, len(starts)) | _interruptions(lines, starts, numbers)
    found = dict.fromkeys(headers - numbers, "running-header")
    found.update(dict.fromkeys(numbers, "page-number"))
    return found
