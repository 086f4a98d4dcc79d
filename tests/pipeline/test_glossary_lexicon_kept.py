"""The glossary's lexicon table kept in a build's cache: the same table, read instead of made."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from ruzh.glossary.build import corpus_concepts, termbase_pairs
from ruzh.glossary.pairing import lexicon_table
from ruzh.glossary.termbase import Term

from ruzh.pipeline import lexicon as kept_lexicon
from ruzh.pipeline.cache import Cache


def _never_made(*_: object) -> None:
    raise AssertionError("the table was made again")


def test_a_kept_table_is_the_made_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    concepts = corpus_concepts()
    made = lexicon_table(termbase_pairs(concepts))
    cache = Cache(tmp_path)
    assert kept_lexicon.glossary_lexicon(cache, concepts) == made
    assert cache.missed == {"lexicon-table": 1}
    monkeypatch.setattr(kept_lexicon, "lexicon_table", _never_made)
    kept = kept_lexicon.glossary_lexicon(cache, concepts)
    assert cache.hits == 1
    assert list(kept.items()) == list(made.items())  # the same renderings in the same order
    assert any(" " in ru for ru in kept)  # the termbase's lemmatised phrases are there too


def test_other_concepts_make_their_own_table(tmp_path: Path) -> None:
    concepts = corpus_concepts()
    i, first = next((i, c) for i, c in enumerate(concepts) if c.terms_of("zh") and c.terms_of("ru"))
    zh = first.terms_of("zh")[0]
    added = Term("ru", "сверхновая звезда", status="admitted")
    other = [*concepts[:i], replace(first, terms=(*first.terms, added)), *concepts[i + 1 :]]
    cache = Cache(tmp_path)
    kept_lexicon.glossary_lexicon(cache, concepts)
    table = kept_lexicon.glossary_lexicon(cache, other)  # a reviewed CSV's approved row, say
    assert cache.missed == {"lexicon-table": 2}
    assert zh.text in table["сверхновый звезда"]
    assert table == lexicon_table(termbase_pairs(other))
