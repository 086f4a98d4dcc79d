"""The glossary's kept linking: a rebuild whose translation units are unchanged does not link
again, one whose units or prior changed does, and either way the links are those of linking afresh."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from ruzh.align.aligner.perturb import read_flores
from ruzh.glossary import linking
from ruzh.glossary.pairing import lexicon_table
from ruzh.glossary.units import SentenceUnits, sentence_units

from ruzh.pipeline import units
from ruzh.pipeline.cache import Cache
from ruzh.pipeline.units import Texts, cached_links


def _passages(shared_data: Path, edited: str = "") -> list[Texts]:
    """Three passages of 30 FLORES pairs; ``edited`` replaces the Russian text of the second's 5th."""
    ru, zh, _ = read_flores(shared_data)
    out = [tuple(zip(ru[k : k + 30], zh[k : k + 30], strict=True)) for k in (0, 100, 200)]
    if edited:
        texts = list(out[1])
        texts[4] = (edited, texts[4][1])
        out[1] = tuple(texts)
    return out


def test_unchanged_units_are_not_linked_again(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def counted(
        sentences: Sequence[SentenceUnits], prior: Mapping[str, Sequence[str]], **options: Any
    ) -> Any:
        calls.append(len(sentences))
        return linking.link_units(sentences, prior, **options)

    monkeypatch.setattr(units, "link_units", counted)
    prior = dict(lexicon_table())
    cache = Cache(tmp_path / "cache")

    def run(texts: list[Texts], table: dict[str, list[str]]) -> Any:
        sentences = [sentence_units(r, z) for t in texts for r, z in t]
        found = cached_links(cache, texts)(sentences, table)
        fresh = linking.link_units(sentences, table)
        assert found == fresh and list(found[0]) == list(fresh[0])  # the same links, in the same order
        return found

    first = run(_passages(shared_data), prior)
    assert calls == [90] and sum(len(v) for v in first[0].values()) > 5
    assert run(_passages(shared_data), prior) == first and calls == [90]  # kept: not linked again
    edit = _passages(shared_data, "Это предложение изменено при правке документа.")
    run(edit, prior)
    assert calls == [90, 90]
    run(edit, {k: v for k, v in prior.items() if k != "документ"})  # another prior: linked again
    assert calls == [90, 90, 90]


def test_other_lemma_choices_are_linked_again(shared_data: Path, tmp_path: Path) -> None:
    """The units' lemma keys carry the corpus's choices of lemma, which another document's forms can
    change while these texts stay the same: the kept links are then not those."""
    texts = _passages(shared_data)
    prior = dict(lexicon_table())
    cache = Cache(tmp_path / "cache")
    sentences = [sentence_units(r, z) for t in texts for r, z in t]
    cached_links(cache, texts)(sentences, prior, {})
    cached_links(cache, texts)(sentences, prior, {})
    assert cache.missed == {"links": 1} and cache.hits == 1
    word = next(k[0] for s in sentences for k, _, _ in s.ru if len(k) == 1 and k[0])
    cached_links(cache, texts)(sentences, prior, {word: word + "ы"})
    assert cache.missed == {"links": 2}
