"""Corpus rules in two steps: a summary of each document alone, then a cheap merge of the summaries.

A rule that compares documents (a name spelled two ways across the corpus, 一 where other documents
write a dash) needs from each document only a few facts: where its candidate words stand and what
the rest of the corpus must know about it. Those facts depend on the document alone, so a build
keeps them with the document's cached findings, and an edit of one document of 500 recomputes one
summary plus the merge. Facts are one plain record type, so any summary can be stored as data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ruzh.checks.findings import Finding
from ruzh.checks.text import DocumentText

if TYPE_CHECKING:
    from ruzh.checks.variants import Glossary


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of a document's summary: its kind, where it stands (0 when nowhere), a text and
    whatever else the merge step needs, as strings."""

    kind: str
    line: int
    column: int
    text: str
    data: tuple[str, ...] = ()


# (document name, its facts) in corpus order: what the merge step of a corpus rule reads.
Summaries = Sequence[tuple[str, tuple[Fact, ...]]]


@dataclass(frozen=True, slots=True)
class CorpusCheck:
    """A rule across documents: ``summarise`` one document, ``merge`` the summaries into findings."""

    summarise: Callable[[DocumentText], tuple[Fact, ...]]
    merge: Callable[[Summaries], Iterator[Finding]]

    def findings(self, texts: Sequence[DocumentText]) -> Iterator[Finding]:
        """Both steps over documents at hand."""
        return self.merge([(t.name, self.summarise(t)) for t in texts])


@dataclass(frozen=True, slots=True)
class TermbaseCheck:
    """A rule across documents that needs the termbase. ``prepare`` keeps what of a document does
    not depend on the termbase (the lemmas of its words), so that a new termbase costs a look-up
    per word rather than a lemmatisation; ``summarise`` and ``merge`` take the termbase."""

    prepare: Callable[[DocumentText], tuple[Fact, ...]]
    summarise: Callable[[DocumentText, tuple[Fact, ...], Glossary], tuple[Fact, ...]]
    merge: Callable[[Summaries, Glossary], Iterator[Finding]]

    def findings(self, texts: Sequence[DocumentText], termbase: Glossary) -> Iterator[Finding]:
        """All three steps over documents at hand."""
        facts = [(t.name, self.summarise(t, self.prepare(t), termbase)) for t in texts]
        return self.merge(facts, termbase)
