"""The pairing's kept text scores: a rebuild that reuses them finds exactly the passages a build
from scratch finds, scores again only the pairs of changed passages, and a kept table that does
not fit is a cache miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruzh.align.aligner import pairing
from ruzh.align.aligner.pairing import ScoreMemo, find_parallel_passages
from ruzh.align.aligner.perturb import read_flores
from ruzh.align.reader import read_document
from ruzh.align.types import Document

from ruzh.pipeline.codec import CodecError, decode, encode
from ruzh.pipeline.discovery import StoredScores

PAIRS, SIZE = 8, 10


def _documents(folder: Path, shared_data: Path, extra: str = "") -> list[Document]:
    """FLORES sentences as ``PAIRS`` Russian/Chinese document pairs; ``extra`` appended to ru 3."""
    ru, zh, _ = read_flores(shared_data)
    folder.mkdir(exist_ok=True)
    for k in range(PAIRS):
        lines = range(40 * k, 40 * k + SIZE)
        tail = f"\n\n{extra}" if extra and k == 3 else ""
        (folder / f"d{k}_ru.txt").write_text("\n\n".join(ru[i] for i in lines) + tail + "\n", "utf-8")
        (folder / f"d{k}_zh.txt").write_text("\n\n".join(zh[i] for i in lines) + "\n", "utf-8")
    return [read_document(p) for p in sorted(folder.glob("*.txt"))]


@pytest.fixture(params=["exhaustive", "indexed"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "indexed":  # the candidate index of large corpora, on a small one
        monkeypatch.setattr(pairing, "EXHAUSTIVE_PAIRS", 0)
    return str(request.param)


def _through_json(memo: ScoreMemo) -> ScoreMemo:
    stored = decode(StoredScores, json.loads(json.dumps(encode(StoredScores.of(memo)))))
    return stored.memo()


def test_kept_scores_give_the_fresh_result(tmp_path: Path, shared_data: Path, mode: str) -> None:
    before = _documents(tmp_path / "a", shared_data)
    memo = ScoreMemo()
    first = find_parallel_passages(before, memo=memo)
    assert len(first) == PAIRS and memo.reused == 0 and memo.scores
    ru, _, _ = read_flores(shared_data)
    after = _documents(tmp_path / "b", shared_data, extra=ru[1000])  # new concepts in one document
    memo = _through_json(memo)
    again = find_parallel_passages(after, memo=memo)
    assert again == find_parallel_passages(after)
    assert 0 < memo.reused < len(memo.scores)  # some pairs came from the memo, the changed ones did not
    memo = _through_json(memo)
    assert find_parallel_passages(after, memo=memo) == again
    assert memo.reused == len(memo.scores)  # unchanged: every score (and the candidate index) kept
    if mode == "indexed":
        assert memo.pairs is not None


def test_a_kept_table_pointing_outside_its_passages_is_refused() -> None:
    data = encode(StoredScores(("a" * 32,), ("b" * 32,), ((0, 0, 0.5),), None))
    data["scores"][0][1] = 1  # a Chinese passage that is not there
    with pytest.raises(CodecError):
        decode(StoredScores, data)
