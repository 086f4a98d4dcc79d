"""Names by transliteration: pinyin → Palladius, Russian name spotting, pairing."""

from __future__ import annotations

import pytest
from ruzh.glossary.build import Glossary
from ruzh.glossary.names import NameTally, match_names, russian_names
from ruzh.lang.translit import palladius, syllable


@pytest.mark.parametrize(
    ("chinese", "russian"),
    [
        ("习近平", "сицзиньпин"),  # Си Цзиньпин: x → с, j → цз, -in → -инь
        ("贵州", "гуйчжоу"),  # zh → чж, -ui → -уй
        ("宁波", "нинбо"),  # -ing → -ин
        ("杭州", "ханчжоу"),
        ("新疆", "синьцзян"),  # -iang → -ян
        ("深圳", "шэньчжэнь"),  # sh → ш, -en → -энь
    ],
)
def test_palladius(chinese: str, russian: str) -> None:
    assert palladius(chinese) == russian


@pytest.mark.parametrize(
    ("pinyin", "cyrillic"),
    [
        ("zi", "цзы"),
        ("si", "сы"),
        ("ju", "цзюй"),
        ("xue", "сюэ"),
        ("wei", "вэй"),
        ("yu", "юй"),
        ("lv", "люй"),
    ],
)
def test_syllables(pinyin: str, cyrillic: str) -> None:
    assert syllable(pinyin) == cyrillic


def test_not_pinyin_is_none() -> None:
    assert syllable("xyz") is None


def test_russian_names_in_a_sentence() -> None:
    names = russian_names(
        "Председатель КНР Си Цзиньпин посетил Ханчжоу, а Китай и Беларусь подписали договор."
    )
    assert {"Си Цзиньпин", "Ханчжоу", "Китай", "Беларусь"} <= set(names)
    assert "Председатель" not in names  # first word and a common noun


def test_match_names_exact_and_declined() -> None:
    ru = {"Ханчжоу": NameTally(), "Си Цзиньпина": NameTally(), "Венгрия": NameTally()}
    zh = {"杭州": NameTally(), "习近平": NameTally(), "匈牙利": NameTally()}
    pairs = {(r, z) for r, z, _, _ in match_names(ru, zh)}
    assert pairs == {("Ханчжоу", "杭州"), ("Си Цзиньпина", "习近平")}  # 匈牙利 is not Palladius: Венгрия


def test_seed_name_pair(small_glossary: Glossary) -> None:
    """Ханчжоу, seen twice, is a candidate the lexicon pairs: one row, not a second from the names."""
    rows = [e for e in small_glossary.entries if e.zh == "杭州" or e.ru == "Ханчжоу"]
    assert [(e.ru, e.zh) for e in rows] == [("Ханчжоу", "杭州")]
    assert rows[0].method in ("lexicon", "transliteration") and rows[0].ru_freq > 0 and rows[0].zh_freq > 0


def test_no_russian_term_has_two_rows(small_glossary: Glossary, seed_glossary: Glossary) -> None:
    for glossary in (small_glossary, seed_glossary):
        terms = [e.ru for e in glossary.entries if e.ru]
        assert len(terms) == len(set(terms))
