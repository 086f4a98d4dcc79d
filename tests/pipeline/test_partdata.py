"""The glossary parts' columnar cache layout: a restored part merges exactly as a fresh one does
(same tallies, counts and examples, in the same order), and a layout whose columns do not add up
is a cache miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruzh.align.reader import read_document
from ruzh.glossary.attest import Attester
from ruzh.glossary.build import corpus_concepts
from ruzh.glossary.parts import DocumentPart, count_document
from ruzh.seeds import seed_paths

from ruzh.pipeline.cache import Cache
from ruzh.pipeline.codec import decode, encode
from ruzh.pipeline.partdata import StoredPart, restored, stored


@pytest.fixture(scope="module")
def fresh() -> list[DocumentPart]:
    attester = Attester(corpus_concepts())
    return [count_document(read_document(path), attester) for path in seed_paths()]


def _through_json(part: DocumentPart) -> DocumentPart:
    data = json.loads(json.dumps(encode(stored(part)), ensure_ascii=False))
    return restored(decode(StoredPart, data))


def test_restored_parts_merge_like_fresh_ones(fresh: list[DocumentPart], merged_state: Any) -> None:
    assert any(p.ru.tallies for p in fresh) and any(p.zh.tallies for p in fresh)
    assert any(p.attested for p in fresh) and any(p.ru.names for p in fresh)
    assert merged_state([_through_json(p) for p in fresh]) == merged_state(fresh)


def _damaged(data: dict[str, Any]) -> dict[str, Any]:
    data["ru"]["docs"]["sizes"][0] += 1  # one counter claims a row more than there are
    return data


def _misaligned(data: dict[str, Any]) -> dict[str, Any]:
    data["zh"]["starts"].pop()  # one column shorter than the others
    return data


@pytest.mark.parametrize("damage", [_damaged, _misaligned])
def test_a_layout_that_does_not_add_up_is_a_miss(
    fresh: list[DocumentPart], tmp_path: Path, damage: Any, planted: Any
) -> None:
    part = next(p for p in fresh if p.ru.tallies and p.zh.tallies)
    cache = Cache(tmp_path)
    cache.put("k" * 64, "glossary-parts", stored(part))
    assert cache.get("k" * 64, "glossary-parts", StoredPart) is not None
    planted(next(tmp_path.rglob("*.json")), damage)
    assert cache.get("k" * 64, "glossary-parts", StoredPart) is None
    assert cache.rejected == 1
