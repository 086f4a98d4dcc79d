"""Quantities across a ru-zh pair: scale words, decimal separators, percent, ranges, years, times."""

from __future__ import annotations

import pytest
from ruzh.checks.numbers import unmatched
from ruzh.lang.ru import quantities as ru_quantities
from ruzh.lang.zh import numeral_value as zh_numeral_value
from ruzh.lang.zh import quantities as zh_quantities


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("Объём составил 1,5 млрд долл.", "规模达15亿美元。"),  # млрд vs 亿, decimal comma
        ("156 тыс. кв. м", "15.6万平方米"),  # тыс. vs 万
        ("10 000 человек", "1万人"),  # grouped thousands vs 万
        ("рост на 80 % за 2018–2020 гг.", "增长80％，2018～2020年"),  # percent, ranges, years
        ("5,1–4,7 миллионов лет назад", "510 万至 470 万年前"),  # scale written once for the range
        ("XXI век, три года", "21世纪，三年"),  # Roman numeral, spelled numbers
        ("Более шести миллионов жителей", "有 600 多万居民"),  # spelled with scale, 多万
        ("В 1960-х гг.", "20 世纪 60 年代"),  # decades
        ("в 23:35", "晚上 11 点 35 分"),  # 24-hour and 12-hour clock
        ("вечером 23 марта", "3 月 23 日晚上"),  # month names
        ("2,4 ГГц", "2.4Ghz"),  # number glued to a unit
        ("(Петров и Чжан, 2007 г., с. 213)", "(Petrov 和 Zhang，2007，p213)"),  # page glued to p
    ],
)
def test_equal_quantities_match(ru: str, zh: str) -> None:
    assert unmatched(ru, zh) == ([], [])


@pytest.mark.parametrize(
    ("ru", "zh", "lost_ru", "lost_zh"),
    [
        ("8,8 млрд евро", "8.8亿欧元", ["8,8 млрд"], ["8.8亿"]),  # 8.8e9 vs 8.8e8: a scale slip
        ("рост на 80 %", "增长8％", ["80"], ["8"]),  # a dropped digit
        ("от 40-ка до 50-ти лет", "年仅 40 多岁", ["50"], []),  # half of a range lost
        ("1,5 млн", "15万", ["1,5 млн"], ["15万"]),  # 1.5e6 vs 1.5e5
    ],
)
def test_different_quantities_are_reported(ru: str, zh: str, lost_ru: list[str], lost_zh: list[str]) -> None:
    got_ru, got_zh = unmatched(ru, zh)
    assert [q.text for q in got_ru] == lost_ru
    assert [q.text for q in got_zh] == lost_zh


def test_codes_are_not_quantities() -> None:
    assert unmatched("штамм H5N1 и винтовка М16", "H5N1 病毒和 M16 步枪") == ([], [])


def test_values() -> None:
    assert [q.value for q in ru_quantities("1 500 000 и 2,5 трлн и 3.5")] == [1_500_000, 2.5e12, 3.5]
    assert [q.value for q in zh_quantities("1,000 与 3.5万亿 与 ２０２１年")] == [1000, 3.5e12, 2021]
    assert zh_numeral_value("三千五百") == 3500
    assert zh_numeral_value("一万二千") == 12000
    assert zh_numeral_value("十五") == 15
