"""A read document as cached data, laid out by columns.

An edited rebuild reads every unchanged document back from the cache (1000 of them for 500 pairs).
Stored as nested records, each of their tens of thousands of sentences was decoded and checked
field by field. Here the sentences of all blocks are one list of scalar rows, the blocks another,
and the blocks' offset maps three flat columns, which the codec checks a whole column at a time;
restoring cuts them back into the blocks (run lengths that do not add up are a cache miss).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate, starmap

from ruzh.align.positions import OffsetMap
from ruzh.align.types import Block, Document, Sentence
from ruzh.pipeline.codec import CodecError

# doc, index, lang, role, text, line, column, sentences, offset pieces
BlockRow = tuple[str, int, str, str, str, int, int, int, int]
SentenceRow = tuple[str, str, str, int, str, int, int]


def _check(sizes: list[int], total: int) -> None:
    if any(n < 0 for n in sizes) or sum(sizes) != total:
        raise CodecError("run lengths do not match the rows")


def _cuts(sizes: list[int]) -> list[tuple[int, int]]:
    ends = list(accumulate(sizes))
    return list(zip([0, *ends], ends, strict=False))  # the starts run one past the last end


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A :class:`Document` as columns."""

    name: str
    path: str
    encoding: str
    blocks: tuple[BlockRow, ...]
    sentences: tuple[SentenceRow, ...]
    starts: tuple[int, ...]
    lines: tuple[int, ...]
    columns: tuple[int, ...]
    text_lines: tuple[str, ...]

    @staticmethod
    def of(document: Document) -> StoredDocument:
        blocks = document.blocks
        return StoredDocument(
            document.name,
            document.path,
            document.encoding,
            tuple(
                (
                    b.doc,
                    b.index,
                    b.lang,
                    b.role,
                    b.text,
                    b.line,
                    b.column,
                    len(b.sentences),
                    len(b.offsets.starts),
                )
                for b in blocks
            ),
            tuple(
                (s.doc, s.lang, s.role, s.block, s.text, s.line, s.column)
                for b in blocks
                for s in b.sentences
            ),
            tuple(x for b in blocks for x in b.offsets.starts),
            tuple(x for b in blocks for x in b.offsets.lines),
            tuple(x for b in blocks for x in b.offsets.columns),
            document.lines,
        )

    def __post_init__(self) -> None:
        """A layout that does not add up is refused while decoding (the cache makes it a miss)."""
        if not len(self.starts) == len(self.lines) == len(self.columns):
            raise CodecError("offset columns of different lengths")
        _check([row[7] for row in self.blocks], len(self.sentences))
        _check([row[8] for row in self.blocks], len(self.starts))

    def document(self) -> Document:
        """The document again, equal to the one read."""
        sentences = tuple(starmap(Sentence, self.sentences))
        by_block = _cuts([row[7] for row in self.blocks])
        pieces = _cuts([row[8] for row in self.blocks])
        blocks = tuple(
            Block(
                *row[:7],
                sentences[a:b],
                OffsetMap(self.starts[c:d], self.lines[c:d], self.columns[c:d]),
            )
            for row, (a, b), (c, d) in zip(self.blocks, by_block, pieces, strict=True)
        )
        return Document(self.name, self.path, self.encoding, blocks, self.text_lines)
