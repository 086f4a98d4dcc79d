"""Anchors and lexical matching: the evidence the aligner combines."""

from __future__ import annotations

import pytest
from ruzh.align.aligner.anchors import ru_anchors, ru_numbers, signal_counts, zh_anchors, zh_numbers
from ruzh.align.aligner.lexical import build_matcher
from ruzh.align.aligner.pairing import find_parallel_passages, score_documents
from ruzh.align.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("1,5 млн человек", "150万人"),  # decimal comma + Russian scale vs 万
        ("2,3 млрд долларов", "23亿美元"),  # млрд vs 亿
        ("1 234,5 тонны", "1,234.5吨"),  # space as thousands separator vs comma
        ("рост на 12 %", "增长12%"),  # percent with a space
        ("3 трлн", "3万亿"),  # trillion
        ("в 2019 году", "2019年"),  # plain year
    ],
)
def test_numbers_meet_across_languages(ru: str, zh: str) -> None:
    assert set(ru_numbers(ru)) & set(zh_numbers(zh))


def test_latin_quotes_questions_and_list_markers() -> None:
    ru = ru_anchors("1. Что такое «ИКТ» (ICT) и 5G?")
    zh = zh_anchors("（一）什么是《信息通信技术》(ICT)和5G？")
    assert {"A:ict", "A:5g", "Q", "P:?", "M:1"} <= set(ru) & set(zh)


def test_lexicon_matches_lemmas_against_chinese_substrings() -> None:
    lex = load_lexicon(extra_pairs=[("город", "城市"), ("цифровая экономика", "数字经济")], shipped=False)
    matcher = build_matcher(lex)
    assert set(matcher.ru_concepts("Городами цифровой экономики")) == {"город", "цифровой экономика"}
    assert set(matcher.zh_concepts("数字经济的城市")) == {"город", "цифровой экономика"}


def test_document_pairing_ranks_translations_first() -> None:
    ru_docs = [
        ["Китай развивает цифровую экономику.", "Минск строит умный город."],
        ["Футбольный матч закончился вничью.", "Болельщики были довольны."],
    ]
    zh_docs = [["足球比赛以平局结束。", "球迷们很满意。"], ["中国发展数字经济。", "明斯克建设智慧城市。"]]
    scores = score_documents(ru_docs, zh_docs)
    assert scores[0][1] > scores[0][0]
    assert scores[1][0] > scores[1][1]


def test_seed_abstracts_are_paired(seed_path: object) -> None:
    from ruzh.align.reader import read_document

    document = read_document(seed_path("000"))  # type: ignore[operator]
    pairs = find_parallel_passages([document])
    abstracts = [p for p in pairs if p.ru.kind == "abstract" and p.zh.kind == "abstract"]
    assert abstracts, "seed 000 has a Russian and a Chinese abstract"
    assert abstracts[0].text_score > 0.2
    assert sum(len(b.src) for b in abstracts[0].beads) == len(abstracts[0].ru.sentences)


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("Минск", "明斯克"),  # nasal final of 明 stands for н
        ("Москве", "莫斯科"),  # inflected form keeps the key
        ("Бжезинского", "布热津斯基"),
        ("Кеннеди", "肯尼迪"),
        ("Газиантепа", "加齐安泰普"),  # 加 renders га
    ],
)
def test_transliterated_names_share_a_key(ru: str, zh: str) -> None:
    from ruzh.lang.translit import ru_name_key, zh_name_keys

    assert ru_name_key(ru) in zh_name_keys(zh)


def test_unrelated_names_do_not_match() -> None:
    from ruzh.lang.translit import ru_name_key, zh_name_keys

    assert ru_name_key("Бжезинский") not in zh_name_keys("明斯克和莫斯科")
    assert ru_name_key("Ур") is None  # too short to be told apart from chance


def test_documents_on_one_topic_that_are_not_translations_are_not_paired(seed_path: object) -> None:
    from ruzh.align.reader import read_document

    documents = [read_document(seed_path(n)) for n in ("003", "004")]  # type: ignore[operator]
    assert find_parallel_passages(documents) == []


def test_signal_counts_questions_and_sentence_ends() -> None:
    assert signal_counts("Кто хочет какао? Кто хочет какао?") == (2, 2)
    assert signal_counts("你不热吗？别缠我了!") == (1, 2)
    assert signal_counts("请坐一下。活该。") == (0, 2)
    assert signal_counts("Сядьте, пожалуйста.") == (0, 1)
    assert signal_counts("他说：“我很幸福。”她笑了。") == (0, 2)
    assert signal_counts("Он сказал: «Я счастлив». Она улыбнулась.") == (0, 2)
    # initials, abbreviations and decimals end nothing; «я» does; a text without a mark is one sentence
    assert signal_counts("Ф. М. Достоевский родился в г. Москве, т. е. в 1.5 раза дальше.") == (0, 1)
    assert signal_counts("Это я. Он тоже.") == (0, 2)
    assert signal_counts("Глава без точки") == (0, 1)
    assert signal_counts("") == (0, 0)
