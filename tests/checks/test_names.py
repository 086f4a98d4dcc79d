"""A name spelled two ways: real slips in seed 004 and FLORES, and names that only look alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruzh.checks.names import TWO_SPELLINGS, edit_positions
from ruzh.checks.text import DocumentText


def run(sources: list[DocumentText]) -> list:
    return list(TWO_SPELLINGS.findings(sources))


def test_haier_and_hair_in_seed_004(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("004"))
    found = run([src])
    assert [(f.line, f.text) for f in found] == [(801, "Hair")]  # (опыт компании Hair)
    f = found[0]
    assert src.lines[f.line - 1][f.column - 1 :].startswith("Hair")
    assert "'Haier'" in f.message and all(r.startswith("Haier ") for r in f.related)


def test_other_seeds_have_no_two_spellings(seed_path: Callable[[str], Path]) -> None:
    assert run([DocumentText.read(seed_path(n)) for n in ("000", "001", "002", "003")]) == []


def test_misspelt_russian_name_in_flores(shared_data: Path) -> None:
    src = DocumentText.read(shared_data / "flores200_devtest" / "rus_Cyrl.devtest")
    found = run([src])
    assert [(f.line, f.text) for f in found] == [(755, "Фолкендских")]  # for Фолклендских


@pytest.mark.parametrize(
    "text",
    [
        "Встреча в Минске. Делегация Минска и гости из Минска.",  # case forms of one name
        "на Уолл-стрит и в торговом центре Молл, в Молл снова",  # different first letter
        "порт Норт и снова Норт, а потом Порт",  # Port and North
        "компания Huawei, снова Huawei и Huawei",  # one spelling
    ],
)
def test_names_that_only_look_alike(text: str) -> None:
    assert run([DocumentText.from_lines("t.txt", (text,))]) == []


def test_edit_positions() -> None:
    assert edit_positions("haier", "hair") == [3]
    assert edit_positions("mall", "wall") == [0]
    assert edit_positions("abc", "abc") == []
    assert edit_positions("abcd", "ab") == []
