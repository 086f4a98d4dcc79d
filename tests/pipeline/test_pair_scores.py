"""The pairing's kept text scores: a rebuild that reuses them finds exactly the passages a build
from scratch finds, scores again only the pairs of changed passages, and a kept table that does
not fit is a cache miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruzh.align.aligner import pair_index, pairing
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


def _reference_pairs(
    ru_bags: list[dict[str, float]], zh_bags: list[dict[str, float]]
) -> list[tuple[int, int]]:
    """The candidate index as a plain loop over postings (the definition the vector version keeps)."""
    limit = max(2, int(pair_index.RARE_SHARE * (len(ru_bags) + len(zh_bags))))
    index: dict[str, list[tuple[int, float]]] = {}
    for j, bag in enumerate(zh_bags):
        for key, weight in bag.items():
            index.setdefault(key, []).append((j, weight))
    best_for_zh: dict[int, list[tuple[float, int]]] = {}
    chosen: set[tuple[int, int]] = set()
    for i, bag in enumerate(ru_bags):
        overlap: dict[int, float] = {}
        for key, weight in bag.items():
            postings = index.get(key, ())
            if len(postings) <= limit:
                for j, other in postings:
                    overlap[j] = overlap.get(j, 0.0) + min(weight, other)
        top = sorted(overlap.items(), key=lambda item: -item[1])[: pair_index.CANDIDATES_PER_PASSAGE]
        chosen.update((i, j) for j, _ in top)
        for j, value in overlap.items():
            best_for_zh.setdefault(j, []).append((value, i))
    for j, scores in best_for_zh.items():
        chosen.update((i, j) for _, i in sorted(scores, reverse=True)[: pair_index.CANDIDATES_PER_PASSAGE])
    return sorted(chosen)


@pytest.mark.parametrize(
    ("step", "block"), [(0.25, pair_index.BLOCK_PAIRS), (0.001, pair_index.BLOCK_PAIRS), (0.25, 250)]
)
def test_the_candidate_index_keeps_the_loops_choice(
    shared_data: Path, step: float, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On bags of FLORES words (ru words against the zh passages' characters would share nothing, so
    both sides are Russian words of overlapping passages), with coarse weights full of ties and fine
    ones, the index picks exactly the pairs the plain loop picks, ties broken the same way; also
    when the pairs are summed by blocks of a few Russian passages."""
    monkeypatch.setattr(pair_index, "BLOCK_PAIRS", block)
    ru, _, _ = read_flores(shared_data)
    words = [[w.lower() for w in line.split() if w.isalpha()] for line in ru[:600]]

    def bag(lines: list[list[str]]) -> dict[str, float]:
        return {w: round(1.0 / len(w) / step) * step + step for line in lines for w in line}

    ru_bags = [bag(words[6 * k : 6 * k + 6]) for k in range(100)]
    zh_bags = [bag(words[6 * k + 3 : 6 * k + 9]) for k in range(99)]
    got = pair_index.indexed_pairs(ru_bags, zh_bags)
    assert got == _reference_pairs(ru_bags, zh_bags)
    assert len(got) > 8 * len(ru_bags)  # both directions proposed something
    assert pair_index.indexed_pairs([{}], zh_bags) == [] and pair_index.indexed_pairs(ru_bags, []) == []
