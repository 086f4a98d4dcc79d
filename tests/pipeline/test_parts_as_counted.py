"""The glossary's counting hands each group's part over as soon as it and the groups before it are
counted (the main process merges it while the workers count the next), in corpus order, and the
parts so taken merge like every document's part counted one by one; a rebuild hands over the kept
groups the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from ruzh.align.reader import read_document
from ruzh.align.types import Document
from ruzh.glossary.attest import Attester
from ruzh.glossary.build import corpus_concepts
from ruzh.glossary.parts import DocumentPart, count_document
from ruzh.seeds import seed_paths

from ruzh.pipeline import counting
from ruzh.pipeline.cache import Cache


def _counted(
    folder: Path, documents: list[Document], ticks: list[int]
) -> tuple[list[int], list[DocumentPart]]:
    """The parts in the order handed over, and how many documents were counted when each came."""
    parts, _ = counting.glossary_counts(
        documents, [d.name for d in documents], [], [], corpus_concepts(), "k", 1, Cache(folder),
        ticks.append,
    )  # fmt: skip
    seen: list[int] = []
    out: list[DocumentPart] = []
    for part in parts:
        seen.append(sum(ticks))
        out.append(part)
    return seen, out


def test_group_parts_come_as_counted_and_merge_like_each_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, merged_state: Callable[[Sequence[DocumentPart]], str]
) -> None:
    monkeypatch.setattr(counting, "GROUP", 2)
    documents = [read_document(p) for p in seed_paths()]
    assert len(documents) >= 4
    seen, parts = _counted(tmp_path / "cache", documents, [])
    groups = -(-len(documents) // 2)
    assert len(parts) == groups and parts[0].documents == (documents[0].name, documents[1].name)
    assert seen[0] < len(documents)  # the first group came before the last one was counted
    attester = Attester(corpus_concepts())
    flat = merged_state([count_document(d, attester) for d in documents])
    assert merged_state(parts) == flat
    ticks: list[int] = []
    seen, kept = _counted(tmp_path / "cache", documents, ticks)  # a rebuild: every group kept
    assert ticks == [len(documents)] and merged_state(kept) == flat
