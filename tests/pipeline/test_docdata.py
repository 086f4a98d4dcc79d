"""The documents' columnar cache layout: a kept document is the document read, to the last offset
map, and a layout whose runs do not add up is a cache miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruzh.align.reader import read_document
from ruzh.align.types import Document
from ruzh.seeds import seed_paths

from ruzh.pipeline.cache import Cache
from ruzh.pipeline.codec import decode, encode
from ruzh.pipeline.corpus import named
from ruzh.pipeline.docdata import StoredDocument


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return [read_document(path) for path in seed_paths()]


def test_every_seed_document_comes_back_equal(seeds: list[Document]) -> None:
    renamed = named(seeds[0], "a/renamed.txt")  # blocks and sentences carry the corpus identity
    for document in (*seeds, renamed):
        data = json.loads(json.dumps(encode(StoredDocument.of(document)), ensure_ascii=False))
        assert decode(StoredDocument, data).document() == document
    assert any(b.offsets.starts for d in seeds for b in d.blocks)  # offset maps were carried


def _fewer_sentences(data: dict[str, Any]) -> dict[str, Any]:
    data["sentences"].pop()  # one sentence less than the blocks count
    return data


def _short_offsets(data: dict[str, Any]) -> dict[str, Any]:
    data["starts"].pop()  # the starts column shorter than the lines column
    return data


def _negative_run(data: dict[str, Any]) -> dict[str, Any]:
    first = data["blocks"][0][7]
    data["blocks"][0][7] = -1
    data["blocks"][1][7] += first + 1  # the runs still add up, one of them is negative
    return data


@pytest.mark.parametrize("damage", [_fewer_sentences, _short_offsets, _negative_run])
def test_a_layout_that_does_not_add_up_is_a_miss(
    seeds: list[Document], tmp_path: Path, damage: Any, planted: Any
) -> None:
    cache = Cache(tmp_path)
    cache.put("k" * 64, "documents", StoredDocument.of(seeds[0]))
    assert cache.get("k" * 64, "documents", StoredDocument) is not None
    planted(next(tmp_path.rglob("*.json")), damage)
    assert cache.get("k" * 64, "documents", StoredDocument) is None
    assert cache.rejected == 1
