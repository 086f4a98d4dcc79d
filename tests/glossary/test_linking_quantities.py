"""Measure words, counted nouns and nouns tagged as adverbs as partners, and two links between words
far apart in general frequency, on FLORES."""

from __future__ import annotations

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import FAR_GAP, frequency_gap, link_terms
from ruzh.glossary.units import zh_units

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
def firsts(flores_sides: tuple[list[str], list[str]]) -> dict:
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in MEASURES and e.ru not in ADVERBS}
    links, _ = link_terms(zip(*flores_sides, strict=True), prior)
    return {" ".join(k): v[0] for k, v in links.items()}


# (a piece of a FLORES sentence, a word of it, whether it is a unit, whether it is nominal there)
SENTENCES = [
    ("距离布宜诺斯艾利斯", "公里", True, True),  # ... 50 公里: a measure word
    ("战争结束两年后", "年", True, True),  # jieba writes 两年: the noun after the number
    ("获得第十三名", "名", True, False),  # a rank (第十三名) and 200 名 people: a classifier
    ("除了一艘英国巡航舰外", "艘", False, False),  # 一艘 counts the ship after it
    ("摩尔多瓦的首都是", "首都", True, True),  # tagged as an adverb, after 的
    ("在首都马尼拉", "首都", True, True),  # ... before a name
    ("一直是萨摩亚的首都", "一直", False, False),  # a real adverb, before 是
    ("应得的尊严、", "尊严", True, True),  # tagged as an adjective, between 的 and a punctuation mark
    ("种不同食物", "不同", True, False),  # a real adjective, before a noun
    ("大型电视屏幕", "屏幕", True, True),  # a noun inside a word tagged as a fixed phrase (l)
]


@pytest.mark.parametrize(("piece", "word", "unit", "nominal"), SENTENCES)
def test_measure_words_counted_nouns_and_nouns_tagged_as_adverbs_or_adjectives(
    flores_sides: tuple, piece: str, word: str, unit: bool, nominal: bool
) -> None:
    sentence = next(z for z in flores_sides[1] if piece in z)
    units, nominals, _ = zh_units(sentence)
    assert (any(u[0] == word for u in units), word in nominals) == (unit, nominal)


def test_nouns_translated_by_measure_words_or_tagged_as_adverbs_get_them(firsts: dict) -> None:
    for word, rendering in {**MEASURES, **ADVERBS}.items():
        assert firsts[word].zh == rendering, word


def test_two_links_between_words_far_apart_in_general_frequency_are_not_kept(firsts: dict) -> None:
    """«Мартейи» (the name Martelly) shares its two sentences with 临时 (provisional), a common word:
    a hundred times apart in general use, two links are a coincidence, not a translation."""
    assert frequency_gap(("мартейя",), "临时") >= FAR_GAP
    assert "мартейя" not in firsts
    assert firsts["правительство"].zh == "政府"  # well attested pairs are not touched
