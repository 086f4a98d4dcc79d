"""One list of paper labels for reflow (where a paragraph starts) and roles (what the paragraph is).

Before, each kept its own lists: reflow did not know ``Summary:`` or ``[摘要]`` as paragraph openers
and roles did not know ``注：`` as a note; both now read them from ``ruzh.lang.labels``.
"""

from __future__ import annotations

import pytest
from ruzh.align.reader import document_from_text

# A body line that runs full width, so that only the label can end its paragraph.
_BODY = "Экономика развивается быстро, и её цифровая часть растёт каждый год вместе с торговлей и"


@pytest.mark.parametrize(
    ("label_line", "role"),
    [
        ("Summary: the paper considers digital trade.", "abstract"),
        ("Аннотация. В статье рассмотрена цифровая торговля.", "abstract"),
        ("Ключевые слова: цифровая экономика, торговля.", "keywords"),
        ("[摘要] 本文论述数字经济。", "abstract"),
        ("关 键 词：数字经济；一带一路", "keywords"),
        ("Таблица 2. Объём торговли", "caption"),
        ("Источник: данные Росстата.", "caption"),
        ("注：数据来自国家统计局。", "caption"),
    ],
)
def test_a_label_opens_a_paragraph_and_gives_its_role(label_line: str, role: str) -> None:
    text = "\n".join([_BODY] * 9 + [label_line]) + "\n"
    blocks = document_from_text(text, "t").blocks
    assert blocks[-1].role == role, [(b.role, b.text[:30]) for b in blocks]
    assert blocks[0].role != role


def test_a_wrapped_chinese_line_starting_with_a_table_name_stays_in_its_sentence() -> None:
    lines = ["数字经济是全球经济增长的重要引擎，各国都在加快数字基础设施建设和数据要素市场的培育，"] * 8
    text = "\n".join([*lines, "表1显示了两国数字贸易的规模。"]) + "\n"
    (block,) = document_from_text(text, "t").blocks
    assert block.text.endswith("表1显示了两国数字贸易的规模。")
