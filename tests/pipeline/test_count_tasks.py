"""How a build's glossary counting is cut into tasks: a first build counts each group of documents
in one task (its worker combines the group) when there are enough groups to keep every worker busy;
an edit, or too few groups, counts the documents a few at a time with their passages."""

from __future__ import annotations

import pytest
from ruzh.align.types import Document

from ruzh.pipeline import counting
from ruzh.pipeline.counting import Work, tasks


def _work(documents: int, counted: range) -> tuple[Work, list[tuple[str, str]]]:
    """``documents`` documents in pairs (ru, zh), one passage per pair, ``counted`` to be counted."""
    docs = [Document(f"d{k:03d}", f"d{k:03d}.txt", "utf-8") for k in range(documents)]
    passage_docs = [(docs[k].name, docs[k + 1].name) for k in range(0, documents, 2)]
    spans = [range(k, min(k + counting.GROUP, documents)) for k in range(0, documents, counting.GROUP)]
    groups = {g: (f"g{g}", ()) for g, s in enumerate(spans) if any(i in counted for i in s)}
    work = Work(docs, {i: f"p{i}" for i in counted}, [()] * len(passage_docs), {}, groups, spans)
    work.unit_names = {u: f"u{u}" for u in range(len(passage_docs))}
    return work, passage_docs


def _covered(todo: list[counting._Task], documents: int, passages: int) -> None:
    assert sorted(i for t in todo for i in t.documents) == list(range(documents))
    assert sorted(u for t in todo for u in t.passages) == list(range(passages))


def test_a_first_build_counts_a_group_per_task(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(counting, "GROUP", 4)
    work, passage_docs = _work(34, range(34))  # 9 groups, the last of 2 documents
    for jobs in (1, 2):
        todo = tasks(work, passage_docs, jobs)
        assert [t.group for t in todo] == list(range(9))
        assert [t.documents for t in todo][:2] == [(0, 1, 2, 3), (4, 5, 6, 7)]
        assert todo[0].passages == (0, 1) and todo[-1].passages == (16,)  # a passage with its documents
        _covered(todo, 34, 17)
    todo = tasks(work, passage_docs, 3)  # 9 groups are too few for 3 workers: a few documents a task
    assert {t.group for t in todo} == {None} and len(todo) == 5
    _covered(todo, 34, 17)


def test_an_edit_counts_its_document_with_its_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(counting, "GROUP", 4)
    work, passage_docs = _work(34, range(5, 6))  # one document of the second group to count again
    todo = tasks(work, passage_docs, 1)
    assert {t.group for t in todo} == {None}
    assert [t.documents for t in todo if t.documents] == [(5,)]
