"""jieba files many compound nouns as set expressions (习用语 "l", 成语 "i"): the glossary reads one
that ends in a common noun as a noun, so it can be a term's partner and a candidate, on FLORES."""

from __future__ import annotations

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.candidates_zh import dictionary_flag, reading_flag
from ruzh.glossary.linking import link_terms
from ruzh.glossary.units import zh_units

# Phrase, the word of it taken out of the lexicon, and the set expression that translates it.
PHRASES = {
    ("развивающийся", "страна"): ("страна", "发展中国家"),
    ("транспортный", "система"): ("система", "交通系统"),
    ("метод", "производство"): ("производство", "生产方式"),
}


def test_set_expressions_ending_in_a_noun_are_nominal_units(
    flores_sides: tuple[list[str], list[str]],
) -> None:
    _, zh = flores_sides
    seen = set()
    for text in zh:
        units, nominal, _ = zh_units(text)
        for word in ("发展中国家", "交通系统", "生产方式", "光污染"):
            if word in text and word in {u for u, _, _ in units}:
                assert word in nominal, text
                seen.add(word)
    assert seen == {"发展中国家", "交通系统", "生产方式", "光污染"}
    assert {dictionary_flag(w) for w in seen} <= {"l", "i"}  # jieba's own flags are left as they are


@pytest.mark.parametrize(
    ("word", "flag"),
    [("一般来说", "l"), ("毫无疑问", "l"), ("附庸风雅", "i"), ("应运而生", "i"), ("发展中国家", "n")],
)
def test_an_expression_keeps_its_flag_unless_a_common_noun_ends_it(word: str, flag: str) -> None:
    """来说 and 疑问 are no nouns; a four-character 成语 stays an idiom whatever it ends with."""
    assert reading_flag(word, dictionary_flag(word)) == flag


@pytest.fixture(scope="module")
def links(flores_sides: tuple[list[str], list[str]]) -> dict:
    held = {word for word, _ in PHRASES.values()}
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in held}
    found, _ = link_terms(zip(*flores_sides, strict=True), prior)
    return found


@pytest.mark.parametrize("phrase", sorted(PHRASES))
def test_a_phrase_is_paired_with_the_set_expression_that_translates_it(links: dict, phrase: tuple) -> None:
    assert links[phrase][0].zh == PHRASES[phrase][1]
