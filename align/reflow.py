"""Rebuild paragraphs from the visual lines of PDF-extracted text.

Three layouts occur in real extractions (all five seeds show one of them): visual lines separated by
blank lines (blank lines then mean nothing), one paragraph per line, and visual lines without blank
lines (blank lines then separate paragraphs, except where a sentence runs across them). A page in
these files starts with a line that begins with a single space. Paragraph ends are therefore decided
from the text itself: terminal punctuation, how full a line is compared with the file's line width,
the case of the next word, and markers that open a paragraph (labels, headings, captions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex
from ruzh.align.hyphenation import LINE_END_WORD, LINE_START_WORD, should_keep_hyphen, vocabulary
from ruzh.align.positions import PositionedText
from ruzh.lang.script import display_width, is_cjk

# Spaces that PDF extraction leaves and that mean an ordinary space.
UNUSUAL_SPACES = regex.compile(r"[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003]")
# A space between two Han characters is an artefact of extraction (``推 动工业``).
STRAY_HAN_SPACE = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")
TERMINAL = regex.compile(r"[.!?…。！？；;:：][\"'»”’」』）)\]]*\s*$")
# What opens a new paragraph whatever the previous line was.
PARAGRAPH_OPENER = regex.compile(
    r"""^\s*(?:
        (?:Аннотация|Abstract|Резюме|Ключевые\s+слова|Keywords|Key\s+words|Введение|Заключение)\s*[.:：]
      | (?:摘\s*要|关键词|关\s*键\s*词|【摘要】|【关键词】)\s*[。：:.]?
      | (?:Таблица|Table|Рисунок|Рис\.|Figure|Fig\.)\s*\d+
      | (?:Источник|Source|Примечание|Note|资料来源|数据来源|注)\s*[:：]
      | [（(][一二三四五六七八九十\d]{1,3}[）)]
      | [一二三四五六七八九十]{1,3}、
      | 第[一二三四五六七八九十]+[，,、章节]
      | \d{1,2}[.．、](?!\d)
      | [-–—•]\s
      | \[\d{1,3}\]\s
    )""",
    regex.VERBOSE,
)
LOWER_START = regex.compile(r"^[\p{Ll},;:)\]»”’.]")
# A line ending like this is inside a sentence; across a blank line only the strong form counts.
CONTINUING_END = regex.compile(r"[,;(«“‘–—\-\p{Ll}]\s*$")
CONTINUING_END_STRONG = regex.compile(r"[,;(«“‘–—\-、，]\s*$")
# A heading marker line with no sentence end inside it: ``（4） 依托一带一路…抢占先机``.
HEADING_LINE = regex.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))[^。！？.!?]*$"
)
# A Chinese line that begins with a short sentence fragment (``新成分。``) completes a cut line.
FRAGMENT_START = regex.compile(r"^\p{Han}{1,4}[。！？]")
# Captions and source lines are one line each unless the next line is clearly their continuation.
CAPTION_LINE = regex.compile(
    r"^\s*(?:(?:Таблица|Table|Рисунок|Рис\.|Figure|Fig\.|图|表)\s*\d+|(?:Источник|Source|资料来源|数据来源)\s*[:：])"
)

# A line at least this share of the file's line width is "full": the text ran on to the next line.
FULL_LINE_SHARE = 0.8
# Lines this wide (in columns) are long enough to be running text whatever the layout.
LONG_LINE = 60
# Below this many lines a file says too little about its layout: blank lines then separate paragraphs.
MIN_LINES_FOR_LAYOUT = 8


@dataclass(frozen=True)
class Layout:
    """What the blank lines, the line width and trailing spaces of a file mean."""

    width: int
    blank_lines_meaningful: bool
    # Some extractions leave a space after the last character of a Chinese paragraph only: when a
    # minority of Chinese line ends carry one, it marks the paragraph end (seed 000 shows it).
    cjk_trailing_space_ends_paragraph: bool = False


CJK_LINE_END = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef”’」』》][ \t\u3000]*$")
TRAILING_SPACE = regex.compile(r"[ \t\u3000]$")


def normalise_line(line: str) -> str:
    """Replace unusual spaces; nothing else in the text is changed."""
    return UNUSUAL_SPACES.sub(" ", line)


def detect_layout(lines: list[str]) -> Layout:
    """Line width (90th percentile) and whether blank lines separate paragraphs."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return Layout(width=0, blank_lines_meaningful=True)
    widths = sorted(display_width(lines[i].rstrip()) for i in nonblank)
    width = widths[int(len(widths) * 0.9) if len(widths) > 1 else 0]
    followed_by_blank = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip())
    double_spaced = (
        len(nonblank) >= MIN_LINES_FOR_LAYOUT
        and followed_by_blank / len(nonblank) > 0.8
        and widths[len(widths) // 2] < 120
    )
    cjk_ends = [lines[i] for i in nonblank if CJK_LINE_END.search(lines[i])]
    spaced = sum(1 for line in cjk_ends if TRAILING_SPACE.search(line))
    marks_end = bool(cjk_ends) and 0 < spaced <= 0.4 * len(cjk_ends)
    return Layout(
        width=width, blank_lines_meaningful=not double_spaced, cjk_trailing_space_ends_paragraph=marks_end
    )


@dataclass(frozen=True)
class SourceLine:
    """A non-blank line with its 1-based number, the column where its text starts, and the blank
    lines that preceded it."""

    number: int
    column: int
    text: str
    blanks_before: int
    trailing_space: bool = False


def source_lines(lines: list[str]) -> Iterator[SourceLine]:
    """Non-blank lines, stripped, with where their text starts (a page-start space is dropped)."""
    blanks = 0
    for number, raw in enumerate(lines, start=1):
        line = normalise_line(raw)
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        column = len(line) - len(line.lstrip()) + 1
        yield SourceLine(number, column, stripped, blanks, bool(TRAILING_SPACE.search(line)))
        blanks = 0


def _is_full(line: SourceLine, layout: Layout) -> bool:
    width = display_width(line.text) + line.column - 1
    return width >= FULL_LINE_SHARE * layout.width or width >= LONG_LINE


def continues(prev: SourceLine, nxt: SourceLine, layout: Layout) -> bool:
    """Whether ``nxt`` continues the paragraph that ``prev`` ends."""
    if LINE_END_WORD.search(prev.text) and LOWER_START.match(nxt.text):
        return True
    if PARAGRAPH_OPENER.match(nxt.text):
        return False
    if layout.cjk_trailing_space_ends_paragraph and prev.trailing_space and CJK_LINE_END.search(prev.text):
        return False
    gap = nxt.blanks_before > 0 and layout.blank_lines_meaningful
    full = _is_full(prev, layout)
    if TERMINAL.search(prev.text):
        return full and not gap
    if LOWER_START.match(nxt.text) or FRAGMENT_START.match(nxt.text):
        return True
    if CAPTION_LINE.match(prev.text):
        return False
    if HEADING_LINE.match(prev.text) and not prev.text.rstrip().endswith(("，", ",")):
        return False
    if (CONTINUING_END_STRONG if gap else CONTINUING_END).search(prev.text):
        return True
    return full


def _join_point(text: PositionedText, nxt: SourceLine, known: frozenset[str]) -> tuple[str, int]:
    """How to join ``nxt`` to the paragraph so far (see :func:`join_lines`)."""
    return join_lines(text.parts[-1], nxt.text, known)


def join_lines(before: str, after: str, known: frozenset[str]) -> tuple[str, int]:
    """How to join a line starting with ``after`` to text ending with ``before``: the separator, and how
    many characters of ``before`` to drop (a hyphen that only broke the word). ``known`` is the
    document's vocabulary (:func:`vocabulary`): научно-исследовательской and во-вторых keep theirs."""
    current = before[-80:]
    end = LINE_END_WORD.search(current)
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


def paragraphs(lines: list[str], one_per_line: bool = False) -> Iterator[PositionedText]:
    """Rebuilt paragraphs of a file's lines, each with positions into the original.

    ``one_per_line`` is for sources whose lines are real paragraphs (.docx).
    """
    layout = detect_layout(lines)
    known = vocabulary("\n".join(lines))
    current: PositionedText | None = None
    previous: SourceLine | None = None
    for line in source_lines(lines):
        if (
            current is not None
            and previous is not None
            and not one_per_line
            and continues(previous, line, layout)
        ):
            separator, drop = _join_point(current, line, known)
            if drop:
                current = current.slice(0, current.length - drop)
            current.append_synthetic(separator)
        else:
            if current is not None:
                yield current
            current = PositionedText()
        _drop_stray_spaces(line.text, line.number, line.column, current)
        previous = line
    if current is not None:
        yield current
