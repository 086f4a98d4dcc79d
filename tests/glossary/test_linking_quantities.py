"""Measure words, counted nouns and nouns tagged as adverbs as partners, and two links between words
far apart in general frequency, on FLORES."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import FAR_GAP, frequency_gap, link_terms
from ruzh.glossary.units import zh_units

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Nouns whose Chinese translation jieba tags as a measure word, a quantity or a part of a number
# (公里 q, 多数 m, 年 inside 两年), taken out of the lexicon so that the counts alone pair them.
MEASURES = {
    "километр": "公里",
    "доллар": "美元",
    "фут": "英尺",
    "минута": "分钟",
    "большинство": "多数",
    "год": "年",
    "неделя": "周",
}
# A noun jieba's dictionary tags as an adverb (d).
ADVERBS = {"столица": "首都"}


@pytest.fixture(scope="module")
def flores() -> tuple[list[str], list[str]]:
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores

    ru, zh, _ = read_flores(DATA)
    return ru, zh


@pytest.fixture(scope="module")
def firsts(flores: tuple[list[str], list[str]]) -> dict:
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in MEASURES and e.ru not in ADVERBS}
    links, _ = link_terms(zip(*flores, strict=True), prior)
    return {" ".join(k): v[0] for k, v in links.items()}


def _unit(text: str, sentence: str) -> tuple[bool, bool]:
    """Whether ``text`` is a unit of the sentence, and whether it is nominal there."""
    units, nominal, _ = zh_units(sentence)
    return any(u[0] == text for u in units), text in nominal


def test_measure_words_and_counted_nouns_are_nominal_classifiers_are_not(flores: tuple) -> None:
    _, zh = flores
    sentence = next(z for z in zh if "距离布宜诺斯艾利斯" in z)  # ... 50 公里 ...
    assert _unit("公里", sentence) == (True, True)
    sentence = next(z for z in zh if "战争结束两年后" in z)  # jieba: 两年
    assert _unit("年", sentence) == (True, True)
    sentence = next(z for z in zh if "获得第十三名" in z)  # a rank: 第十三名, and 200 名 people
    assert not _unit("名", sentence)[1]
    sentence = next(z for z in zh if "除了一艘英国巡航舰外" in z)  # 一艘 counts the ship after it
    assert _unit("艘", sentence) == (False, False)


def test_nouns_translated_by_measure_words_get_them(firsts: dict) -> None:
    for word, rendering in MEASURES.items():
        assert firsts[word].zh == rendering, word


def test_a_noun_tagged_as_an_adverb_is_a_noun_where_no_adverb_stands(flores: tuple) -> None:
    _, zh = flores
    sentence = next(z for z in zh if z.startswith("摩尔多瓦的首都是"))  # after 的
    assert _unit("首都", sentence) == (True, True)
    sentence = next(z for z in zh if "在首都马尼拉" in z)  # before a name
    assert _unit("首都", sentence) == (True, True)
    sentence = next(z for z in zh if "一直是萨摩亚的首都" in z)  # 一直 before 是 is an adverb
    assert _unit("一直", sentence) == (False, False)


def test_nouns_tagged_as_adverbs_get_their_partner(firsts: dict) -> None:
    for word, rendering in ADVERBS.items():
        assert firsts[word].zh == rendering, word


def test_two_links_between_words_far_apart_in_general_frequency_are_not_kept(firsts: dict) -> None:
    """«Мартейи» (the name Martelly) shares its two sentences with 临时 (provisional), a common word:
    a hundred times apart in general use, two links are a coincidence, not a translation."""
    assert frequency_gap(("мартейя",), "临时") >= FAR_GAP
    assert "мартейя" not in firsts
    assert firsts["правительство"].zh == "政府"  # well attested pairs are not touched
