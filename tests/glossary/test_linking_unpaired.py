"""The last rounds for the terms the linking left without a partner (FLORES and Tatoeba, with the
terms taken out of the lexicon): a second look at the whole Chinese words the kept pairs leave
unexplained, with the significance test's family made of those words; then a character that the
term's sentences write in several different words."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.cooccurrence import count_units
from ruzh.glossary.linking import link_units
from ruzh.glossary.residual import span_words, varied
from ruzh.glossary.unexplained import unexplained_units
from ruzh.glossary.units import sentence_units

# Term: its rendering, seen twice with it among a hundred neighbours (too few for the test over all
# of them), and nowhere else but once or twice.
UNEXPLAINED = {
    "данные": "数据",
    "обязанность": "责任",
    "течение": "水流",
    "сторона": "一边",
    "принцип": "原理",
}
# Term: the character that renders it, in different words each time (园 of 花园, 果园, 公园; 众 of
# 观众, 公众, 群众; 礁 of 暗礁, 大堡礁: two links, as for a noun).
VARIED = {"сад": "园", "публика": "众", "династия": "朝", "риф": "礁"}


@pytest.fixture(scope="module")
def links(shared_data: Path) -> dict:
    from ruzh.align.aligner.perturb import read_flores, read_tatoeba

    ru_f, zh_f, _ = read_flores(shared_data)
    ru_t, zh_t = read_tatoeba(shared_data)
    sentences = [sentence_units(ru, zh) for ru, zh in zip(ru_f + ru_t, zh_f + zh_t, strict=True)]
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in UNEXPLAINED and e.ru not in VARIED}
    found, _ = link_units(sentences, prior)
    return found


@pytest.mark.parametrize("term", sorted(UNEXPLAINED))
def test_a_term_seen_twice_with_an_unexplained_word_is_paired_with_it(links: dict, term: str) -> None:
    first = links[(term,)][0]
    assert (first.zh, first.part) == (UNEXPLAINED[term], False)
    assert first.links == first.together >= 2


def test_the_units_left_are_the_unclaimed_words_a_term_may_keep() -> None:
    units = sentence_units("За два сезона погода стала тёплой.", "两个季节里，天气变得非常温暖。")
    zh = {u[0]: u for u in units.zh}
    claimed = bytearray(max(u[2] for u in units.zh))
    start, end = zh["天气"][1], zh["天气"][2]
    claimed[start:end] = b"\x01" * (end - start)  # a kept pair took 天气 (for погода)
    ru = [u for u in units.ru if u[0][0]]
    (rest,) = unexplained_units([units], [(ru, bytes(claimed))], {("сезон",)}, count_units([units]))
    assert [u[0] for u in rest.ru] == [("сезон",)]  # погода is paired: not here
    free = {u[0] for u in rest.zh}
    assert "季节" in free and "天气" not in free
    assert "两个" not in free and "里" not in free  # a number, a word neither nominal nor a verb
    assert "变得" not in free  # a verb: the main linking asks three links of it
    assert "季节" in rest.nominal and rest.verbal == ()
    nothing = [(ru, b"\x01" * len(claimed))]
    assert unexplained_units([units], nothing, {("сезон",)}, count_units([units])) == []  # all claimed


@pytest.mark.parametrize("term", ["калифорния", "кислота", "процент"])
def test_a_term_the_lexicon_knows_takes_no_unknown_word_on_two_sentences(links: dict, term: str) -> None:
    """The lexicon renders them (加州, 酸, 百分比); the unexplained words they meet twice are their
    sentences' topic (成年人, 三聚氰胺, 受访者), not new renderings."""
    renderings = next(e.zh for e in shipped_entries() if e.ru == term)
    assert all(link.zh in renderings or link.part for link in links.get((term,), ()))


@pytest.mark.parametrize("term", sorted(VARIED))
def test_a_character_in_varied_words_with_the_term_is_its_partner(links: dict, term: str) -> None:
    first = links[(term,)][0]
    assert (first.zh, first.part) == (VARIED[term], True)
    assert first.links >= 2


def test_a_character_is_varied_when_no_word_holds_most_of_it() -> None:
    assert varied(Counter({"光线": 1, "阳光": 1, "光污染": 2}))
    assert not varied(Counter({"治疗": 3, "医疗": 1}))  # a piece of the one word the term meets
    assert not varied(Counter({"治疗": 4}))
    units = sentence_units("Сад и свет.", "花园和阳光。")
    rest = replace(units, ru=tuple(u for u in units.ru if u[0][0]), zh=(("园", 1, 2), ("光", 4, 5)))
    pairs = {(("сад",), "园"), (("свет",), "光")}
    assert span_words([units], [0], [rest], pairs) == {
        (("сад",), "园"): Counter({"花园": 1}),
        (("свет",), "光"): Counter({"阳光": 1}),
    }
