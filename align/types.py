"""Small frozen types that cross package borders: blocks, sentences, beads."""

from __future__ import annotations

from dataclasses import dataclass, field

from ruzh.align.positions import OffsetMap

LANGS = ("ru", "zh", "en", "mixed")
ROLES = ("title", "heading", "abstract", "keywords", "body", "table", "caption", "reference", "furniture")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence with where it starts in the original file (1-based line and column)."""

    doc: str
    lang: str
    role: str
    block: int
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Block:
    """A rebuilt paragraph: its language, its role, its sentences, and the map from each character
    of its text back to the file (so attestation, checks and the report never re-read the file)."""

    doc: str
    index: int
    lang: str
    role: str
    text: str
    line: int
    column: int
    sentences: tuple[Sentence, ...] = ()
    offsets: OffsetMap = field(default_factory=OffsetMap)

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the character at ``offset`` of :attr:`text`."""
        return self.offsets.locate(offset) if self.offsets.starts else (self.line, self.column + offset)

    def sentence_offset(self, sentence: Sentence) -> int:
        """Where ``sentence`` (one of this block's) starts in :attr:`text`."""
        return self.offsets.offset_of(sentence.line, sentence.column, len(self.text))


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: where it came from, its blocks in order, and its lines as decoded (the
    rules about the file as typed, such as spaces inside Chinese text, look at those)."""

    name: str
    path: str
    encoding: str
    blocks: tuple[Block, ...] = field(default=())
    lines: tuple[str, ...] = ()

    def sentences(self, lang: str | None = None, role: str | None = None) -> list[Sentence]:
        """Sentences of the document, optionally of one language and role."""
        return [
            s
            for b in self.blocks
            if (lang is None or b.lang == lang) and (role is None or b.role == role)
            for s in b.sentences
        ]


@dataclass(frozen=True, slots=True)
class Bead:
    """A step of a monotone alignment: source indices, target indices, confidence in [0, 1]."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        """Bead type such as ``1-1``, ``2-1`` or ``1-0``."""
        return f"{len(self.src)}-{len(self.tgt)}"
