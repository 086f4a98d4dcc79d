"""What a build produces (documents, aligned passages, glossary rows, findings), as plain frozen data:
the pipeline makes it, and the report and the output writers read it without importing the pipeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ruzh.align.types import Bead, Document, Sentence
from ruzh.checks.findings import Finding
from ruzh.glossary.entries import Entry


@dataclass(frozen=True, slots=True)
class AlignedPassage:
    """A Russian passage and its Chinese counterpart, aligned sentence by sentence.

    ``kind`` says how they were found: ``abstract`` (Аннотация ↔ 摘要 inside one document) or
    ``document`` (two documents that translate each other). Bead indices point into
    ``ru_sentences`` and ``zh_sentences``.
    """

    id: str
    kind: str
    ru_doc: str
    zh_doc: str
    score: float
    ru_sentences: tuple[Sentence, ...]
    zh_sentences: tuple[Sentence, ...]
    beads: tuple[Bead, ...]

    def unaligned(self) -> list[Sentence]:
        """Sentences that found no partner (in 1-0 and 0-1 beads)."""
        lonely: list[Sentence] = []
        for bead in self.beads:
            if not bead.tgt:
                lonely.extend(self.ru_sentences[i] for i in bead.src)
            if not bead.src:
                lonely.extend(self.zh_sentences[i] for i in bead.tgt)
        return lonely


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Everything a build found; ``settings`` records what changes results (aligner, versions)."""

    documents: tuple[Document, ...]
    passages: tuple[AlignedPassage, ...]
    glossary: tuple[Entry, ...]
    findings: tuple[Finding, ...]
    settings: Mapping[str, str] = field(default_factory=dict)
    # Proposed document pairs that were not aligned (score too low), for the overview.
    rejected_pairs: tuple[tuple[str, str, float], ...] = ()
    # Each document's content key by name (a hash of its bytes, path, reading settings and the code),
    # when the build knows it: the report keys its pages by it rather than by the whole document.
    fingerprints: Mapping[str, str] = field(default_factory=dict)
