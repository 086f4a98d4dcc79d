"""The lexicon's renderings of a word's relatives (same stem) as evidence for its pairing, on FLORES."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import link_terms
from ruzh.glossary.relatives import Relatives

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Words FLORES pairs only through their relatives: two or three shared sentences with a Chinese word
# seen 8-18 times, which the exact test alone refuses.
UNKNOWN = {"сотрудничество": "合作", "человечество": "人类", "сезон": "季节"}


def _lexicon() -> dict[str, tuple[str, ...]]:
    return {e.ru: e.zh for e in shipped_entries()}


def test_relatives_share_the_stem_not_only_the_first_letters() -> None:
    lexicon = _lexicon()
    relatives = Relatives({k: v for k, v in lexicon.items() if k not in UNKNOWN})
    assert "季节" in relatives.renderings("сезон")  # сезонный
    assert "污染" in relatives.renderings("загрязнение")  # загрязнять
    assert "主席" not in relatives.renderings("предложение")  # председатель: a prefix only
    assert relatives.support(("сезон",), "季节") and not relatives.support(("сезон",), "赛跑")
    assert relatives.renders(("сезон",), "季节") and not relatives.renders(("сезон",), "雨季节")
    assert relatives.support(("сезон",), "雨季节")  # holds a relative's rendering: support, weaker
    assert not relatives.support(("сезон", "дождь"), "季节")  # phrases have composition instead
    # a word the lexicon knows has its own renderings as evidence, not its relatives'
    assert "季节" in lexicon["сезонный"] and not Relatives(lexicon).support(("сезонный",), "季节")


@pytest.fixture(scope="module")
def flores_firsts() -> dict:
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores

    ru, zh, _ = read_flores(DATA)
    prior = {k: v for k, v in _lexicon().items() if k not in UNKNOWN}
    links, _ = link_terms(zip(ru, zh, strict=True), prior)
    return {" ".join(k): v[0] for k, v in links.items()}


def test_a_word_the_lexicon_lacks_is_paired_through_its_relatives(flores_firsts: dict) -> None:
    for word, rendering in UNKNOWN.items():
        link = flores_firsts[word]
        assert link.zh == rendering and link.related and not link.known
        assert "same stem" in link.evidence(1012)
