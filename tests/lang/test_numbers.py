"""Number notation: the number checks' parser, a table of pinned values.

The rows marked «was» are the cases where the two former copies disagreed; the parser's answer is the
value a reader means.
"""

from __future__ import annotations

import pytest
from ruzh.checks.numbers import unmatched
from ruzh.lang import ru, zh
from ruzh.lang.numbers import same


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("4,2–3,9 млн", [4.2e6, 3.9e6]),  # was: anchors 4.2 and 3.9e6; checks 4.2 (also 4.2e6) and 3.9e6
        ("2–3 тыс.", [2e3, 3e3]),  # the scale written once, after the second end
        ("1,5 миллиарда", [1.5e9]),  # was: checks read миллиард by its first 3 letters, as миллион (1.5e6)
        ("3 миллионов", [3e6]),
        ("1 234,5", [1234.5]),  # space-grouped thousands, decimal comma
        ("10\u00a0000 человек", [10_000]),  # no-break space as the group separator
        ("2,5 трлн и 3.5", [2.5e12, 3.5]),
        ("в 23:35", [23, 35]),  # a clock time: hour and minute
    ],
)
def test_russian_values(text: str, values: list[float]) -> None:
    assert [q.value for q in ru.quantities(text)] == pytest.approx(values)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("20世纪60年代", [1960]),  # was: anchors 20 and 60; checks 1960
        ("20 世纪 60 年代", [1960]),
        ("420 万至 390 万", [4.2e6, 3.9e6]),
        ("4.2～3.9万", [4.2e4, 3.9e4]),  # was: checks 4.2 (also 4.2e4): the range's scale
        ("15亿", [1.5e9]),
        ("1,000 与 3.5万亿", [1000, 3.5e12]),
        ("２０２１年", [2021]),  # full-width digits
        ("400 多万人", [4e6]),  # 多 between the number and its scale
        ("他说,2013 年", [2013]),  # after a clause comma (NFKC folds ， into ,)
    ],
)
def test_chinese_values(text: str, values: list[float]) -> None:
    assert [q.value for q in zh.quantities(text)] == pytest.approx(values)


@pytest.mark.parametrize(
    ("run", "value"), [("三千五百", 3500), ("一万二千", 12000), ("十五", 15), ("二三", None)]
)
def test_chinese_numerals(run: str, value: float | None) -> None:
    assert zh.numeral_value(run) == value


def test_ranges_keep_the_bare_first_value() -> None:
    first = ru.quantities("4,2–3,9 млн")[0]
    assert (first.value, first.also, first.scale) == (pytest.approx(4.2e6), (4.2,), 1e6)


@pytest.mark.parametrize(
    ("ru_text", "zh_text"),
    [
        ("4,2–3,9 млн", "420万至390万"),
        ("В 1960-х годах", "20世纪60年代"),
        ("1,5 млрд долл.", "15亿美元"),
        ("1,5 миллиарда долларов", "15亿美元"),  # was: a number finding (1.5e6 against 1.5e9)
        ("рост на 80 %", "增长80％"),
    ],
)
def test_checks_find_nothing_lost(ru_text: str, zh_text: str) -> None:
    assert unmatched(ru_text, zh_text) == ([], [])


def test_same_tolerates_float_noise_only() -> None:
    assert same(4.2 * 1e6, 4_200_000) and not same(4.2e6, 4.3e6)
