"""Render paragraphs the way PDF extraction writes journal articles, for tests and benchmarks.

Real extractions (the five seeds) come in three layouts: visual lines separated by blank lines
(``double``, seeds 000 and 002), one paragraph per line (``paragraph``, seeds 001 and 003) and visual
lines without blank lines (``lines``, seed 004). A page starts with a line that begins with one space.
On top of a layout, a condition adds what journals print: page breaks, page numbers, running headers,
and dialogue or appositive dashes at the start of a visual line. Russian words are hyphenated at
syllable boundaries where a line is full; Chinese lines are cut by their own width.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex
from ruzh.align.script import display_width

LAYOUTS = ("double", "paragraph", "lines")
CONDITIONS = ("clean", "pages", "numbers", "headers", "dashes")
RU_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
# Letters a Russian line break never comes before (they belong to the syllable on the left).
NO_BREAK_BEFORE = frozenset("ьъйЬЪЙ")
RU_PAGE_NUMBERS = ("– {n} –", "{n}", "С. {n}", "стр. {n}", "- {n} -")
ZH_PAGE_NUMBERS = ("第{n}页", "{n}", "- {n} -", "– {n} –")
RU_HEADERS = (
    "ЭКОНОМИКА И УПРАВЛЕНИЕ: НАУЧНО-ПРАКТИЧЕСКИЙ ЖУРНАЛ",
    "Вестник международных отношений. 2023. № 2",
    "{n} Вестник Российского университета дружбы народов",
)
ZH_HEADERS = ("国际经济合作 2023年第2期", "{n} 数字经济研究", "中国与世界经济论坛")
DASH_AFTER_COMMA = regex.compile(r", (?=\p{Ll}\p{L}+ \p{L})")
DASH_BREAK_SHARE = 0.66


@dataclass(frozen=True)
class Paragraph:
    """Text to render: its language (``ru`` or ``zh``) and the sentences in it."""

    lang: str
    text: str


@dataclass(frozen=True)
class Style:
    """How one document is rendered."""

    layout: str
    condition: str
    ru_width: int = 68  # display columns of the Russian text block
    zh_width: int = 56  # display columns of the Chinese text block (often narrower)
    page_lines: int = 38  # visual lines per page
    page_chars: int = 1400  # characters per page in the paragraph layout
    first_page: int = 17
    seed: int = 0


def syllable_breaks(word: str) -> list[int]:
    """Offsets where Russian typesetting may break ``word`` (each side keeps a vowel and two letters)."""
    points = []
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if not (left[-1].isalpha() and right[0].isalpha()) or right[0] in NO_BREAK_BEFORE:
            continue
        if len(right) < 2 or not any(c in RU_VOWELS for c in left) or not any(c in RU_VOWELS for c in right):
            continue
        if "-" in left[-1:] or right.startswith("-"):
            continue
        if left[-1] in RU_VOWELS or right[0] not in RU_VOWELS:
            points.append(i)
    points.extend(i + 1 for i, c in enumerate(word) if c == "-" and 1 < i < len(word) - 2)
    return sorted(set(points))


def hyphenate_randomly(word: str, rng: random.Random) -> tuple[str, str] | None:
    """``word`` cut at a random syllable boundary, as a line end would cut it (``None`` if it cannot be)."""
    core = regex.match(r"\p{L}+(?:-\p{L}+)*", word)
    if not core or core.end() != len(word):
        return None
    points = syllable_breaks(word)
    if not points:
        return None
    cut = rng.choice(points)
    return word[:cut].rstrip("-"), word[cut:]


def _wrap_ru(text: str, width: int, dashes: bool) -> Iterator[str]:
    """Greedy visual lines of Russian text, hyphenating the word that does not fit; with ``dashes``,
    a dash that falls in the last third of a line goes to the start of the next one."""
    line = ""
    for word in text.split(" "):
        if dashes and word in ("—", "-") and len(line) >= DASH_BREAK_SHARE * width:
            yield line
            line = word
            continue
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - 2
        cuts = [
            c for c in syllable_breaks(word) if c <= room and regex.match(r"\p{L}", word[c - 1 : c] or "-")
        ]
        cuts += [c for c in syllable_breaks(word) if c <= room + 1 and word[c - 1] == "-"]
        if cuts and line:
            cut = max(cuts)
            head = word[:cut] if word[cut - 1] == "-" else word[:cut] + "-"
            yield f"{line} {head}"
            line = word[cut:]
        else:
            if line:
                yield line
            line = word
    if line:
        yield line


CLOSING = frozenset("，。、；：！？”’）》」』")


ZH_TOKEN = regex.compile(r"[A-Za-z0-9.,%()\-]+|\s+|.", regex.DOTALL)


def _wrap_zh(text: str, width: int) -> Iterator[str]:
    """Visual lines of Chinese text cut by display width: Latin words and numbers are not cut,
    closing punctuation never starts a line, and a space at the cut disappears."""
    line = ""
    for token in ZH_TOKEN.findall(text):
        if display_width(line + token) > width and line.strip() and token[0] not in CLOSING:
            yield line.rstrip()
            line = ""
        if line or not token.isspace():
            line += token
    if line.strip():
        yield line.rstrip()


def with_dashes(text: str, rng: random.Random, share: float = 0.6) -> str:
    """A Russian sentence with a dash after one of its commas (reported speech, an appositive:
    ``…, — сказал он``), in ``share`` of the sentences that have such a comma."""
    commas = list(DASH_AFTER_COMMA.finditer(text))
    if not commas or rng.random() >= share:
        return text
    at = rng.choice(commas)
    return f"{text[: at.start()]}, — {text[at.end() :]}"


@dataclass
class _Page:
    number: int
    lines: int = 0
    chars: int = 0


def _furniture(kind: str, lang: str, number: int, doc_seed: int) -> str:
    forms = {
        ("numbers", "ru"): RU_PAGE_NUMBERS,
        ("numbers", "zh"): ZH_PAGE_NUMBERS,
        ("headers", "ru"): RU_HEADERS,
        ("headers", "zh"): ZH_HEADERS,
    }[(kind, lang)]
    form = forms[doc_seed % len(forms)]
    if kind == "headers" and number % 2 == 0 and "{n}" not in form:
        form = forms[(doc_seed + 2) % len(forms)]  # even and odd pages carry different headers
    return form.format(n=number)


def visual_lines(paragraphs: Sequence[Paragraph], style: Style) -> Iterator[tuple[str, bool]]:
    """``(line, ends_paragraph)`` for each visual line of the text, before pages are laid out."""
    for paragraph in paragraphs:
        if style.layout == "paragraph":
            yield paragraph.text, True
            continue
        if paragraph.lang == "zh":
            lines = list(_wrap_zh(paragraph.text, style.zh_width))
        else:
            lines = list(_wrap_ru(paragraph.text, style.ru_width, style.condition == "dashes"))
        for k, line in enumerate(lines):
            yield line, k == len(lines) - 1


def _split_for_page(text: str, room: int) -> tuple[str, str]:
    """A paragraph-per-line paragraph cut at the last space before ``room`` characters."""
    cut = text.rfind(" ", 0, room)
    if cut <= 0:
        cut = room
        return text[:cut], text[cut:]
    return text[:cut], text[cut + 1 :]


def render(paragraphs: Sequence[Paragraph], style: Style, doc_lang: str) -> str:
    """The document as extracted text: layout, page breaks and the condition's furniture."""
    out: list[str] = []
    paged = style.condition != "clean"
    page = _Page(style.first_page)
    new_page = False

    def emit(line: str, last: bool) -> None:
        nonlocal new_page
        if new_page:
            line = " " + line
            new_page = False
        out.append(line)
        if style.layout == "double" or (style.layout == "paragraph" and last):
            out.append("")

    def break_page() -> None:
        nonlocal new_page
        if style.condition == "numbers":
            emit(_furniture("numbers", doc_lang, page.number, style.seed), True)
        page.number += 1
        page.lines = page.chars = 0
        new_page = True
        if style.condition == "headers":
            emit(_furniture("headers", doc_lang, page.number, style.seed), True)

    for line, last in visual_lines(paragraphs, style):
        if paged and style.layout == "paragraph":
            while page.chars + len(line) > style.page_chars:
                head, line = _split_for_page(line, style.page_chars - page.chars)
                emit(head, False)
                break_page()
            page.chars += len(line)
        elif paged and page.lines >= style.page_lines:
            break_page()
        emit(line, last)
        page.lines += 1
    return "\n".join(out) + "\n"


RU_WORD = regex.compile(r"(?<![\p{L}\-])\p{Cyrillic}+(?:-\p{Cyrillic}+)*(?![\p{L}\-])")


def hyphenation_cases(text: str, rng: random.Random) -> Iterator[tuple[str, str, bool]]:
    """Every Russian word of ``text`` that can be cut, cut at a random syllable boundary as a line
    end would cut it: ``(left, right, keep)`` where ``keep`` says the hyphen belongs to the word
    (``северо-`` + ``восточной``) and ``left`` holds the word's earlier hyphenated parts."""
    for match in RU_WORD.finditer(text):
        word = match.group(0)
        points = syllable_breaks(word)
        if not points:
            continue
        cut = rng.choice(points)
        keep = word[cut - 1] == "-"
        yield (word[: cut - 1] if keep else word[:cut]), word[cut:], keep
