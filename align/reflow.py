"""Rebuild paragraphs from the visual lines of PDF-extracted text.

Three layouts occur in real extractions (all five seeds show one of them): visual lines separated by
blank lines (blank lines then mean nothing), one paragraph per line, and visual lines without blank
lines (blank lines then separate paragraphs, except where a sentence runs across them). A page in
these files starts with a line that begins with a single space. Paragraph ends are therefore decided
from the text itself: terminal punctuation, how full a line is compared with the file's line width,
the case of the next word, and markers that open a paragraph (labels, headings, captions).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

import regex
from ruzh.align.hyphenation import LINE_END_WORD, LINE_START_WORD, should_keep_hyphen, vocabulary
from ruzh.align.positions import PositionedText
from ruzh.lang import labels
from ruzh.lang.script import CYRILLIC, display_width, is_cjk

# Spaces that PDF extraction leaves and that mean an ordinary space.
UNUSUAL_SPACES = regex.compile(r"[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003]")
# A space between two Han characters is an artefact of extraction (``推 动工业``).
STRAY_HAN_SPACE = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")
TERMINAL = regex.compile(r"[.!?…。！？；;:：][\"'»”’」』）)\]]*\s*$")
# What opens a new paragraph whatever the previous line was.
PARAGRAPH_OPENER = regex.compile(
    rf"""^\s*(?:
        (?:{labels.ABSTRACT}|{labels.KEYWORDS}|{labels.SECTIONS})\s*{labels.LABEL_END}
      | (?:{labels.ABSTRACT_ZH}|{labels.KEYWORDS_ZH})\s*{labels.LABEL_END}?
      | {labels.caption_start(han_names=False)}
      | {labels.HEADING_NUMBER}
      | 第[一二三四五六七八九十]+[，,、章节]
      | •\s
      | \[\d{{1,3}}\]\s
    )""",
    regex.VERBOSE,
)
# A dash at a line start: a list item, or reported speech / an appositive inside a sentence
# («…, — сказал он», «- ныне известный как …»); see :func:`_dash_continues`.
DASH_START = regex.compile(r"^[-–—]\s")
# A line that ends like this introduces or continues a list.
LIST_LEAD_END = regex.compile(r"[:：;；]\s*$")
# A line starting like this may stand inside Chinese text (a name in Latin letters, a number).
LATIN_OR_DIGIT_START = regex.compile(r"[\p{Latin}\d(（]")
LOWER_START = regex.compile(r"^[\p{Ll},;:)\]»”’.]")
# A line ending like this is inside a sentence; across a blank line only the strong form counts.
CONTINUING_END = regex.compile(r"[,;(«“‘–—\-\p{Ll}]\s*$")
CONTINUING_END_STRONG = regex.compile(r"[,;(«“‘–—\-、，]\s*$")
# A heading marker line with no sentence end inside it: ``（4） 依托一带一路…抢占先机``.
HEADING_LINE = regex.compile(rf"^\s*(?:{labels.HEADING_NUMBER})[^。！？.!?]*$")
# A Chinese line that begins with a short sentence fragment (``新成分。``) completes a cut line.
FRAGMENT_START = regex.compile(r"^\p{Han}{1,4}[。！？]")
# Captions and source lines are one line each unless the next line is clearly their continuation.
CAPTION_LINE = regex.compile(rf"^\s*(?:{labels.caption_start(notes=False)})")

# A line at least this share of the file's line width is "full": the text ran on to the next line.
FULL_LINE_SHARE = 0.8
# Lines this wide (in columns) are long enough to be running text whatever the layout.
LONG_LINE = 60
# Hyphenated words are looked for in this many characters at a line's end (not the whole line: a
# 10 MB line without a hyphen would be scanned from every letter).
LINE_END_WINDOW = 80
LINE_END_MARKS = 8
# Below this many lines a file says too little about its layout: blank lines then separate paragraphs.
MIN_LINES_FOR_LAYOUT = 8
# Chinese lines needed to measure the Chinese text block's own width.
MIN_LINES_FOR_WIDTH = 4


@dataclass(frozen=True)
class Layout:
    """What the blank lines, the line width and trailing spaces of a file mean."""

    width: int
    blank_lines_meaningful: bool
    # Chinese text blocks are often narrower than the Russian ones of the same file: Chinese lines
    # are judged by their own width (0 when the file has too few Chinese lines to tell).
    zh_width: int = 0
    # Some extractions leave a space after the last character of a Chinese paragraph only: when a
    # minority of Chinese line ends carry one, it marks the paragraph end (seed 000 shows it).
    cjk_trailing_space_ends_paragraph: bool = False


CJK_LINE_END = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef”’」』》][ \t\u3000]*$")
TRAILING_SPACE = regex.compile(r"[ \t\u3000]$")


def normalise_line(line: str) -> str:
    """Replace unusual spaces; nothing else in the text is changed."""
    return UNUSUAL_SPACES.sub(" ", line)


def _percentile_width(widths: list[int]) -> int:
    """The 90th percentile of line widths: the text block's width, whatever the short lines."""
    widths = sorted(widths)
    return widths[int(len(widths) * 0.9) if len(widths) > 1 else 0] if widths else 0


def is_chinese_line(text: str) -> bool:
    """A line of Chinese text: wide characters and no Cyrillic (Latin names and numbers may stand
    in it: ``乌萨帕 (Robin Uthappa) 取得了``)."""
    return _is_chinese(text, display_width(text))


def _is_chinese(text: str, width: int) -> bool:
    return width - len(text) >= len(text) // 4 and not CYRILLIC.search(text)


@dataclass(frozen=True)
class SourceLine:
    """A non-blank line with its 1-based number, the column where its text starts, the blank
    lines that preceded it, and its width in display columns (from the start of the line)."""

    number: int
    column: int
    text: str
    blanks_before: int
    trailing_space: bool = False
    width: int = 0
    chinese: bool = False

    @property
    def tail(self) -> str:
        """The line's end, where the line-end rules look (a 10 MB line is not scanned whole)."""
        return self.text[-LINE_END_WINDOW:]

    @property
    def end(self) -> str:
        """The last few characters: enough for the rules that look at a final mark and its quotes."""
        return self.text[-LINE_END_MARKS:]


def source_lines(lines: list[str], skip: Collection[int] = ()) -> Iterator[SourceLine]:
    """Non-blank lines, stripped, with where their text starts (a page-start space is dropped).

    Lines in ``skip`` (page furniture, 0-based) are stepped over; the blank lines around them count
    as the blank lines before the furniture did, so a sentence runs on across a page break.
    """
    blanks = 0
    stepping_over = False
    for number, raw in enumerate(lines, start=1):
        if number - 1 in skip:
            stepping_over = True
            continue
        line = normalise_line(raw)
        stripped = line.strip()
        if not stripped:
            blanks += 0 if stepping_over else 1
            continue
        column = len(line) - len(line.lstrip()) + 1
        width = display_width(stripped)
        trailing = bool(TRAILING_SPACE.search(line[-1:]))
        chinese = _is_chinese(stripped, width)
        yield SourceLine(number, column, stripped, blanks, trailing, width + column - 1, chinese)
        blanks = 0
        stepping_over = False


def detect_layout(lines: list[str]) -> Layout:
    """Line width (90th percentile) of each language and whether blank lines separate paragraphs."""
    return layout_of(list(source_lines(lines)), len(lines))


def layout_of(sources: list[SourceLine], line_count: int) -> Layout:
    """The layout of a file from its non-blank lines (``line_count`` lines in all)."""
    if not sources:
        return Layout(width=0, blank_lines_meaningful=True)
    widths = sorted(line.width for line in sources)
    width = _percentile_width(widths)
    zh_widths = [line.width for line in sources if line.chinese]
    zh_width = _percentile_width(zh_widths) if len(zh_widths) >= MIN_LINES_FOR_WIDTH else 0
    followed_by_blank = sum(1 for line in sources[1:] if line.blanks_before) + (
        sources[-1].number < line_count
    )
    double_spaced = (
        len(sources) >= MIN_LINES_FOR_LAYOUT
        and followed_by_blank / len(sources) > 0.8
        and widths[len(widths) // 2] < 120
    )
    cjk_ends = [line for line in sources if CJK_LINE_END.search(line.end)]
    spaced = sum(1 for line in cjk_ends if line.trailing_space)
    marks_end = bool(cjk_ends) and 0 < spaced <= 0.4 * len(cjk_ends)
    return Layout(
        width=width,
        blank_lines_meaningful=not double_spaced,
        zh_width=zh_width,
        cjk_trailing_space_ends_paragraph=marks_end,
    )


def _is_full(line: SourceLine, layout: Layout) -> bool:
    """Whether the line reaches the right margin of its own language's text block."""
    width = layout.zh_width if layout.zh_width and line.chinese else layout.width
    return line.width >= FULL_LINE_SHARE * width or line.width >= LONG_LINE


def _dash_continues(prev: SourceLine, nxt: SourceLine, layout: Layout) -> bool | None:
    """For a line that starts with a dash: ``False`` when the neighbourhood looks like a list (the
    previous line is a short item of its own or introduces one), ``True`` when the previous line
    ends inside a sentence or with a comma, ``None`` (decide as for any line) otherwise."""
    if not DASH_START.match(nxt.text):
        return None
    if (DASH_START.match(prev.text) and not _is_full(prev, layout)) or LIST_LEAD_END.search(prev.end):
        return False
    return prev.text.endswith((",", "，")) or not TERMINAL.search(prev.end)


def _script_changes(prev: SourceLine, nxt: SourceLine) -> bool:
    """A Chinese line followed by a Russian one, or the other way round: a new paragraph."""
    prev_zh, next_zh = prev.chinese, nxt.chinese
    if prev_zh == next_zh:
        return False
    latin_or_digit = LATIN_OR_DIGIT_START.match(nxt.text)
    return not latin_or_digit and CYRILLIC.search(prev.text if next_zh else nxt.text) is not None


def continues(prev: SourceLine, nxt: SourceLine, layout: Layout) -> bool:
    """Whether ``nxt`` continues the paragraph that ``prev`` ends."""
    if prev.text.endswith("-") and LINE_END_WORD.search(prev.tail) and LOWER_START.match(nxt.text):
        return True
    dash = _dash_continues(prev, nxt, layout)
    if dash is not None:
        return dash and not (nxt.blanks_before > 0 and layout.blank_lines_meaningful)
    if PARAGRAPH_OPENER.match(nxt.text) or _script_changes(prev, nxt):
        return False
    if layout.cjk_trailing_space_ends_paragraph and prev.trailing_space and CJK_LINE_END.search(prev.end):
        return False
    gap = nxt.blanks_before > 0 and layout.blank_lines_meaningful
    full = _is_full(prev, layout)
    if TERMINAL.search(prev.end):
        return full and not gap
    if LOWER_START.match(nxt.text) or FRAGMENT_START.match(nxt.text):
        return True
    if CAPTION_LINE.match(prev.text):
        return False
    if HEADING_LINE.match(prev.text) and not prev.text.endswith(("，", ",")):
        return False
    if (CONTINUING_END_STRONG if gap else CONTINUING_END).search(prev.end):
        return True
    return full


def _join_point(text: PositionedText, nxt: SourceLine, known: frozenset[str]) -> tuple[str, int]:
    """How to join ``nxt`` to the paragraph so far (see :func:`join_lines`)."""
    return join_lines(text.parts[-1], nxt.text, known)


def join_lines(before: str, after: str, known: frozenset[str]) -> tuple[str, int]:
    """How to join a line starting with ``after`` to text ending with ``before``: the separator, and how
    many characters of ``before`` to drop (a hyphen that only broke the word). ``known`` is the
    document's vocabulary (:func:`vocabulary`): научно-исследовательской and во-вторых keep theirs."""
    current = before[-LINE_END_WINDOW:]
    end = LINE_END_WORD.search(current) if current.endswith("-") else None
    start = LINE_START_WORD.match(after)
    if end and start:
        if should_keep_hyphen(end.group(1), start.group(1), known):
            return "", 0
        return "", 1
    if is_cjk(current[-1]) or is_cjk(after[0]):
        return "", 0
    return " ", 0


def _drop_stray_spaces(piece: str, line: int, column: int, into: PositionedText) -> None:
    """Append a line's text without the spaces between Han characters, keeping positions exact."""
    pos = 0
    for match in STRAY_HAN_SPACE.finditer(piece):
        into.append(piece[pos : match.start()], line, column + pos)
        pos = match.end()
    into.append(piece[pos:], line, column + pos)


def paragraphs(
    lines: list[str], one_per_line: bool = False, skip: Collection[int] = ()
) -> Iterator[PositionedText]:
    """Rebuilt paragraphs of a file's lines, each with positions into the original.

    ``one_per_line`` is for sources whose lines are real paragraphs (.docx); lines in ``skip``
    (0-based, page furniture) are left out of the text flow.
    """
    sources = list(source_lines(lines, skip))
    layout = layout_of(sources, len(lines))
    known = vocabulary("\n".join(line.text for line in sources))
    current: PositionedText | None = None
    previous: SourceLine | None = None
    for line in sources:
        if (
            current is not None
            and previous is not None
            and not one_per_line
            and continues(previous, line, layout)
        ):
            separator, drop = _join_point(current, line, known)
            current.drop_last(drop)
            current.append_synthetic(separator)
        else:
            if current is not None:
                yield current
            current = PositionedText()
        _drop_stray_spaces(line.text, line.number, line.column, current)
        previous = line
    if current is not None:
        yield current
