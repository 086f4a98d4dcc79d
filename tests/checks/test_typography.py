"""Chinese typography rules on real excerpts of the seeds, and the correct usage they must leave alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruzh.checks import typography
from ruzh.checks.text import DocumentText


def src_of(text: str, name: str = "t.txt") -> DocumentText:
    return DocumentText.from_lines(name, text.split("\n"))


def at(src: DocumentText, line: int, column: int, length: int) -> str:
    return src.lines[line - 1][column - 1 : column - 1 + length]


def test_seed_000_halfwidth_marks_point_at_the_marks(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("000"))
    found = list(typography.halfwidth_punctuation(src))
    assert found, "seed 000 mixes , and ，"
    for f in found:
        assert at(src, f.line, f.column, len(f.text)) == f.text
    texts = {(f.line, f.text) for f in found}
    assert (38, ",") in texts  # 加快建设数字政府,强化数字治理
    assert (48, ".") in texts  # 产生了深远影响.智慧一体化
    assert (56, "(ICT)") in texts  # 信息和通信技术(ICT)令
    assert (117, ";") in texts  # 转型;依托
    # every flagged mark follows Chinese text
    assert all("\u4e00" <= src.lines[f.line - 1][f.column - 2] <= "\u9fff" or f.column == 1 for f in found)


def test_seed_001_halfwidth_commas_are_each_reported(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("001"))
    found = [f for f in typography.halfwidth_punctuation(src) if f.text == ","]
    expected = sum(
        1
        for line in src.lines
        for i, ch in enumerate(line)
        if ch == "," and i > 0 and ("\u4e00" <= line[i - 1] <= "\u9fff" or line[i - 1] == "”")
    )  # after a Han character or a closing Chinese quote (实现“软联通”,加快)
    assert len(found) == expected > 50


def test_fullwidth_documents_and_russian_text_are_clean(seed_path: Callable[[str], Path]) -> None:
    for seed in ("002", "004"):
        assert list(typography.halfwidth_punctuation(DocumentText.read(seed_path(seed)))) == []


def test_halfwidth_parentheses_as_a_document_convention_are_not_slips(
    seed_path: Callable[[str], Path],
) -> None:
    # seed 003 numbers its headings (一) (二) … throughout: a convention, not a slip
    src = DocumentText.read(seed_path("003"))
    assert [f for f in typography.halfwidth_punctuation(src) if "(" in f.text] == []


def test_correct_chinese_pairs_are_not_findings() -> None:
    text = "根据《数字中国建设整体布局规划》（2023），“智慧城市”建设取得进展。报告（GCI）显示，增长20%。"
    src = src_of(text)
    assert list(typography.halfwidth_punctuation(src)) == []
    assert list(typography.unbalanced_pairs(src)) == []


def test_unbalanced_bracket_in_seed_003_heading(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("003"))
    found = list(typography.unbalanced_pairs(src))
    assert [(f.line, f.column, f.text) for f in found] == [(69, 2, ")")]  # "三) 多边合作不够深入"


def test_unbalanced_closing_parenthesis_in_seed_000(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("000"))
    found = list(typography.unbalanced_pairs(src))
    assert [(f.line, f.text) for f in found] == [(172, ")")]  # 如惠普、思科、苹果、雅虎和谷 / 歌)。


def test_russian_quotes_lists_and_balanced_text_pass(seed_path: Callable[[str], Path]) -> None:
    assert list(typography.unbalanced_pairs(DocumentText.read(seed_path("004")))) == []
    src = src_of("Цели: 1) рост; 2) «открытость» и „внутренние“ кавычки; а) пункт.")
    assert list(typography.unbalanced_pairs(src)) == []


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("концепция «Один пояс – один путь из", 1, 11),  # guillemet never closed
        ("中国提出“数字丝绸之路倡议。", 1, 5),  # Chinese quote never closed
        ("报告（2020显示\n，中国数字产业", 1, 3),  # opened on one line, never closed
    ],
)
def test_unclosed_pairs_are_found_where_they_open(text: str, line: int, column: int) -> None:
    found = list(typography.unbalanced_pairs(src_of(text)))
    assert [(f.line, f.column) for f in found] == [(line, column)]


def test_stray_spaces_in_seed_000_prose(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("000"))
    found = list(typography.stray_spaces(src))
    assert [(f.line, f.text) for f in found] == [(111, "推 动"), (117, "的 创")]
    for f in found:
        assert at(src, f.line, f.column, len(f.text)) == f.text


def test_spaces_between_names_in_a_byline_are_kept(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("001"))  # 文/左鹏飞 陈静 编辑/张美思
    assert list(typography.stray_spaces(src)) == []


def test_han_one_for_a_dash_in_seed_003(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("003"))
    found = list(typography.HAN_FOR_DASH.findings([src]))
    expected = sum(line.count("中国一中东欧") for line in src.lines)
    assert len(found) == expected > 10
    for f in found:
        assert at(src, f.line, f.column - 2, 6) == "中国一中东欧"
    # 一方面, 一带一路, 统一 stay untouched
    assert all(src.lines[f.line - 1][f.column : f.column + 2] == "中东" for f in found)


def test_han_one_between_russian_words() -> None:
    src = src_of("инициатива «Один пояс 一 один путь»")
    found = list(typography.HAN_FOR_DASH.findings([src]))
    assert [(f.line, f.column) for f in found] == [(1, 23)]


def test_no_dash_slips_in_seeds_000_to_002(seed_path: Callable[[str], Path]) -> None:
    for seed in ("000", "001", "002"):
        src = DocumentText.read(seed_path(seed))
        assert list(typography.HAN_FOR_DASH.findings([src])) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FLORES-200 devtest zho_Hans line 159: the pair typed the wrong way round, one finding
        ("所有的洞穴入口（这些洞被称为”七姊妹“）直径至少为 100 至 250 米。", [(1, 15, "”七姊妹“")]),
        # line 812: two closing quotes around 丛林漫步, the rest correct: two findings, no "reversed"
        ("徒步旅行（ 也叫”丛林漫步”、“远足旅行”或“远足”）主要是徒步行走。", [(1, 9, "”"), (1, 14, "”")]),
    ],
)
def test_reversed_and_stray_closing_quotes(text: str, expected: list[tuple[int, int, str]]) -> None:
    found = list(typography.unbalanced_pairs(src_of(text)))
    assert [(f.line, f.column, f.text) for f in found] == expected
