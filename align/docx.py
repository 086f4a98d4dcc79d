"""Paragraph text of a .docx file (WordprocessingML), streamed with lxml from the ZIP container.

A dedicated library (python-docx) would add a dependency for what is three XML parts and a handful
of elements, and it builds the whole tree in memory. Here each part is parsed incrementally and
every element is dropped once read, so memory stays flat however large the XML; the decompressed
size and the number of paragraphs are capped against ZIP bombs. Entity expansion, DTDs and network
access are off, as for every XML ruzh reads.

Reading order: the body, then footnotes, then endnotes. A paragraph's own text comes first, then the
paragraphs of text boxes anchored in it. Of ``mc:AlternateContent`` only ``mc:Choice`` is read (its
``mc:Fallback`` repeats the same text for older programs). An entity reference inside ``<w:t>`` is
kept as written (``&name;``), since it is never expanded; a comment there is skipped.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from typing import IO

from lxml import etree
from ruzh.core.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
# Real documents stay far below: a 500-page report has ~15 MB of XML and ~20,000 paragraphs.
MAX_XML_BYTES = 128 * 1024 * 1024
MAX_PARAGRAPHS = 250_000

_SPACES = {f"{W}tab": " ", f"{W}br": " ", f"{W}cr": " ", f"{W}noBreakHyphen": "-"}
_NOTES = (f"{W}footnote", f"{W}endnote")
_FALLBACK = f"{MC}Fallback"
_MARKS = frozenset((_FALLBACK, *_NOTES))
_P, _T = f"{W}p", f"{W}t"
# Broken archives show up while reading as any of these (damaged deflate stream, CRC, truncation).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)


class _Capped:
    """A read-only stream that refuses to give more than the budget left for the whole document."""

    def __init__(self, stream: IO[bytes], budget: list[int], name: str) -> None:
        self._stream, self._budget, self._name = stream, budget, name

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size if size > 0 else 1 << 16)
        self._budget[0] -= len(chunk)
        if self._budget[0] < 0:
            raise _too_big(self._name)
        return chunk


def _too_big(name: str) -> InputError:
    return InputError(
        f"the .docx unpacks to more than {MAX_XML_BYTES // (1024 * 1024)} MiB of XML (a ZIP bomb?)",
        file=name,
        hint="split the document into smaller ones, or save it as .txt",
    )


@dataclass
class _State:
    """Paragraphs done (``out``) and open: each open one is ``(its text pieces, the paragraphs of
    text boxes anchored in it)``."""

    name: str
    out: list[str]
    open: list[tuple[list[str], list[str]]] = field(default_factory=list)
    skip: int = 0  # depth inside mc:Fallback or a separator note
    count: int = 0  # paragraphs seen, nested ones included

    def end_paragraph(self) -> None:
        parts, nested = self.open.pop()
        target = self.open[-1][1] if self.open else self.out
        target.append("".join(parts))
        target.extend(nested)
        self.count += 1
        if self.count > MAX_PARAGRAPHS:
            raise InputError(
                f"the .docx has more than {MAX_PARAGRAPHS:,} paragraphs",
                file=self.name,
                hint="split the document into smaller ones",
            )


def _skipped(element: etree._Element, tag: str) -> bool:
    """Content read elsewhere (mc:Fallback) or not text (footnote separators)."""
    return tag == _FALLBACK or (tag in _NOTES and element.get(f"{W}type") is not None)


def _on_end(element: etree._Element, tag: str, state: _State) -> None:
    if tag == _P:
        state.end_paragraph()
    elif tag == _T:
        state.open[-1][0].append("".join(str(piece) for piece in element.itertext()))
    elif tag in _SPACES:
        state.open[-1][0].append(_SPACES[tag])


def _read_part(stream: IO[bytes], state: _State, part: str) -> None:
    """One pass over the part's events; every element is emptied and unlinked once it ends."""
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for event, element in events:
            tag = element.tag  # built anew on each access: read it once
            if event == "start":
                if tag in _MARKS and _skipped(element, tag):
                    state.skip += 1
                elif tag == _P and not state.skip:
                    state.open.append(([], []))
                continue
            if tag in _MARKS and _skipped(element, tag):
                state.skip -= 1
            elif state.open and not state.skip:
                _on_end(element, tag, state)
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"{part} is not well-formed: {exc.msg}",
            file=state.name,
            line=exc.lineno,
            hint="save the document again as .docx",
        ) from None


def _damaged(name: str, why: object) -> InputError:
    return InputError(
        f"not a valid .docx (ZIP) file: {why}",
        file=name,
        offset=0,
        hint="open it in a word processor and save it again as .docx",
    )


def docx_paragraphs(data: bytes, name: str) -> list[str]:
    """The text of each paragraph of the body, footnotes and endnotes, in reading order (tables
    included, cell by cell); each piece of text exactly once."""
    state = _State(name, [])
    budget = [MAX_XML_BYTES]
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            present = set(archive.namelist())
            if PARTS[0] not in present:
                raise InputError(
                    "the .docx has no word/document.xml part",
                    file=name,
                    hint="save it again as a Word document (.docx)",
                )
            parts = [p for p in PARTS if p in present]
            if sum(archive.getinfo(p).file_size for p in parts) > MAX_XML_BYTES:
                raise _too_big(name)
            for part in parts:
                with archive.open(part) as raw:
                    _read_part(_Capped(raw, budget, name), state, part)  # type: ignore[arg-type]
    except _DAMAGED as exc:
        raise _damaged(name, exc) from None
    return state.out
