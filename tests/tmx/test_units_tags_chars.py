"""Units from beads and aligned TSV; language tags; XML character rules."""

from __future__ import annotations

import io

import pytest
from ruzh.align.types import Bead, Sentence
from ruzh.core.errors import ConfigError, InputError
from ruzh.core.langtags import canonical, is_well_formed, output_tag, pair_side
from ruzh.core.xmlchars import find_illegal, find_illegal_refs, is_legal_codepoint, strip_illegal
from ruzh.tmx.units import units_from_beads, units_from_tsv


def sent(doc: str, lang: str, text: str, line: int) -> Sentence:
    return Sentence(doc=doc, lang=lang, role="abstract", block=0, text=text, line=line, column=1)


RU = [
    sent("ru.txt", "ru", t, n)
    for n, t in enumerate(["Цифровая экономика растёт.", "Это важно.", "Вывод."], 3)
]
ZH = [
    sent("zh.txt", "zh", t, n)
    for n, t in enumerate(["数字经济在增长。", "这很重要。", "总结。", "附注。"], 10)
]


def test_units_from_beads_join_each_side_its_own_way() -> None:
    beads = [Bead((0, 1), (0,), 0.8123), Bead((2,), (1, 2), 0.6), Bead((), (3,), 0.5)]
    units, unaligned = units_from_beads(beads, RU, ZH)
    assert [(u.ru, u.zh, u.bead) for u in units] == [
        ("Цифровая экономика растёт. Это важно.", "数字经济在增长。", "2-1"),  # Russian joined with a space
        ("Вывод.", "这很重要。总结。", "1-2"),  # Chinese joined with nothing
    ]
    assert (units[0].doc, units[0].zh_doc, units[0].ru_line, units[0].zh_line) == ("ru.txt", "zh.txt", 3, 10)
    assert units[0].role == "abstract" and units[0].score == 0.8123
    assert unaligned == [ZH[3]]  # the 0-1 bead's sentence is handed back, not dropped


def test_units_from_tsv_both_shapes_and_bom() -> None:
    data = "\ufeff0.93\tДоговор вступает в силу.\t合同生效。\n\nСтороны согласны.\t双方同意。\r\n".encode()
    units = list(units_from_tsv(io.BytesIO(data), "pairs.tsv"))
    assert [(u.score, u.ru, u.zh, u.ru_line) for u in units] == [
        (0.93, "Договор вступает в силу.", "合同生效。", 1),
        (None, "Стороны согласны.", "双方同意。", 3),
    ]


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("только одно поле", "found 1"),  # no tab at all
        ("a\tb\tc\td", "found 4"),  # a tab inside a sentence
        ("высокий\tрусский\t中文", "should be a score"),  # three fields, first not a number
        ("1.7\tрусский\t中文", "outside [0, 1]"),
    ],
)
def test_malformed_tsv_lines_give_file_and_line(line: str, what: str) -> None:
    data = f"0.5\tХорошо.\t好。\n{line}\n".encode()
    with pytest.raises(InputError) as caught:
        list(units_from_tsv(io.BytesIO(data), "bad.tsv"))
    assert (caught.value.file, caught.value.line) == ("bad.tsv", 2)
    assert what in caught.value.what


def test_tsv_not_utf8() -> None:
    with pytest.raises(InputError, match="not UTF-8") as caught:
        list(
            units_from_tsv(
                io.BytesIO("Да.\t是。\n".encode() + "Нет.\t否。\n".encode("cp1251", "replace")), "x"
            )
        )
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("tag", "expected", "side"),
    [
        ("zh_CN", "zh-CN", "zh"),  # Java/Trados locale form
        ("ZH-CN", "zh-CN", "zh"),  # upper case from old exporters
        ("zh-hans", "zh-Hans", "zh"),  # script subtag is title case
        ("zh-Hant-TW", "zh-Hant-TW", "zh"),
        ("cmn_Hans", "cmn-Hans", "zh"),  # Tatoeba's Mandarin label
        ("RU-ru", "ru-RU", "ru"),
        ("rus", "rus", "ru"),
        ("en-US", "en-US", None),
        ("es-419", "es-419", None),  # numeric region
        ("*all*", "*all*", None),
    ],
)
def test_language_tags(tag: str, expected: str, side: str | None) -> None:
    assert canonical(tag) == expected
    assert pair_side(tag) == side


def test_output_tag_option() -> None:
    assert output_tag(None, "zh") == "zh-CN"
    assert output_tag("zh_hans", "zh") == "zh-Hans"
    assert not is_well_formed("zh_CN") and is_well_formed("zh-CN")
    with pytest.raises(ConfigError):
        output_tag("ru", "zh")
    with pytest.raises(ConfigError):
        output_tag("zh CN!", "zh")


def test_xml_characters() -> None:
    assert [c.codepoint for c in find_illegal("a\x00b\tc\x1f\ud800\ufffe\uffff\U0010ffff")] == [
        0x0,
        0x1F,
        0xD800,
        0xFFFE,
        0xFFFF,
    ]
    assert strip_illegal("Текст\x0c с\x08 мусором")[0] == "Текст с мусором"
    assert strip_illegal("чисто") == ("чисто", [])
    refs = find_illegal_refs("ok &#9; &#x1F; &#65; &#0; &#xFFFE; &#x10000;")
    assert [(r.codepoint, r.offset) for r in refs] == [(0x1F, 8), (0, 21), (0xFFFE, 26)]
    assert is_legal_codepoint(0x10FFFF) and not is_legal_codepoint(0xDFFF)
