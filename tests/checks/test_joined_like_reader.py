"""The checks' running text joins lines as the reader does (the document model's answer wins).

Before, the checks dropped a line-end hyphen before any lower-case letter (во- / вторых became
вовторых); the reader asks whether the hyphen belongs to the word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.reader import read_document
from ruzh.checks.source import SourceFile, joined

CASES = [
    (
        ["Результаты научно-иссле-", "довательской работы показали, во-", "вторых, рост экономики."],
        ["научно-исследовательской", "во-вторых"],
    ),
    (["В докладе рассматривается инфраструкту-", "ра цифровой экономики."], ["инфраструктура"]),
    (["他在会上说：“", "数字经济是发展的新引擎。”"], ["说：“数字经济"]),
]


@pytest.mark.parametrize(("lines", "words"), CASES)
def test_checks_join_like_the_reader(tmp_path: Path, lines: list[str], words: list[str]) -> None:
    text = joined(SourceFile("d.txt", tuple(lines))).text
    path = tmp_path / "d.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = " ".join(s.text for s in read_document(path).sentences())
    for word in words:
        assert word in text
        assert word in read


def test_positions_still_point_into_the_file() -> None:
    run = joined(SourceFile("d.txt", ("Результаты научно-иссле-", "довательской работы")))
    offset = run.text.index("довательской")
    assert run.position(offset) == (2, 1)
