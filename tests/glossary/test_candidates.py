"""Candidates: canonical Russian noun phrases, Chinese compounds, and what the seeds propose."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
from ruzh.align.morphology import lemma_key
from ruzh.glossary.build import Glossary
from ruzh.glossary.candidates_ru import phrases
from ruzh.glossary.candidates_zh import _load_cached_dictionary, compounds
from ruzh.glossary.collect_ru import is_stopped
from ruzh.glossary.termbase import load_termbase


@pytest.mark.parametrize(
    ("text", "form", "pattern"),
    [
        ("развитие новых цифровых технологий", "новые цифровые технологии", "ADJ+ADJ+NOUN"),  # plural kept
        ("о цифровой трансформации экономики", "цифровая трансформация экономики", "ADJ+NOUN+NOUN(gen)"),
        ("анализ больших данных", "большие данные", "ADJ+NOUN"),  # not больший/дать
        ("в облачных вычислениях", "облачные вычисления", "ADJ+NOUN"),
        ("для повышения производительности", "повышение производительности", "NOUN+NOUN(gen)"),
        ("дополненной реальности", "дополненная реальность", "ADJ+NOUN"),  # participle agrees
        ("о цифровом правительстве", "цифровое правительство", "ADJ+NOUN"),  # neuter restored
        ("развитие городских сетей", "городские сети", "ADJ+NOUN"),  # plural agreement
        ("красного воротничка", "красный воротничок", "ADJ+NOUN"),
        ("мировых продаж", "мировые продажи", "ADJ+NOUN"),
        ("в Данной области", "область", "NOUN"),  # a single noun, in the dictionary form
        ("инфраструктуры", "инфраструктура", "NOUN"),
        ("анализ данных", "данные", "NOUN"),  # the plural-only noun, not дать
        ("ИКТ", "ИКТ", "NOUN"),  # an acronym as written
    ],
)
def test_canonical_forms(text: str, form: str, pattern: str) -> None:
    found = {(p.form, p.pattern) for p in phrases(text)}
    assert (form, pattern) in found


def test_punctuation_ends_a_phrase_and_pronouns_do_not_start_one() -> None:
    assert [p.form for p in phrases("цифровой, экономики")] == ["экономика"]  # the noun alone
    assert all(p.key[0] != "этот" for p in phrases("эти данные показывают"))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("развитие городских сетей связи", "городские сетей"),  # an adjective read as a noun
        ("в Данной области", "Данна области"),
        ("красного воротничка", "красный воротничка"),
        ("мировых продаж", "мировые продаж"),
        ("Интернета вещей стали возможными", "вещая сталь"),  # стали is a verb here
        ("данные стали важными", "данные стали"),
    ],
)
def test_no_ungrammatical_or_clause_crossing_headwords(text: str, wrong: str) -> None:
    assert wrong not in {p.form for p in phrases(text)}


def test_stop_list_gives_reasons() -> None:
    assert is_stopped(("настоящий", "время")) is not None
    assert is_stopped(("цифровой", "экономика")) is None


def test_chinese_compounds_assembled_from_jieba_words() -> None:
    found = {"".join(c) for c in compounds("加快数字基础设施建设，发展跨境电子商务和数字经济")}
    assert {"数字基础设施", "跨境电子商务", "数字经济", "基础设施"} <= found
    assert "建设发展" not in found  # the comma ends a run


def test_seed_candidates_are_new_recurring_and_sensible(
    small_glossary: Glossary, small_termbase: tuple
) -> None:
    cands = [e for e in small_glossary.entries if e.status == "candidate"]
    assert len(cands) >= 10
    ru_known = {lemma_key(t.text) for c in small_termbase for t in c.terms if t.lang == "ru"}
    zh_known = {t.text for c in small_termbase for t in c.terms if t.lang == "zh"}
    for e in cands:
        assert e.ru or e.zh
        assert not e.ru or lemma_key(e.ru) not in ru_known, e
        assert e.zh not in zh_known or e.ru, e
        assert max(e.ru_freq, e.zh_freq) >= 2, e  # recurring: seen twice, in one document or two
        assert e.evidence and e.score is not None
        assert e.termhood is None or e.termhood >= 1.0, e  # every candidate that reaches the threshold
    ru_forms = {e.ru for e in cands}
    assert {"цифровые технологии", "облачные вычисления", "искусственный интеллект"} <= ru_forms
    assert not {"настоящее время", "таким образом", "цифровая экономика"} & ru_forms
    zh_forms = {e.zh for e in cands}
    assert {"数字基础设施", "智慧城市"} <= zh_forms
    assert "数字经济" not in zh_forms


def test_shipped_termbase_concepts_are_not_candidates(seed_glossary: Glossary) -> None:
    ru_known = {lemma_key(t.text) for c in load_termbase() for t in c.terms if t.lang == "ru"}
    for e in seed_glossary.entries:
        if e.status == "candidate" and e.ru:
            assert lemma_key(e.ru) not in ru_known, e


def test_composed_pair_on_seeds(small_glossary: Glossary) -> None:
    """цифровые технологии ↔ 数字技术: composed from the lexicon and attested in the Chinese seeds."""
    row = next(e for e in small_glossary.entries if e.ru == "цифровые технологии")
    assert row.zh == "数字技术"
    assert "composed" in row.evidence and row.zh_freq > 0 and len(row.zh_docs) >= 2


def test_candidate_ids_are_stable(seed_glossary: Glossary, seed_documents: list) -> None:
    from ruzh.glossary.build import build_glossary

    again = build_glossary(seed_documents)
    assert [e.id for e in again.entries] == [e.id for e in seed_glossary.entries]
    assert again.entries == seed_glossary.entries


def test_jieba_dictionary_read_from_its_cache_equals_jiebas_own_loading() -> None:
    reference = jieba.Tokenizer()
    reference.initialize()  # writes jieba's cache file when it is missing
    fast = jieba.Tokenizer()
    _load_cached_dictionary(fast)
    assert fast.initialized and fast.total == reference.total and fast.FREQ == reference.FREQ
    assert fast.lcut("数字基础设施建设", HMM=False) == reference.lcut("数字基础设施建设", HMM=False)


def test_jieba_loads_its_own_way_without_a_usable_cache(tmp_path: Path) -> None:
    broken = jieba.Tokenizer()
    broken.tmp_dir = str(tmp_path)
    (tmp_path / "jieba.cache").write_bytes(b"\x00 not marshal")
    _load_cached_dictionary(broken)
    missing = jieba.Tokenizer()
    missing.tmp_dir = str(tmp_path / "absent")
    _load_cached_dictionary(missing)
    other = jieba.Tokenizer(str(tmp_path / "user_dict.txt"))
    _load_cached_dictionary(other)
    assert not (broken.initialized or missing.initialized or other.initialized)
