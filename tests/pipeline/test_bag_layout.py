"""The kept concept bags (two columns): the same concepts, order and float bits come back, and
columns that do not pair up are a cache miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruzh.align.aligner.pairing import Passage, passage_bags
from ruzh.align.aligner.perturb import read_flores
from ruzh.align.types import Sentence

from ruzh.lexicon import aligner_lexicon
from ruzh.pipeline.cache import Cache
from ruzh.pipeline.passages import CachedParallelAligner, StoredBag


@pytest.fixture(scope="module")
def bags(shared_data: Path) -> list[dict[str, float]]:
    ru, zh, _ = read_flores(shared_data)
    passages = [
        Passage(
            "d", lang, "text", tuple(Sentence("d", lang, "body", 0, t, i + 1, 1) for i, t in enumerate(lines))
        )
        for lang, lines in (("ru", ru[:20]), ("zh", zh[:20]))
    ]
    return passage_bags(passages, aligner_lexicon())


def test_a_kept_bag_is_the_bag(bags: list[dict[str, float]], tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    for k, bag in enumerate(bags):
        cache.put(f"{k:064d}", "bags", StoredBag.of(bag))
        kept = cache.get(f"{k:064d}", "bags", StoredBag)
        assert kept is not None and list(kept.bag().items()) == list(bag.items())
    assert all(len(b) > 20 for b in bags)


@pytest.mark.parametrize(
    "damage",
    [lambda d: d["weights"].pop(), lambda d: d["concepts"].__setitem__(1, d["concepts"][0])],
    ids=["a weight missing", "a concept twice"],
)
def test_columns_that_do_not_pair_up_are_a_miss(
    bags: list[dict[str, float]], tmp_path: Path, damage: Any, planted: Any
) -> None:
    cache = Cache(tmp_path)
    cache.put("k" * 64, "bags", StoredBag.of(bags[0]))
    planted(next(tmp_path.rglob("*.json")), damage)
    assert cache.get("k" * 64, "bags", StoredBag) is None and cache.rejected == 1


def test_bags_made_on_workers_from_the_texts_are_the_passages_bags(shared_data: Path, tmp_path: Path) -> None:
    ru, zh, _ = read_flores(shared_data)
    passages = [
        Passage(
            f"d{k}", lang, "text", tuple(Sentence(f"d{k}", lang, "body", 0, t, 1, 1) for t in lines[k::40])
        )
        for lang, lines in (("ru", ru), ("zh", zh))
        for k in range(20)
    ]  # 40 passages: three tasks of BAG_CHUNK, sent as (language, texts)
    lexicon = aligner_lexicon()
    with CachedParallelAligner(2, Cache(tmp_path), lexicon, quiet=True) as aligner:
        pooled = aligner.bags(passages, lexicon)
    assert [list(b.items()) for b in pooled] == [list(b.items()) for b in passage_bags(passages, lexicon)]
    assert all(len(b) > 20 for b in pooled)
