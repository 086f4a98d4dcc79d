"""The aligner's number anchors read numbers with the checks' parser (:mod:`lang.ru`, :mod:`lang.zh`).

A table pins the anchor keys of the notations the two former parsers read differently (ranges with one
scale word, 世纪/年代 decades, 万/亿, decimal comma, digit grouping) and checks that where the anchors
of two sides meet, the number check finds nothing lost, and the other way round.
"""

from __future__ import annotations

import pytest
from ruzh.align.aligner.anchors import ru_anchors, zh_anchors
from ruzh.checks.numbers import unmatched


def numbers(anchors: dict[str, float]) -> list[str]:
    return sorted(k for k in anchors if k.startswith("N:"))


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("4,2–3,9 млн", ["N:3.9e+06", "N:4.2e+06"]),  # the range's scale for both ends (was 4.2)
        ("1,5 млн человек", ["N:1.5e+06"]),  # decimal comma and a scale word
        ("1,5 миллиарда", ["N:1.5e+09"]),
        ("1 234,5 тонны", ["N:1234.5"]),  # space-grouped thousands
        ("10\u00a0000 человек", ["N:10000"]),  # no-break space as the group separator
        ("рост на 12 %", ["N:12%"]),
        ("в 23:35", ["N:23", "N:35"]),  # a clock time, not 23 and 0.35
        ("в 12:00", ["N:12"]),  # a full hour (was 12 and 0)
    ],
)
def test_russian_number_anchors(text: str, keys: list[str]) -> None:
    assert numbers(ru_anchors(text)) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("20世纪60年代", ["N:1960"]),  # a decade (was 20 and 60)
        ("420万至390万", ["N:3.9e+06", "N:4.2e+06"]),
        ("150万人", ["N:1.5e+06"]),
        ("15亿美元", ["N:1.5e+09"]),
        ("3万亿", ["N:3e+12"]),
        ("1,234.5吨", ["N:1234.5"]),  # comma-grouped thousands
        ("增长12％", ["N:12%"]),  # full-width percent
        ("有 400 多万人", ["N:4e+06"]),  # 多 between the number and its scale (was 400)
        ("西米诺夫说，2013 年他", ["N:2013"]),  # after a full-width comma (NFKC makes it ",")
        ("H5N1 型禽流感", []),  # digits inside a Latin token are not numbers
    ],
)
def test_chinese_number_anchors(text: str, keys: list[str]) -> None:
    assert numbers(zh_anchors(text)) == keys


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("4,2–3,9 млн", "420万至390万"),
        ("В 1960 году", "1960年"),
        ("1,5 млрд долл.", "15亿美元"),
        ("1 234,5 тонны", "1,234.5吨"),
        ("рост на 80 %", "增长80％"),
        ("Продажи выросли в 2013 году.", "西米诺夫说，2013 年销售额大增。"),
    ],
)
def test_anchors_meet_where_the_checks_find_nothing_lost(ru: str, zh: str) -> None:
    assert numbers(ru_anchors(ru)) == numbers(zh_anchors(zh))
    assert unmatched(ru, zh) == ([], [])


def test_a_lost_number_is_seen_by_both() -> None:
    ru, zh = "Было 4,2 млн жителей.", "有390万居民。"
    assert not set(numbers(ru_anchors(ru))) & set(numbers(zh_anchors(zh)))
    assert unmatched(ru, zh) != ([], [])
