"""Read documents into blocks and sentences: the front door of the library.

``read_document`` decodes a file (see :mod:`align.encoding`), rebuilds its paragraphs
(:mod:`align.reflow`), gives them languages and roles (:mod:`align.roles`) and splits sentences
(:mod:`align.sentences`), each sentence keeping the line and column where it starts in the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex
from ruzh.align.docx import docx_paragraphs
from ruzh.align.encoding import decode_bytes
from ruzh.align.furniture import find_furniture
from ruzh.align.positions import RunningText, concatenate
from ruzh.align.reflow import paragraphs
from ruzh.align.roles import classify
from ruzh.align.sentences import split_sentences
from ruzh.align.types import Block, Document, Sentence
from ruzh.core.errors import InputError
from ruzh.core.inputs import find_files, printable, read_input
from ruzh.lang.script import is_cjk, language_of

# What a folder contributes, for every command (build, check, segment, align --find-pairs, glossary):
# text extracted from PDFs and Word documents, whatever the case of the extension. A file named on the
# command line is read whatever its extension (as plain text unless it is .docx).
SUPPORTED_SUFFIXES = (".txt", ".docx")
LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def document_from_lines(
    lines: list[str], name: str, path: str = "", encoding: str = "utf-8", one_per_line: bool = False
) -> Document:
    """Build a document from its lines (1-based line numbers are positions in ``lines``)."""
    furniture = {} if one_per_line else find_furniture(lines)
    blocks = []
    texts = list(paragraphs(lines, one_per_line=one_per_line, skip=furniture))
    for index, paragraph in enumerate(classify(texts)):
        sentences = tuple(
            Sentence(
                doc=name,
                lang=paragraph.lang,
                role=paragraph.role,
                block=index,
                text=text,
                line=line,
                column=column,
            )
            for text, line, column in split_sentences(paragraph.text)
        )
        line, column = paragraph.text.locate(0)
        blocks.append(
            Block(
                doc=name,
                index=index,
                lang=paragraph.lang,
                role=paragraph.role,
                text=paragraph.text.text,
                line=line,
                column=column,
                sentences=sentences,
                offsets=paragraph.text.offsets(),
            )
        )
    blocks.extend(furniture_blocks(lines, furniture, name, len(blocks)))
    return Document(name=name, path=path, encoding=encoding, blocks=tuple(blocks), lines=tuple(lines))


def furniture_blocks(lines: list[str], furniture: dict[int, str], name: str, first: int) -> list[Block]:
    """Page numbers and running headers as blocks without sentences, at the end of the document:
    out of the text flow, but kept with their positions."""
    blocks = []
    for k, index in enumerate(sorted(furniture)):
        raw = lines[index]
        text = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        blocks.append(Block(name, first + k, language_of(text), "furniture", text, index + 1, column))
    return blocks


def document_from_text(text: str, name: str, path: str = "", encoding: str = "utf-8") -> Document:
    """Build a document from already decoded text."""
    return document_from_lines(LINE_BREAK.split(text), name, path, encoding)


def read_document(
    path: str | os.PathLike[str], encoding: str | None = None, name: str | None = None
) -> Document:
    """Read a ``.txt`` or ``.docx`` file under ``name`` (default: the file's stem); raise
    :class:`InputError` when it cannot be read."""
    file = Path(path)
    data = read_input(path)
    docx = file.suffix.lower() == ".docx"
    return document_from_bytes(data, name or printable(file.stem), str(path), printable(path), docx, encoding)


def document_from_bytes(
    data: bytes,
    name: str,
    path: str = "",
    label: str = "",
    docx: bool = False,
    encoding: str | None = None,
) -> Document:
    """A document from a file's bytes (or standard input's); ``label`` names it in error messages."""
    label = label or name
    if docx:
        lines = docx_paragraphs(data, label)
        if not any(line.strip() for line in lines):
            raise InputError("the .docx has no text", file=label, hint="give a document with text in it")
        return document_from_lines(lines, name, path, "docx", one_per_line=True)
    text, detected = decode_bytes(data, label, encoding)
    return document_from_text(text, name, path, detected)


def running_text(document: Document) -> RunningText:
    """The document's paragraphs as one text, joined as the reader joins lines (nothing next to
    Chinese, a space otherwise), with the map back to the file; page furniture is not text."""
    pieces = ((b.text, b.offsets) for b in document.blocks if b.role != "furniture")
    return concatenate(pieces, _between)


def _between(before: str, after: str) -> str:
    return "" if is_cjk(before[-1]) or is_cjk(after[0]) else " "


def language_weight(document: Document) -> tuple[int, int]:
    """Characters of Russian and of Chinese sentences in a document."""
    ru = sum(len(s.text) for s in document.sentences(lang="ru"))
    zh = sum(len(s.text) for s in document.sentences(lang="zh"))
    return ru, zh


def swapped(ru: Document, zh: Document) -> bool:
    """Whether the document given as Russian is mostly Chinese and the one given as Chinese mostly
    Russian: the two files were given the wrong way round."""
    ru_in_ru, zh_in_ru = language_weight(ru)
    ru_in_zh, zh_in_zh = language_weight(zh)
    return zh_in_ru > ru_in_ru and ru_in_zh > zh_in_zh


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to read, for every command: given files as they are, folders searched recursively for
    .txt and .docx files (any case: a.TXT too), sorted."""
    return find_files(paths, SUPPORTED_SUFFIXES)


def read_documents(
    paths: Iterable[str | os.PathLike[str]],
    encoding: str | None = None,
    keep_going: bool = False,
    errors: list[InputError] | None = None,
) -> Iterator[Document]:
    """Read documents one by one (memory stays flat); with ``keep_going`` an unreadable file is
    recorded in ``errors`` and the others are still read."""
    for path in expand_inputs(paths):
        try:
            yield read_document(path, encoding)
        except InputError as exc:
            if not keep_going:
                raise
            if errors is not None:
                errors.append(exc)
