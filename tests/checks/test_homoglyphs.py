"""Latin/Cyrillic look-alikes inside a word, and the legitimate mixed compounds of Russian."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruzh.checks.homoglyphs import fix_word, mixed_script, mixed_words
from ruzh.checks.text import DocumentText


def test_seed_004_iot_with_cyrillic_o_and_b2c_with_cyrillic_c(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.read(seed_path("004"))
    found = list(mixed_script(src))
    assert [(f.line, f.text) for f in found] == [(49, "IоT"), (190, "B2С"), (376, "IоT"), (431, "IоT")]
    for f in found:
        assert src.lines[f.line - 1][f.column - 1 : f.column - 1 + len(f.text)] == f.text
        assert f.severity == "error"
    assert found[0].related == ("IoT",)
    assert found[1].related == ("B2C",)


def test_chinese_seeds_have_no_mixed_words(seed_path: Callable[[str], Path]) -> None:
    for seed in ("000", "001", "002", "003"):
        assert list(mixed_script(DocumentText.read(seed_path(seed)))) == []


@pytest.mark.parametrize(
    "text",
    [
        "3D-печать и 5G-сети",  # digit+Latin abbreviation joined by a hyphen to a Russian word
        "IT-компания и SMART-город",  # Latin abbreviation + hyphen + Russian
        "модели C2B, C2M и B2C",  # all-Latin codes
        "индустрия 4.0 и Web 3.0",
        "ИКТ, НИОКР, ВВП",  # Cyrillic acronyms
    ],
)
def test_legitimate_tokens_are_not_slips(text: str) -> None:
    assert list(mixed_words(text)) == []


@pytest.mark.parametrize(
    ("word", "fixed"),
    [
        ("IоT", "IoT"),  # Cyrillic о in a Latin word
        ("B2С", "B2C"),  # Cyrillic С after a digit
        ("цифрoвая", "цифровая"),  # Latin o in a Russian word
        ("Рython", "Python"),  # Cyrillic Р
        ("эkономика", "экономика"),  # Latin k for Cyrillic к
    ],
)
def test_fix_word_retypes_in_the_majority_script(word: str, fixed: str) -> None:
    assert fix_word(word) == fixed


def test_a_letter_without_a_twin_gives_no_automatic_fix() -> None:
    src = DocumentText.from_lines("t.txt", ("слово sлово",))
    (f,) = mixed_script(src)
    assert f.column == 7 and f.text == "sлово" and f.related == ()
