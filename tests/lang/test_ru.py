"""ё→е folding: one function for the lemmatiser, the lexicon, fuzzy lookup, transliteration and checks."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from ruzh.align.morphology import lemma
from ruzh.lang.ru import fold_yo
from ruzh.tmx.lookup import TmIndex

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "folded"),
    [("ёлка", "елка"), ("Ёлка", "Елка"), ("ЁЖ", "ЕЖ"), ("объём", "объем"), ("без ё", "без е")],
)
def test_fold_yo(text: str, folded: str) -> None:
    assert fold_yo(text) == folded


def test_lemmas_fold_yo() -> None:
    assert lemma("объёмы") == lemma("объемы") == "объем"


def test_lookup_finds_a_unit_written_with_e() -> None:
    from ruzh.tmx.types import TranslationUnit

    index = TmIndex([TranslationUnit(ru="Объём рынка растёт", zh="市场规模在增长")])
    (match,) = index.lookup("Объем рынка растет", top=1)
    assert match.score == 100


def test_no_other_yo_folding_in_the_libraries() -> None:
    """Nobody replaces ё by hand: the rule lives in lang.ru.fold_yo."""
    offending = []
    for package in ("core", "align", "tmx", "glossary", "checks"):
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "replace"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value in ("ё", "Ё")
                ):
                    offending.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offending == []
