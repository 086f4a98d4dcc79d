"""Block languages and roles on the seeds."""

from __future__ import annotations

import pytest
from ruzh.align.reader import document_from_text, read_document


@pytest.fixture(scope="module")
def doc000(seed_path):
    return read_document(seed_path("000"))


@pytest.fixture(scope="module")
def doc004(seed_path):
    return read_document(seed_path("004"))


def test_seed_000_has_exactly_one_abstract_per_language(doc000) -> None:
    abstracts = [b for b in doc000.blocks if b.role == "abstract"]
    assert [b.lang for b in abstracts] == ["ru", "zh"]
    ru, zh = abstracts
    assert ru.text.startswith("В данной статье рассматриваются")  # label «Аннотация.» removed
    assert ru.text.endswith("инфраструктуры городских сетей.")
    assert zh.text.startswith("本文通过中白两国")  # label «摘要。» removed
    assert zh.text.endswith("提出了意见和建议。")  # the next paragraph is not part of it
    assert (ru.line, ru.column) == (26, 13)
    assert (zh.line, zh.column) == (36, 4)


def test_headings_and_title(doc000, seed_path) -> None:
    roles = {b.text: b.role for b in doc000.blocks}
    assert roles["（一）加快推进数字基础设施建设"] == "heading"
    assert roles["(六)以人为本，注重市民参与，从智慧城市向智慧社会转变。"] == "heading"
    assert roles["（4） 依托一带一路和中白工业园，在跨境数据流动和利用方面抢占先机"] == "heading"
    first = read_document(seed_path("001")).blocks[0]
    assert (first.role, first.text) == ("title", "加快推动共建“一带一路”数字经济高质量发展")


def test_table_caption_and_source_in_004(doc004) -> None:
    roles = {b.text: b.role for b in doc004.blocks}
    assert roles["Облачные вычисления"] == "table"
    assert (
        roles[
            "Большие данные, облачные вычисления, искусственный интеллект, мобильный Интернет, "
            "интеллектуальные терминалы"
        ]
        == "table"
    )
    assert roles["Таблица 1. Сравнение стадий цифровой и промышленной экономики"] == "caption"
    caption_en = next(b for b in doc004.blocks if b.text.startswith("Table 1."))
    assert (caption_en.role, caption_en.lang) == ("caption", "en")
    assert roles["Источник: автор – на основе Института исследований Али"] == "caption"
    assert roles["2. Цифровая инфраструктура становится главной инфраструктурой."] == "heading"


def test_languages_by_script(doc000, doc004) -> None:
    assert {b.lang for b in doc004.blocks} == {"ru", "en"}
    assert doc000.blocks[0].lang == "ru"
    assert all(b.lang == "zh" for b in doc000.blocks[2:])


@pytest.mark.parametrize(
    ("text", "role", "body"),
    [
        (
            "Ключевые слова: цифровая экономика, Беларусь, Китай.",
            "keywords",
            "цифровая экономика, Беларусь, Китай.",
        ),
        ("关键词：数字经济；一带一路；智慧城市", "keywords", "数字经济；一带一路；智慧城市"),
        ("Keywords: digital economy, Belt and Road.", "keywords", "digital economy, Belt and Road."),
        ("Abstract. The paper considers smart cities.", "abstract", "The paper considers smart cities."),
        ("摘要：本文论述数字经济。", "abstract", "本文论述数字经济。"),
    ],
)
def test_labels_give_roles_and_are_removed(text: str, role: str, body: str) -> None:
    (block,) = document_from_text(text, "t").blocks
    assert (block.role, block.text) == (role, body)


def test_label_on_its_own_line_passes_its_role_on() -> None:
    document = document_from_text("Аннотация\n\nВ статье рассматривается цифровая экономика.\n", "t")
    (block,) = document.blocks
    assert block.role == "abstract" and block.line == 3


def test_references_section() -> None:
    text = (
        "Текст статьи о цифровой экономике.\n\nСписок литературы\n\n"
        "1. Иванов И. И. Цифровая экономика. М., 2020.\n\n[2] Petrov P. Digital trade. 2021.\n"
    )
    roles = [b.role for b in document_from_text(text, "t").blocks]
    assert roles == ["body", "heading", "reference", "reference"]
