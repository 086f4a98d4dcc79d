"""The labels of Russian and Chinese papers (and the English ones they often carry): section labels and
numbers, caption names, source lines and notes, the references heading: one list of each, as regex
alternatives.

The reader meets them twice: reflow starts a new paragraph at a label, and roles reads a paragraph's
role off its label and strips it. Both build their patterns from these lists, so a label added here
is known to both.
"""

from __future__ import annotations

import regex

# Each value is a regex alternation (spaces inside Chinese labels occur in PDF extraction: 摘 要).
ABSTRACT = r"Аннотация|Резюме|Abstract|Summary"
ABSTRACT_ZH = r"摘\s*要|【摘要】|\[摘要\]"
KEYWORDS = r"Ключевые\s+слова|Keywords|Key\s+words"
KEYWORDS_ZH = r"关\s*键\s*词|【关键词】"
# Section names that open a paragraph when followed by a stop or a colon.
SECTIONS = r"Введение|Заключение"
# Caption names, followed by the table's or figure's number; the Chinese ones are one character.
CAPTION_NAMES = r"Таблица|Table|Рисунок|Рис\.|Figure|Fig\."
CAPTION_NAMES_ZH = r"图|表"
# Source lines under a table or figure (one line each), and notes (which may run on), before a colon.
SOURCES = r"Источник|Source|资料来源|数据来源"
NOTES = r"Примечание|Note|注"
REFERENCES = (
    r"Список\s+(?:использованной\s+)?литературы|Литература|Библиографический\s+список"
    r"|References|Bibliography|参考文献"
)
# Section numbers at a heading's start: （一）, (3), 二、, 4. — and the forms only a paragraph's start
# takes (一), 2.1., IV. ), which inside running text could be a wrapped line's first word.
HEADING_NUMBER = r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)"
HEADING_NUMBER_PARAGRAPH = (
    r"[一二三四五六七八九十]{1,3}[)）]|\d{1,2}(?:\.\d{1,2})+[.．、](?!\d)|[IVX]{1,4}\.\s"
)
# What may follow a label: a stop or a colon of either script.
LABEL_END = r"[.:：。]"


def caption_start(han_names: bool = True, notes: bool = True) -> str:
    """A caption's opening: a caption name and its number, or a source line (and a note) and its colon.

    Without ``han_names`` the one-character Chinese names (图 1, 表 2) are left out: where any line
    start is tested, a wrapped line inside a Chinese sentence may begin with 表1显示….
    """
    names = f"{CAPTION_NAMES}|{CAPTION_NAMES_ZH}" if han_names else CAPTION_NAMES
    heads = f"{SOURCES}|{NOTES}" if notes else SOURCES
    return rf"(?:{names})\s*\d+|(?:{heads})\s*[:：]"


def label_pattern(*alternatives: str) -> regex.Pattern[str]:
    """A label at a paragraph's start with its stop or colon and the spaces after it (to strip it)."""
    joined = "|".join(alternatives)
    return regex.compile(rf"^\s*(?:{joined})\s*{LABEL_END}?\s*", regex.IGNORECASE)
