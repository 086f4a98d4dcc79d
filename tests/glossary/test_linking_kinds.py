"""What kind of Chinese word may be a term's partner: a noun, a verb seen often enough with it, or
whatever the lexicon gives for the term; how many links a term the lexicon knows needs for a word it
does not give; and a transliteration as evidence (FLORES-200 devtest and Tatoeba, the shipped lexicon
as prior)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import link_units
from ruzh.glossary.units import sentence_units

# Term: the lexicon's rendering, which jieba tags as a verb (诊断, 投诉, 删除) or an adjective (黑暗), seen
# with the term in two or three sentence pairs: fewer links than a verb needs from co-occurrence alone.
KNOWN = {"диагноз": "诊断", "жалоба": "投诉", "темнота": "黑暗", "удаление": "删除"}


@pytest.fixture(scope="module")
def flores(shared_data: Path) -> list:
    from ruzh.align.aligner.perturb import read_flores, read_tatoeba

    ru_f, zh_f, _ = read_flores(shared_data)
    ru_t, zh_t = read_tatoeba(shared_data)
    return [sentence_units(r, z) for r, z in zip(ru_f + ru_t, zh_f + zh_t, strict=True)]


@pytest.fixture(scope="module")
def lexicon() -> dict[str, tuple[str, ...]]:
    return {e.ru: e.zh for e in shipped_entries()}


@pytest.mark.parametrize("term", sorted(KNOWN))
def test_the_lexicons_rendering_is_kept_whatever_its_part_of_speech(
    flores: list, lexicon: dict, term: str
) -> None:
    links, _ = link_units(flores, lexicon)
    first = links[(term,)][0]
    assert (first.zh, first.known) == (KNOWN[term], True)
    assert 2 <= first.links < 3 or first.zh == "黑暗"  # a verb needs 3 links from co-occurrence alone


def test_without_the_lexicon_the_same_verbs_stay_unpaired(flores: list, lexicon: dict) -> None:
    # neither the terms nor their relatives (диагностировать, удалить: :mod:`glossary.relatives`)
    prior = {k: v for k, v in lexicon.items() if not any(k[:4] == t[:4] for t in KNOWN)}
    links, _ = link_units(flores, prior)
    assert all(not any(link.zh == KNOWN[t] for link in links.get((t,), [])) for t in KNOWN)


def test_a_noun_the_lexicon_gives_comes_before_a_verb_it_gives(flores: list, lexicon: dict) -> None:
    links, _ = link_units(flores, lexicon)
    partners = [link.zh for link in links[("снег",)]]
    assert partners[0] == "雪"
    assert "下雪" not in partners or partners.index("下雪") > 0


def test_a_term_the_lexicon_knows_takes_another_word_only_with_three_links(
    flores: list, lexicon: dict
) -> None:
    """правитель (统治者, 君主 …) shares two sentence pairs with 属于, промышленность (工业, 产业) two
    with 事故, мотивация (动机 …) two with 因素: the sentences' topic, not a rendering the lexicon lacks."""
    links, _ = link_units(flores, lexicon)
    for term in ("правитель", "промышленность", "мотивация"):
        assert all(link.known or link.links >= 3 for link in links.get((term,), []))
    unknown = {k: v for k, v in lexicon.items() if k != "бизнес"}
    found, _ = link_units(flores, unknown)
    assert found[("бизнес",)][0].zh == "商务"  # a term the lexicon lacks: two links are enough


def test_of_partners_linked_as_often_the_known_one_comes_first(flores: list, lexicon: dict) -> None:
    """мужчина is linked three times with 男子 (the lexicon's) and three times with 男女."""
    prior = {k: v for k, v in lexicon.items() if k != "мужчина"} | {"мужчина": ("男子",)}
    links, _ = link_units(flores, prior)
    first = links[("мужчина",)][0]
    assert (first.zh, first.known) == ("男子", True)


def test_a_name_the_lexicon_lacks_takes_its_transliteration(flores: list, lexicon: dict) -> None:
    """самоа shares its two sentence pairs with 萨摩亚 and with 阿皮亚 (Apia, its capital, named beside
    it): the counts tie, the sounds do not."""
    prior = {k: v for k, v in lexicon.items() if k not in ("самоа", "апиа")}
    links, _ = link_units(flores, prior)
    first = links[("самоа",)][0]
    assert (first.zh, first.sounds) == ("萨摩亚", True)
    assert "transliteration" in first.evidence(len(flores))
