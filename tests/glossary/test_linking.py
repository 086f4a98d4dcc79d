"""Competitive linking over aligned units, on real sentence pairs (Tatoeba) and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.build import Glossary
from ruzh.glossary.linking import link_terms, link_units
from ruzh.glossary.units import OTHER, ru_units, sentence_units, zh_units

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture(scope="module")
def tatoeba_pairs() -> list:
    if not (DATA / "tatoeba_rus_zho").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_tatoeba

    ru, zh = read_tatoeba(DATA)
    return list(zip(ru, zh, strict=True))


@pytest.fixture(scope="module")
def tatoeba_links(tatoeba_pairs: list) -> dict:
    links, total = link_terms(tatoeba_pairs)  # no prior: statistics alone
    assert total == len(tatoeba_pairs)
    return links


def test_everyday_nouns_get_their_partner_without_a_lexicon(tatoeba_links: dict) -> None:
    firsts = {" ".join(k): v[0].zh for k, v in tatoeba_links.items()}
    assert {firsts.get(k) for k in ("кошка", "собака", "учитель", "вода")} == {"猫", "狗", "老师", "水"}


def test_partners_agree_with_the_lexicon(tatoeba_links: dict) -> None:
    """Of the first partners of nouns the shipped lexicon knows, at least 80% are its renderings
    (or contain one / lie inside one: 两本书 for книга)."""
    lexicon = {e.ru: e.zh for e in shipped_entries()}
    judged = [(k, v[0].zh) for k, v in tatoeba_links.items() if " ".join(k) in lexicon]
    good = [1 for k, z in judged if any(r in z or z in r for r in lexicon[" ".join(k)])]
    assert len(judged) >= 50 and len(good) >= 0.8 * len(judged)


def test_a_pair_is_linked_in_most_sentences_that_hold_both(tatoeba_links: dict) -> None:
    for links in tatoeba_links.values():
        for link in links:
            assert link.links >= 2 and 2 * link.links >= link.together and link.links <= link.ru_count


def test_chinese_units_are_words_compounds_and_parts_and_only_nominal_ones_are_partners() -> None:
    units, nominal, verbal = zh_units("加快数字基础设施建设，是发展数字经济的关键")
    texts = {u[0] for u in units}
    assert {"数字基础设施", "基础设施", "数字经济", "加快", "是"} <= texts and "的" not in texts
    assert {"数字基础设施", "数字经济", "关键"} <= nominal and "加快" in verbal and "是" not in nominal
    units, nominal, _ = zh_units("塔斯马尼亚岛的纳税人")  # jieba keeps 塔斯马尼亚岛 whole
    texts = {u[0] for u in units}
    assert "塔斯马尼亚" in texts and "塔斯马尼亚" in nominal and not {"岛", "税"} & texts


def test_every_russian_word_competes_but_only_nouns_are_terms() -> None:
    units = ru_units("Учёные быстро создали новую вакцину")
    keys = {u[0] for u in units}
    assert {("ученый",), ("вакцина",), ("новый", "вакцина")} <= keys
    assert {(OTHER, "быстро"), (OTHER, "создать")} <= keys and (OTHER, "вакцина") not in keys


def test_the_cached_units_give_the_same_links_as_the_texts(tatoeba_pairs: list) -> None:
    sample = tatoeba_pairs[:600]
    assert link_units([sentence_units(r, z) for r, z in sample]) == link_terms(sample)


def test_seed_candidates_are_paired_and_infrastructure_is_found(seed_glossary: Glossary) -> None:
    cands = [e for e in seed_glossary.entries if e.status == "candidate" and e.ru and e.ru_freq >= 2]
    paired = [e for e in cands if e.zh]
    assert len(paired) >= 0.6 * len(cands)
    infra = next(e for e in cands if e.ru == "инфраструктура")
    assert infra.zh == "基础设施" and infra.zh_freq > 2
    shared = next(e for e in cands if e.ru == "совместное использование")  # found before: stays found
    assert shared.zh == "共同利用" and shared.method == "composed"


def test_only_attested_termbase_concepts_are_listed(seed_glossary: Glossary) -> None:
    termbase = [e for e in seed_glossary.entries if e.status == "termbase"]
    assert termbase and all(e.ru_freq or e.zh_freq for e in termbase)
    generic = {"время", "вопрос"}
    assert not generic & {e.ru for e in seed_glossary.entries if e.status == "candidate"}


def test_context_vectors_pair_terms_across_unaligned_text() -> None:
    """FLORES's two sides as comparable text (never aligned): nouns keep the same company."""
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores
    from ruzh.glossary.context import match_contexts, ru_contexts, zh_contexts
    from ruzh.glossary.pairing import lexicon_table

    ru, zh, _ = read_flores(DATA)
    table = {k: v for k, v in lexicon_table().items() if k not in ("вакцина", "бактерия", "музей")}
    keys = [("вакцина",), ("бактерия",), ("музей",)]
    terms = ["疫苗", "细菌", "博物馆", "科学家", "总统", "比赛"]
    vocabulary = {z for renderings in table.values() for z in renderings}
    found = {
        m.ru: m.zh for m in match_contexts(ru_contexts(keys, ru, table), zh_contexts(terms, zh, vocabulary))
    }
    right = {("вакцина",): "疫苗", ("бактерия",): "细菌", ("музей",): "博物馆"}
    assert found.items() <= right.items() and len(found) >= 2  # nothing wrong, most found
