"""Paragraph rebuilding on the seeds' real layouts: page breaks, blank lines, hyphens, Chinese joins."""

from __future__ import annotations

import re

import pytest
from ruzh.align.hyphenation import should_keep_hyphen
from ruzh.align.reader import read_document
from ruzh.align.reflow import detect_layout


def _sentences_text(document) -> str:
    return "\n".join(s.text for s in document.sentences())


@pytest.fixture(scope="module")
def seed_texts(seed_path) -> dict[str, str]:
    return {p: _sentences_text(read_document(seed_path(p))) for p in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # Russian hyphenation across lines (and across blank lines in 000)
        ("000", "взаимосвязанность инфраструктуры, бесперебойную торговлю"),
        ("000", "свободное передвижение капитала и способствовать взаимному"),
        ("004", "научно-исследовательские и опытно-конструкторские"),  # compound keeps its hyphen
        ("004", "информационно-коммуникационные технологии"),  # ин-|формационно-коммуникационные
        ("004", "цифровизации последней"),  # a word the dictionary lacks still joins
        ("004", "Интернет вещей, блокчейн"),  # блок-|чейн: the document writes блокчейн elsewhere
        ("004", "цифровые масс-медиа"),  # compound whose halves are words
        # a sentence across a blank line (004: blank lines separate paragraphs there)
        ("004", "была структурирована вокруг инфраструктуры"),
        # a sentence across a page break (a page starts with a line that begins with one space)
        ("000", "特别是对绿色发展的贡献尤为明显。"),
        ("004", "вызвала цифровую трансформацию традиционной"),
        # Chinese lines joined without a space, across blank lines too
        ("000", "以明斯克为例"),
        ("001", "扩大和提升了各国在经贸、科技、人文等领域的合作水平"),
        ("003", "越来越多包含了科技创新成分。"),
        # stray spaces between Han characters removed
        ("000", "推动工业数字化"),
        ("000", "加快推进新场景的创新与改造"),
        # unusual spaces become ordinary ones (U+202F in 004 line 8)
        ("004", "сети в качестве способа"),
    ],
)
def test_clean_text_from_real_layouts(seed_texts: dict[str, str], prefix: str, expected: str) -> None:
    assert expected in seed_texts[prefix]


@pytest.mark.parametrize(
    ("prefix", "kept"),
    [
        ("000", "加快建设数字政府,强化数字治理"),  # half-width comma kept for the checks
        ("000", "产生了深远影响."),  # half-width full stop kept
        ("004", "технологии и капитал ‒ в индустриальную"),  # figure dash kept
        ("000", "上海在全球城市中位居第 12 位"),  # space between Han and digit is not stray
    ],
)
def test_nothing_else_is_changed(seed_texts: dict[str, str], prefix: str, kept: str) -> None:
    assert kept in seed_texts[prefix]


@pytest.mark.parametrize(
    ("prefix", "meaningful"),
    [("000", False), ("001", True), ("002", False), ("003", True), ("004", True)],
)
def test_layouts_are_told_apart(seed_path, prefix: str, meaningful: bool) -> None:
    lines = seed_path(prefix).read_text(encoding="utf-8").split("\n")
    assert detect_layout(lines).blank_lines_meaningful is meaningful


def test_numbered_items_of_002_are_paragraphs(seed_path) -> None:
    document = read_document(seed_path("002"))
    starts = [m.group(1) for b in document.blocks if (m := re.match(r"(\d+)\.", b.text))]
    assert starts == [str(n) for n in range(1, 21)]


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("инфраструкту", "ры", False),
        ("спо", "собствовать", False),
        ("научно-иссле", "довательские", False),  # the hyphen at the break is hyphenation
        ("научно", "исследовательские", True),  # both halves are words: a compound
        ("во", "вторых", True),
        ("ИТ", "индустрия", True),
        ("Северо", "Запад", True),  # a capital starts a new word
        ("компью", "теров", False),
    ],
)
def test_hyphen_decisions_use_the_lexicon(left: str, right: str, keep: bool) -> None:
    assert should_keep_hyphen(left, right) is keep


def _paragraph_texts(raw: str) -> list[str]:
    from ruzh.align.reader import document_from_text

    return [b.text for b in document_from_text(raw, "doc").blocks]


RU_LINE = "Правительство объявило о новой программе поддержки малого бизнеса"


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        # reported speech after a comma: the dash continues the sentence
        (
            f"{RU_LINE} в регионах,\n— сказал министр собравшимся журналистам.",
            [f"{RU_LINE} в регионах, — сказал министр собравшимся журналистам."],
        ),
        # an appositive after a line without a sentence end
        (
            f"{RU_LINE} и Тира\n- ныне известного как Сур.",
            [f"{RU_LINE} и Тира - ныне известного как Сур."],
        ),
        # a real list: introduced by a colon, one short item per line
        (
            "Программа включает три направления:\n— инфраструктуру,\n— торговлю,\n— финансы.",
            ["Программа включает три направления:", "— инфраструктуру,", "— торговлю,", "— финансы."],
        ),
    ],
)
def test_a_dash_at_a_line_start(raw: str, paragraphs: list[str]) -> None:
    assert _paragraph_texts(raw) == paragraphs


def test_chinese_lines_are_full_by_the_chinese_width() -> None:
    """A Chinese text block narrower than the Russian one: its lines are still full."""
    ru = [RU_LINE + " в регионах страны"] * 10
    zh = [
        "空难在伊朗是司空见惯的事，这个国家的民用和",
        "军用飞机都已经老化，缺少维护。在国际制裁下",
        "伊朗无法购买新的飞机。本周早些时候，一架警",
        "用直升机坠毁，事件造成三人死亡。",
    ]
    texts = _paragraph_texts("\n".join([*ru[:1], "Аннотация.", *zh, *ru[1:]]))
    assert "".join(zh) in texts
