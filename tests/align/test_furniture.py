"""Page furniture: page numbers and running headers leave the text flow and are kept as blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.furniture import find_furniture
from ruzh.align.reader import document_from_text, read_document
from ruzh.align.testcorpus import normalise, read_gold

FIXTURES = Path(__file__).parent / "fixtures" / "pdflike"

# Russian running text across page breaks: (what the extraction wrote, the sentence the reader must give)
ACROSS_PAGE_BREAKS = [
    # a page number at the page end inside a hyphenated word («традици- – 75 – онным»)
    (
        "Эти отрасли остаются традици-\n– 75 –\n онными для региона и его жителей.",
        "Эти отрасли остаются традиционными для региона и его жителей.",
    ),
    # a bare page number between the halves of a word («семь че- 95 ловек»)
    (
        "В комиссию вошли семь че-\n95\n ловек из разных ведомств страны.",
        "В комиссию вошли семь человек из разных ведомств страны.",
    ),
    # «С. 34» and «стр. 34»
    (
        "Решение было при-\nС. 34\n нято единогласно всеми членами.",
        "Решение было принято единогласно всеми членами.",
    ),
    (
        "Решение было при-\nстр. 34\n нято единогласно всеми членами.",
        "Решение было принято единогласно всеми членами.",
    ),
    # a journal header at the page start inside a word («симпто-ЭКОНОМИКА И УПРАВЛЕНИЕ… мов»)
    (
        "Врачи из разных городов и больниц страны описали несколько симпто-\n"
        " ЭКОНОМИКА И УПРАВЛЕНИЕ: НАУЧНО-ПРАКТИЧЕСКИЙ ЖУРНАЛ\nмов болезни у детей.",
        "Врачи из разных городов и больниц страны описали несколько симптомов болезни у детей.",
    ),
    # a hyphen and a space kept across a page break in the old reader («аэро- портами»)
    (
        "Города связаны аэро-\n\n– 12 –\n\n портами и железными дорогами.",
        "Города связаны аэропортами и железными дорогами.",
    ),
    # Chinese: 第34页 between two halves of a sentence
    ("我们将继续推动数字经济\n第34页\n 高质量发展。", "我们将继续推动数字经济高质量发展。"),
]


@pytest.mark.parametrize(("raw", "sentence"), ACROSS_PAGE_BREAKS)
def test_a_sentence_across_furniture_is_one_sentence(raw: str, sentence: str) -> None:
    document = document_from_text(raw, "doc")
    assert [s.text for s in document.sentences()] == [sentence]
    (furniture,) = [b for b in document.blocks if b.role == "furniture"]
    assert raw.split("\n")[furniture.line - 1].strip() == furniture.text and not furniture.sentences


def test_furniture_keeps_its_position_in_the_file() -> None:
    raw = "Первая строка текста идёт без точки и\n\n  – 7 –\n продолжается на новой странице."
    (block,) = [b for b in document_from_text(raw, "doc").blocks if b.role == "furniture"]
    assert (block.line, block.column, block.text) == (3, 3, "– 7 –")


@pytest.mark.parametrize(
    "lines",
    [
        # numbers in a table are not page numbers: no page break, no growing sequence
        ["Показатель", "2019", "2020", "Рост", "12", "15"],
        # a list item number on its own line inside a paragraph
        ["Всего было проведено", "7", "заседаний комиссии."],
    ],
)
def test_numbers_that_are_text_stay(lines: list[str]) -> None:
    assert find_furniture(lines) == {}


def test_a_header_that_repeats_at_page_starts_is_found_each_time() -> None:
    words = ["торговля", "растёт", "быстрее", "чем", "производство", "и", "инвестиции", "в", "регионе"]
    lines = []
    for number in range(3, 7):
        page = [" ".join(words[k:] + words[:k]) for k in range(number, number + 6)]
        lines += [f" {number} Вестник международных отношений", *page]
    found = find_furniture(lines)
    assert sorted(found) == [0, 7, 14, 21] and set(found.values()) == {"running-header"}


def test_a_document_of_page_numbers_only_has_no_sentences() -> None:
    document = document_from_text("\n".join(str(n) for n in range(1, 41)) + "\n", "pages")
    assert document.sentences() == []
    assert [b.line for b in document.blocks if b.role == "furniture"] == list(range(1, 41))


def test_seeds_have_no_furniture_to_remove(seeds_dir: Path) -> None:
    """The seeds carry no page numbers or headers: nothing of their text may be taken away."""
    for path in sorted(seeds_dir.glob("*.txt")):
        assert not [b for b in read_document(path).blocks if b.role == "furniture"], path.name


@pytest.mark.parametrize("corpus", ["lines-headers", "double-numbers"])
def test_generated_journal_pages_read_as_the_gold(corpus: str) -> None:
    """Headers, page numbers, hyphenation and legacy encodings of the fixtures read back into exactly
    the gold text of each parallel passage (a FLORES line may hold two sentences: the text is compared)."""
    folder = FIXTURES / corpus
    for gold in read_gold(folder / "gold.json"):
        ru_doc = read_document(folder / f"{gold.ru_doc}.txt")
        zh_doc = read_document(folder / f"{gold.zh_doc}.txt")
        # a header seen once between two paragraphs cannot be told from a heading: it stays a block of
        # its own (role heading), outside the body text compared here
        role = "abstract" if gold.kind == "abstract" else "body"
        ru = [s.text for s in ru_doc.sentences("ru", role)]
        zh = [s.text for s in zh_doc.sentences("zh", role)]
        assert normalise("".join(ru)) == normalise("".join(gold.ru))
        assert normalise("".join(zh)) == normalise("".join(gold.zh))
        assert len(ru) >= len(gold.ru) and len(zh) >= len(gold.zh)
        assert any(b.role == "furniture" for b in ru_doc.blocks)
