"""Fuzzy lookup on FLORES units: an edited TM sentence finds its unit first; unrelated text scores low."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from ruzh.tmx.lookup import TmIndex, signature, trigrams
from ruzh.tmx.types import TranslationUnit
from sacrebleu.metrics import CHRF

_spec = importlib.util.spec_from_file_location("tmx_test_helpers", Path(__file__).with_name("helpers.py"))
assert _spec and _spec.loader
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)


def edit(sentence: str, rng: random.Random) -> str:
    """A light edit a translator meets: a word dropped, an ending changed, ё written as е."""
    words = sentence.replace("ё", "е").split()
    if len(words) > 4:
        del words[rng.randrange(len(words))]
    k = rng.randrange(len(words))
    words[k] = words[k][:-1] if len(words[k]) > 3 else words[k]
    return " ".join(words)


def test_edited_sentences_find_their_unit_first(shared_data: Path) -> None:
    units = helpers.flores_units(shared_data)
    index = TmIndex(units)
    rng = random.Random(4)
    sample = rng.sample(range(len(units)), 100)
    hits = 0
    for i in sample:
        matches = index.lookup(edit(units[i].ru, rng), top=3)
        hits += bool(matches) and matches[0].unit.ru == units[i].ru
    assert hits >= 98  # 98% of lightly edited sentences come back first


def test_scores_are_sacrebleu_chrf(shared_data: Path) -> None:
    units = helpers.flores_units(shared_data, 300)
    index = TmIndex(units)
    query = units[17].ru[:-1] + "!"
    best = index.lookup(query, top=1)[0]
    assert best.unit == units[17]
    assert best.score == round(CHRF().sentence_score(units[17].ru, [query]).score, 2)
    exact = index.lookup(units[42].ru, top=1)[0]
    assert exact.unit == units[42] and exact.score == 100.0


def test_unrelated_queries_and_thresholds(shared_data: Path) -> None:
    index = TmIndex(helpers.flores_units(shared_data, 500))
    assert index.lookup("Щука проглотила ёршика!", min_score=50) == []
    assert index.lookup("", top=3) == []
    assert index.lookup("中文句子", top=3) == []  # no Russian trigram in common
    matches = index.lookup("правительство объявило", top=5)
    assert len(matches) == 5 and matches == sorted(matches, key=lambda m: -m.score)


def test_empty_index_and_signature() -> None:
    assert TmIndex([]).lookup("Пусто.") == []
    assert TmIndex([TranslationUnit("Ёлка.", "树。")]).lookup("елка")[0].score > 50
    assert " ел" in trigrams("Ёлка") and "chrF2" in str(signature())
