"""Whole consonant skeletons: a Chinese transliteration of a foreign name against the Russian word."""

from __future__ import annotations

import pytest
from ruzh.lang.translit import ru_skeleton, transliterates, zh_skeleton

ALIKE = [
    ("самоа", "萨摩亚"),  # S M both
    ("саами", "萨米"),  # a repeated vowel adds nothing
    ("техас", "德克萨斯"),  # т/д, х/к, с: D G S
    ("рим", "罗马"),  # р and л are one class, as Chinese writes them
    ("касабланка", "卡萨布兰卡"),
]
NOT_ALIKE = [
    ("апиа", "萨摩亚"),  # another name of the same sentences
    ("апиа", "阿皮亚"),  # one class only: too little to tell from chance
    ("техас", "德克萨斯州"),  # 州 is no transliteration character: the word is not a transliteration
    ("штат", "州"),  # one character
    ("страна", "国家"),  # ordinary words
]


@pytest.mark.parametrize(("word", "chinese"), ALIKE)
def test_a_transliteration_has_the_words_whole_skeleton(word: str, chinese: str) -> None:
    assert transliterates(word, chinese)


@pytest.mark.parametrize(("word", "chinese"), NOT_ALIKE)
def test_other_words_are_not_transliterations(word: str, chinese: str) -> None:
    assert not transliterates(word, chinese)


def test_skeletons() -> None:
    assert ru_skeleton("Картер") == "GDL"  # р before a consonant dropped, as Chinese does (卡特)
    assert zh_skeleton("卡特") == "GD" and zh_skeleton("国家") is None
