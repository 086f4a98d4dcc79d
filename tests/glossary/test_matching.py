"""Term matching: Russian by lemma sequence (all case forms, pymorphy3's traps), Chinese as text."""

from __future__ import annotations

import pytest
from ruzh.align.morphology import lemma_key
from ruzh.glossary.matching import ChineseMatcher, RussianMatcher

RU_TERMS = [
    ("DE1", "цифровая экономика"),
    ("DE2", "экономика"),
    ("DE3", "большие данные"),
    ("DE4", "дополненная реальность"),
    ("DE5", "ИИ"),
    ("DE6", "«Один пояс, один путь»"),
    ("DE7", "информационно-коммуникационные технологии"),
]


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        ("в сфере цифровой экономики", "цифровой экономики", "DE1"),  # genitive
        ("переход к цифровой экономике", "цифровой экономике", "DE1"),  # dative
        ("строить цифровую экономику", "цифровую экономику", "DE1"),  # accusative
        ("Цифровая экономика Китая", "Цифровая экономика", "DE1"),  # capitalised at sentence start
        ("управление цифровыми экономиками", "цифровыми экономиками", "DE1"),  # instrumental plural
        ("большие данные", "большие данные", "DE3"),  # trap: большие -> больший
        ("анализ больших данных", "больших данных", "DE3"),  # trap: данных -> дать
        ("о больших данных", "больших данных", "DE3"),
        ("дополненная реальность", "дополненная реальность", "DE4"),  # trap: дополненная -> дополнить
        ("технологии дополненной реальности", "дополненной реальности", "DE4"),
        ("развитие ИИ в Китае", "ИИ", "DE5"),  # acronym kept as written
        ("инициатива «Один пояс – один путь»", "Один пояс – один путь", "DE6"),  # other dash, no comma
        (
            "внедрение информационно-коммуникационных технологий",
            "информационно-коммуникационных технологий",
            "DE7",
        ),
    ],
)
def test_russian_forms_hit_their_concept(text: str, surface: str, concept: str) -> None:
    hits = RussianMatcher(RU_TERMS).find(text)
    assert [(text[h.start : h.end], h.concept) for h in hits] == [(surface, concept)]


def test_longest_match_wins_over_nested_term() -> None:
    text = "Цифровая экономика и реальная экономика"
    hits = RussianMatcher(RU_TERMS).find(text)
    assert [(text[h.start : h.end], h.concept) for h in hits] == [
        ("Цифровая экономика", "DE1"),
        ("экономика", "DE2"),
    ]


def test_words_must_be_whole() -> None:
    # "ии" in lower case is not the acronym; "экономикам" is a form of экономика, "экономист" is not
    hits = RussianMatcher(RU_TERMS).find("ии и экономист")
    assert hits == []


def test_trap_lemmas() -> None:
    assert lemma_key("большие данные") == ("большой", "данные")
    assert lemma_key("дополненная реальность") == ("дополненный", "реальность")


def test_chinese_longest_match_and_latin_boundaries() -> None:
    matcher = ChineseMatcher([("DE1", "数字经济"), ("DE2", "经济"), ("G5", "5G"), ("AI", "AI")])
    text = "数字经济是经济增长的新动力，5G与AI，但MAIL和5GHz不算。"
    hits = [(text[h.start : h.end], h.concept) for h in matcher.find(text)]
    assert hits == [("数字经济", "DE1"), ("经济", "DE2"), ("5G", "G5"), ("AI", "AI")]


def test_chinese_term_across_a_reflowed_line_break() -> None:
    # the reader joins Chinese lines without a space, so a term split by the PDF line break is whole again
    matcher = ChineseMatcher([("DE1", "数字经济")])
    assert len(matcher.find("释放数字经" + "济在落实联合国")) == 1


def test_empty_matchers_find_nothing() -> None:
    assert RussianMatcher([]).find("цифровая экономика") == []
    assert ChineseMatcher([]).find("数字经济") == []
