"""Every id a link in the report can point at, decided before any section is written.

A sentence has one canonical id, ``s-<doc>-<line>-<column>``, carried by exactly one element of
one page: its row in the first alignment view that shows it, otherwise its entry in the document's
sentence list; :attr:`Anchors.page_of` says which page, so links work across pages. A finding
links to the last sentence of its document that starts at or before the finding's (line, column),
or to the document's sentence list when no sentence starts that early.
"""

from __future__ import annotations

import bisect
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePath

import regex

from ruzh.align.types import Document, Sentence
from ruzh.checks.findings import Finding
from ruzh.report.html import slug
from ruzh.report.layout import (
    BEADS_PER_PAGE,
    FINDINGS_PER_PAGE,
    SENTENCES_PER_PAGE,
    page_name,
    rule_groups,
    url,
)
from ruzh.results import AlignedPassage, BuildResult

# "智慧城市 seeds/000.txt:44:17": a related place in a finding, file:line:column at the end.
_PLACE = regex.compile(r"(?P<file>[^\s:]+(?::[^\s:]+)*?):(?P<line>\d+):(?P<col>\d+)\)?$")


def sentence_key(sentence: Sentence) -> tuple[str, int, int]:
    """What identifies a sentence across views: document, line, column."""
    return (sentence.doc, sentence.line, sentence.column)


def sentence_id(doc: str, line: int, column: int) -> str:
    """The canonical anchor of the sentence starting at ``line``:``column`` of ``doc``."""
    return f"s-{slug(doc)}-{line}-{column}"


def doc_id(doc: str) -> str:
    """The anchor of a document's sentence list."""
    return f"doc-{slug(doc)}"


def passage_id(passage: AlignedPassage) -> str:
    """The anchor of a passage's alignment view."""
    return f"p-{slug(passage.id)}"


def bead_id(passage: AlignedPassage, index: int) -> str:
    """The anchor of one bead row (1-based ``index``)."""
    return f"b-{slug(passage.id)}-{index}"


class Anchors:
    """Ids of sentences, documents and findings, the page each one is on, and which finding points at
    which sentence."""

    def __init__(self, result: BuildResult) -> None:
        """Decide where each sentence is shown, then resolve every finding to its target."""
        self._documents = {d.name: d for d in reversed(result.documents)}
        self._files = _file_index(result.documents)
        self.page_of: dict[str, str] = {}
        self.shown: dict[tuple[str, int, int], str] = {}
        for passage in result.passages:
            self._place_passage(passage)
        for doc in result.documents:
            self._place_document(doc)
        self._starts = {name: _starts(doc.sentences()) for name, doc in self._documents.items()}
        self._emitted: set[tuple[str, str]] = set()
        self.finding_ids: list[str] = _finding_ids(result.findings)
        self._aligned = _AlignedText(result.passages)
        # Findings in other files (a unit check on memory.tmx) are linked by their text, when found.
        self.by_text: set[int] = set()
        self.targets: list[str | None] = []
        for i, f in enumerate(result.findings):
            target = self.target(f.file, f.line, f.column)
            if target is None and self.document_of(f.file) is None:
                target = self._aligned.find(f.text)
                if target is not None:
                    self.by_text.add(i)
            self.targets.append(target)
        rank = {d.name: k for k, d in enumerate(result.documents)}
        self.rules = rule_groups(result.findings, self.finding_document, lambda d: rank.get(d, len(rank)))
        for group in self.rules:
            pages = group.pages()
            for k, i in enumerate(group.indices):
                self.page_of[self.finding_ids[i]] = pages[k // FINDINGS_PER_PAGE]
        self.flags: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for fid, target, f in zip(self.finding_ids, self.targets, result.findings, strict=True):
            if target is not None:
                self.flags[target].append((fid, f.severity))

    def _place_passage(self, passage: AlignedPassage) -> None:
        """A passage's beads in pages of :data:`BEADS_PER_PAGE`; a sentence belongs to its first view."""
        pid = passage_id(passage)
        self.page_of.setdefault(pid, page_name("pair", passage.id))
        page = ""
        for k, bead in enumerate(passage.beads):
            if k % BEADS_PER_PAGE == 0:
                page = page_name("pair", passage.id, k // BEADS_PER_PAGE)
            self.page_of.setdefault(bead_id(passage, k + 1), page)
            for side, indices in ((passage.ru_sentences, bead.src), (passage.zh_sentences, bead.tgt)):
                for i in indices:
                    if 0 <= i < len(side):
                        skey = sentence_key(side[i])
                        if self.page_of.setdefault(sentence_id(*skey), page) == page:
                            self.shown.setdefault(skey, pid)

    def _place_document(self, doc: Document) -> None:
        """A document's sentence list in pages of :data:`SENTENCES_PER_PAGE`."""
        self.page_of.setdefault(doc_id(doc.name), page_name("doc", doc.name))
        sentences = doc.sentences()
        for first in range(0, len(sentences), SENTENCES_PER_PAGE):
            page = page_name("doc", doc.name, first // SENTENCES_PER_PAGE)
            for sentence in sentences[first : first + SENTENCES_PER_PAGE]:
                self.page_of.setdefault(sentence_id(*sentence_key(sentence)), page)

    def owns(self, element_id: str, here: str) -> bool:
        """True when ``element_id`` lives on page ``here`` and is not written there yet."""
        if self.page_of.get(element_id, here) != here or (here, element_id) in self._emitted:
            return False
        self._emitted.add((here, element_id))
        return True

    def claim(self, element_id: str, here: str) -> bool:
        """True the first time an id is written on a page, so no id appears twice in it."""
        if (here, element_id) in self._emitted:
            return False
        self._emitted.add((here, element_id))
        return True

    def href(self, element_id: str, here: str) -> str:
        """A link from page ``here`` to the element, on whatever page it is."""
        return url(here, self.page_of.get(element_id, here), element_id)

    def doc_link(self, name: str, here: str) -> str | None:
        """A link to the document's sentence list when the document is in the report."""
        return self.href(doc_id(name), here) if name in self._documents else None

    def finding_document(self, finding: Finding) -> str:
        """The document a finding is in, or its file when that is none of the documents."""
        return self.document_of(finding.file) or finding.file

    def document_of(self, file: str) -> str | None:
        """The document a finding's file names: a document's identity (what the build's findings
        carry), else a path, relative path, file name or stem (findings of ``ruzh check`` files)."""
        if file in self._documents:
            return file
        for key in _file_keys(file):
            if key in self._files:
                return self._files[key]
        return None

    def target(self, file: str, line: int, column: int) -> str | None:
        """The id of the sentence holding a position, or the document's list; None for unknown files."""
        doc = self.document_of(file)
        if doc is None:
            return None
        starts = self._starts.get(doc, [])
        k = bisect.bisect_right(starts, (line, column)) - 1
        if k < 0:
            return doc_id(doc)
        return sentence_id(doc, *starts[k])

    def place_target(self, related: str) -> str | None:
        """The target of a related place such as ``智慧城市 seeds/000.txt:44:17``, if it names one."""
        m = _PLACE.search(related)
        if m is None:
            return None
        return self.target(m.group("file"), int(m.group("line")), int(m.group("col")))


class _AlignedText:
    """The sentences of the alignment views as one string, to find where a quoted text stands."""

    def __init__(self, passages: Iterable[AlignedPassage]) -> None:
        self._passages = tuple(passages)
        self._text: str | None = None
        self._offsets: list[int] = []
        self._ids: list[str] = []

    def _build(self) -> str:
        parts: list[str] = []
        pos = 0
        for p in self._passages:
            for sentence in (*p.ru_sentences, *p.zh_sentences):
                self._offsets.append(pos)
                self._ids.append(sentence_id(*sentence_key(sentence)))
                parts.append(sentence.text)
                pos += len(sentence.text) + 1
        return "\x00".join(parts)

    def find(self, text: str) -> str | None:
        """The id of the first aligned sentence containing ``text``, if any."""
        if not text or "\x00" in text:
            return None
        if self._text is None:
            self._text = self._build()
        at = self._text.find(text)
        if at < 0:
            return None
        return self._ids[bisect.bisect_right(self._offsets, at) - 1]


def _starts(sentences: Iterable[Sentence]) -> list[tuple[int, int]]:
    return sorted({(s.line, s.column) for s in sentences})


def _file_keys(file: str) -> list[str]:
    """Ways a file may be named: absolute path, as given, file name, stem (the reader's document name)."""
    if not file:
        return []
    path = PurePath(file)
    return [os.path.normpath(os.path.abspath(file)), file, path.name, path.stem]


def _file_index(documents: Iterable[Document]) -> dict[str, str]:
    index: dict[str, str] = {}
    docs = list(documents)
    names = [[*(_file_keys(doc.path) if doc.path else []), doc.name] for doc in docs]
    # Most specific names first, so a shared file name never hides an exact path.
    for level in range(4):
        for doc, keys in zip(docs, names, strict=True):
            if level < len(keys):
                index.setdefault(keys[level], doc.name)
    for doc in docs:
        index.setdefault(doc.name, doc.name)
    return index


def _finding_ids(findings: Iterable[Finding]) -> list[str]:
    """``f-<fingerprint prefix>``, falling back to the position in the list when prints repeat or lack."""
    ids: list[str] = []
    seen: set[str] = set()
    for k, f in enumerate(findings, 1):
        fid = f"f-{f.fingerprint[:12]}" if f.fingerprint else f"f-{k}"
        if fid in seen:
            fid = f"f-{k}"
        seen.add(fid)
        ids.append(fid)
    return ids
