"""A Chinese word written twice in a sentence pair has one partner there, and a word left unexplained
goes to an unpaired term only when no other term explains it as well (FLORES-200 devtest and
Tatoeba, the terms taken out of the lexicon)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.cooccurrence import count_units
from ruzh.glossary.linking import _compete, link_units
from ruzh.glossary.units import SentenceUnits, sentence_units

# Chinese repeats the noun that Russian says once: «Предупреждений о цунами не было и … не будет»
# ~ 目前还没有发布海啸预警。… 因此不会发布海啸预警。
REPEATED = "Предупреждений о цунами не было"
TSUNAMI = (("цунами",), "海啸")
WARNING = (("предупреждение",), "海啸")
# Term: the Chinese word it shares its two sentence pairs with, which another term explains as well
# (微表情 is микровыражение, which jieba splits; 三聚氰胺 is меламин, named beside кислота).
RIVALLED = {"интерпретация": "表情", "кислота": "三聚氰胺"}


@pytest.fixture(scope="module")
def pairs(shared_data: Path) -> list[tuple[str, str]]:
    from ruzh.align.aligner.perturb import read_flores, read_tatoeba

    ru_f, zh_f, _ = read_flores(shared_data)
    ru_t, zh_t = read_tatoeba(shared_data)
    return list(zip(ru_f + ru_t, zh_f + zh_t, strict=True))


@pytest.fixture(scope="module")
def repeated(pairs: list[tuple[str, str]]) -> SentenceUnits:
    ru, zh = next((ru, zh) for ru, zh in pairs if ru.startswith(REPEATED))
    assert zh.count("海啸") == 2 and ru.count("цунами") == 1
    return sentence_units(ru, zh)


def test_a_word_written_twice_is_linked_once(repeated: SentenceUnits) -> None:
    rank = {TSUNAMI: 0.8, WARNING: 0.4}
    links = _compete(count_units([repeated]), rank).links
    assert links[TSUNAMI] == 1 and links[WARNING] == 0


def test_unless_the_lexicon_gives_the_other_pair(repeated: SentenceUnits) -> None:
    rank = {TSUNAMI: 0.8, WARNING: 0.4}
    links = _compete(count_units([repeated]), rank, prior={"предупреждение": ["海啸"]}).links
    assert links[TSUNAMI] == 1 and links[WARNING] == 1


@pytest.fixture(scope="module")
def links(pairs: list[tuple[str, str]]) -> dict:
    sentences = [sentence_units(ru, zh) for ru, zh in pairs]
    left_out = {"предупреждение", "цунами", *RIVALLED}
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in left_out}
    found, _ = link_units(sentences, prior)
    return found


def test_the_repeated_word_is_not_the_other_terms_partner(links: dict) -> None:
    assert links[("цунами",)][0].zh == "海啸"
    assert all(link.zh != "海啸" for link in links.get(("предупреждение",), []))


@pytest.mark.parametrize("term", sorted(RIVALLED))
def test_a_word_another_term_explains_as_well_is_no_partner(links: dict, term: str) -> None:
    assert all(link.zh != RIVALLED[term] for link in links.get((term,), []))
