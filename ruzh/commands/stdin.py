"""``-`` as an input document: standard input read once, as the reader reads a file.

The libraries never touch standard input; every command that reads documents asks here, so ``-``
works the same in ``segment``, ``align``, ``glossary`` and ``tmx build``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from ruzh.align.reader import document_from_lines, document_from_text, read_document, read_documents
from ruzh.align.types import Document
from ruzh.core.errors import ConfigError, InputError
from ruzh.glossary.entries import Entry, parse_csv, read_csv

STDIN = "-"
STDIN_NAME = "<stdin>"
_ZIP_MAGIC = b"PK\x03\x04"


def stdin_bytes() -> bytes:
    """Standard input (each command reads it at most once: ``-`` may be given once)."""
    return sys.stdin.buffer.read()


def stdin_document(encoding: str | None = None) -> Document:
    """The document on standard input: a .docx when it starts as a zip, else text (encoding detected)."""
    from ruzh.align.docx import docx_paragraphs
    from ruzh.align.encoding import decode_bytes

    data = stdin_bytes()
    if data.startswith(_ZIP_MAGIC):
        lines = docx_paragraphs(data, STDIN_NAME)
        if not any(line.strip() for line in lines):
            raise InputError("the .docx has no text", file=STDIN_NAME, hint="give a document with text in it")
        return document_from_lines(lines, STDIN_NAME, STDIN_NAME, "docx", one_per_line=True)
    text, detected = decode_bytes(data, STDIN_NAME, encoding)
    return document_from_text(text, STDIN_NAME, STDIN_NAME, detected)


def read_input(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """One document from a path, or from standard input for ``-``."""
    return stdin_document(encoding) if str(path) == STDIN else read_document(path, encoding)


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    encoding: str | None = None,
    keep_going: bool = False,
    errors: list[InputError] | None = None,
) -> Iterator[Document]:
    """Documents of files, folders and ``-`` in the order given (``-`` at most once)."""
    given = [str(p) for p in paths]
    if given.count(STDIN) > 1:
        raise ConfigError("standard input (-) is given twice", hint="give - once")
    for path in given:
        if path != STDIN:
            yield from read_documents([path], encoding, keep_going=keep_going, errors=errors)
            continue
        try:
            yield stdin_document(encoding)
        except InputError as exc:
            if not keep_going:
                raise
            if errors is not None:
                errors.append(exc)


def read_glossary_csv(path: str, require_rows: bool = True) -> list[Entry]:
    """A review CSV from a path, or from standard input for ``-`` (read as spreadsheets save it)."""
    from ruzh.glossary.review_csv import decode

    if path != STDIN:
        return read_csv(path, require_rows=require_rows)
    entries = parse_csv(decode(stdin_bytes(), STDIN_NAME), STDIN_NAME)
    if require_rows and not entries:
        raise InputError(
            "glossary CSV has a header but no rows", file=STDIN_NAME, line=2, hint="give its rows"
        )
    return entries
