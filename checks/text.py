"""What the document rules look at: a read document's lines as decoded and its running text.

Both come from the reader (:mod:`align.reader`), which reads a file once: the lines for the rules
about the file as typed (a space between two Han characters, a half-width comma), the running text
(paragraphs rebuilt, hyphenation and page furniture removed) with its map back to line:column for
the rules that must see a term or a quotation broken over a line end as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ruzh.align.positions import RunningText
from ruzh.align.types import Document
from ruzh.core.inputs import printable


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A checked document: its identity (findings name it so), its lines and its running text."""

    name: str
    lines: tuple[str, ...]
    run: RunningText

    @staticmethod
    def of(document: Document) -> DocumentText:
        """The reader's document as the rules see it."""
        from ruzh.align.reader import running_text

        return DocumentText(document.name, document.lines, running_text(document))

    @staticmethod
    def read(path: str | Path, name: str | None = None) -> DocumentText:
        """A file read by the reader, named by its path unless ``name`` is given."""
        from ruzh.align.reader import read_document

        return DocumentText.of(read_document(path, name=name or printable(path)))

    @staticmethod
    def from_lines(name: str, lines: Sequence[str]) -> DocumentText:
        """A document read from lines already in memory (as the reader reads a file of them)."""
        from ruzh.align.reader import document_from_lines

        return DocumentText.of(document_from_lines(list(lines), name))

    @property
    def text(self) -> str:
        """The running text."""
        return self.run.text

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the character at ``offset`` of :attr:`text`."""
        return self.run.locate(offset)
