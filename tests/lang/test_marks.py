"""One table of quote and bracket pairs for the document check and the unit check.

The document check had no 「」 『』; the unit check had no [] ［］ 〈〉: each now knows the other's.
"""

from __future__ import annotations

import pytest
from ruzh.checks import typography
from ruzh.checks.text import DocumentText
from ruzh.checks.units import UnitChecker
from ruzh.tmx.types import TranslationUnit


def _document_findings(text: str) -> list[str]:
    return [f.message for f in typography.unbalanced_pairs(DocumentText.from_lines("d.txt", (text,)))]


@pytest.mark.parametrize("text", ["他说「数字经济是未来。", "书名『数字中国』与『智慧城市。"])
def test_document_check_sees_corner_quotes(text: str) -> None:
    assert any("never closed" in m for m in _document_findings(text))


@pytest.mark.parametrize("text", ["他说「数字经济是未来」。", "«Цифровая „экономика“ растёт»."])
def test_balanced_pairs_are_clean(text: str) -> None:
    assert _document_findings(text) == []


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("Рост [см. табл. 1.", "增长（见表1）。"),  # square bracket never closed
        ("Рост экономики.", "见〈数字经济发展。"),  # angle title mark never closed
    ],
)
def test_unit_check_sees_square_and_angle_brackets(ru: str, zh: str) -> None:
    found = UnitChecker("t.tsv").check(1, TranslationUnit(ru=ru, zh=zh))
    assert "unbalanced-pair" in [f.rule for f in found]
