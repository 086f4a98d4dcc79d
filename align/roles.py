"""Give each rebuilt paragraph a language and a role.

Roles: ``title``, ``heading`` (（一）, (六), ``1.`` and short lines without a sentence end),
``abstract`` and ``keywords`` (after a label such as ``Аннотация.`` / ``摘要。`` / ``Ключевые слова:``;
the label is not part of the text), ``table`` (a run of short cells), ``caption`` (``Таблица 1.``,
``Источник:``), ``reference`` (after a references heading or as a numbered source) and ``body``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from ruzh.align.positions import PositionedText
from ruzh.lang import labels
from ruzh.lang.script import display_width, language_of

ABSTRACT_LABEL = labels.label_pattern(labels.ABSTRACT, labels.ABSTRACT_ZH)
KEYWORDS_LABEL = labels.label_pattern(labels.KEYWORDS, labels.KEYWORDS_ZH)
CAPTION = regex.compile(rf"^\s*(?:{labels.caption_start()})", regex.IGNORECASE)
HEADING_MARKER = regex.compile(rf"^\s*(?:{labels.HEADING_NUMBER}|{labels.HEADING_NUMBER_PARAGRAPH})")
REFERENCES_HEADING = regex.compile(rf"^\s*(?:{labels.REFERENCES})\s*[.:：]?\s*$", regex.IGNORECASE)
NUMBERED_SOURCE = regex.compile(r"^\s*\[\d{1,3}\]\s")
INNER_SENTENCE_END = regex.compile(r"[.!?。！？](?=\s|$|\p{Han})")
SENTENCE_END = regex.compile(r"[.!?…。！？][\"'»”’」』）)]*\s*$")

# Widths in display columns (a Han character counts two).
HEADING_MAX_WIDTH = 120
SHORT_LINE_WIDTH = 64
TABLE_CELL_WIDTH = 110
TABLE_MIN_CELLS = 4


@dataclass
class Paragraph:
    """A paragraph on its way to becoming a block."""

    text: PositionedText
    lang: str = "mixed"
    role: str = "body"


def _strip_label(paragraph: Paragraph, pattern: regex.Pattern[str], role: str) -> bool:
    match = pattern.match(paragraph.text.text)
    if not match:
        return False
    paragraph.text = paragraph.text.slice(match.end(), paragraph.text.length).strip()
    paragraph.role = role
    return True


def _is_short_unfinished(text: str) -> bool:
    return display_width(text) <= SHORT_LINE_WIDTH and not SENTENCE_END.search(text)


def _mark_tables(paragraphs: list[Paragraph]) -> None:
    """Runs of short cells (most without a sentence end) are a table's contents."""
    run: list[Paragraph] = []

    def close() -> None:
        unfinished = sum(1 for p in run if not SENTENCE_END.search(p.text.text))
        if len(run) >= TABLE_MIN_CELLS and unfinished >= len(run) * 0.75:
            for cell in run:
                cell.role = "table"
        run.clear()

    for paragraph in paragraphs:
        text = paragraph.text.text
        if (
            paragraph.role == "body"
            and display_width(text) <= TABLE_CELL_WIDTH
            and not HEADING_MARKER.match(text)
        ):
            run.append(paragraph)
        else:
            close()
    close()


def classify(texts: list[PositionedText]) -> list[Paragraph]:
    """Languages and roles of a document's paragraphs, labels removed; empty paragraphs dropped
    only when they held nothing but a label (whose role passes to the next paragraph)."""
    paragraphs: list[Paragraph] = []
    pending: str | None = None
    in_references = False
    for text in texts:
        paragraph = Paragraph(text=text)
        labelled = _strip_label(paragraph, ABSTRACT_LABEL, "abstract") or _strip_label(
            paragraph, KEYWORDS_LABEL, "keywords"
        )
        if labelled and not paragraph.text.text:
            pending = paragraph.role
            continue
        if pending and not labelled:
            paragraph.role, pending = pending, None
        plain = paragraph.text.text
        if paragraph.role == "body":
            if REFERENCES_HEADING.match(plain):
                paragraph.role, in_references = "heading", True
            elif in_references or NUMBERED_SOURCE.match(plain):
                paragraph.role = "reference"
            elif CAPTION.match(plain):
                paragraph.role = "caption"
        paragraph.lang = language_of(plain)
        paragraphs.append(paragraph)
    _mark_tables(paragraphs)
    _mark_headings(paragraphs)
    return paragraphs


def _mark_headings(paragraphs: list[Paragraph]) -> None:
    seen_body = False
    for paragraph in paragraphs:
        if paragraph.role != "body":
            seen_body = seen_body or paragraph.role in ("abstract", "table")
            continue
        text = paragraph.text.text
        marker = HEADING_MARKER.match(text)
        rest = text[marker.end() :] if marker else text
        one_sentence = not INNER_SENTENCE_END.search(rest.rstrip()[:-1])
        if marker and display_width(text) <= HEADING_MAX_WIDTH and one_sentence:
            paragraph.role = "heading"
        elif _is_short_unfinished(text):
            paragraph.role = "heading" if seen_body else "title"
        else:
            seen_body = True
