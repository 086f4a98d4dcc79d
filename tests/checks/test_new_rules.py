"""The two rules a careful reviewer needed: Cyrillic look-alike acronyms (Р2Р) and one name punctuated
two ways in one document (Один пояс – один путь / Один пояс, один путь), on real excerpts of the seeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruzh.align.reader import read_document
from ruzh.checks.homoglyphs import LOOKALIKE_ACRONYMS, latin_spelling
from ruzh.checks.punctuation import punctuation_variants
from ruzh.checks.runner import collect, run_checks
from ruzh.checks.text import DocumentText
from ruzh.checks.variants import load_glossary
from ruzh.seeds import seed_paths

NEW_RULES = ("lookalike-acronym", "name-punctuation-variants")


def excerpt(path: Path, first: int, last: int) -> DocumentText:
    """Lines first..last (1-based) of a seed as they stand in the file."""
    lines = path.read_text(encoding="utf-8").splitlines()[first - 1 : last]
    return DocumentText.from_lines(path.name, lines)


def lookalikes(*texts: DocumentText) -> list:
    return list(LOOKALIKE_ACRONYMS.findings(texts))


def punct(src: DocumentText) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.text) for f in punctuation_variants(src)]


def test_the_seeds_give_exactly_the_two_held_out_findings() -> None:
    report = run_checks([read_document(p, name=str(p)) for p in seed_paths()], (), load_glossary())
    new = sorted(
        (Path(f.file).name[:3], f.line, f.column, f.rule, f.text)
        for f in report.findings
        if f.rule in NEW_RULES
    )
    assert new == [
        ("000", 15, 37, "name-punctuation-variants", "Один пояс, один путь"),
        ("004", 812, 14, "lookalike-acronym", "Р2Р"),
    ]


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Р2Р", "P2P"),  # both Р Cyrillic: seed 004, line 812
        ("В2С", "B2C"),
        ("С2С", "C2C"),
        ("3Д", "3D"),  # Д stands for D
        ("5Г", "5G"),
        ("ВВП", None),  # no digit: an ordinary Russian abbreviation
        ("B2С", None),  # mixed scripts: mixed-script-word reports it
        ("P2P", None),  # already Latin
        ("2Ж", None),  # Ж has no Latin look-alike
    ],
)
def test_latin_spelling(text: str, latin: str | None) -> None:
    assert latin_spelling(text) == latin


def test_lookalike_acronym_on_the_real_excerpt(seed_path: Callable[[str], Path]) -> None:
    src = excerpt(seed_path("004"), 810, 813)  # «кредитовании Р2Р с учетом ...»
    found = lookalikes(src)
    assert [(f.line, f.column, f.text, f.related) for f in found] == [(3, 14, "Р2Р", ("P2P",))]


def test_legitimate_latin_and_mixed_tokens_are_not_lookalikes(seed_path: Callable[[str], Path]) -> None:
    src = DocumentText.from_lines(
        "t.txt",
        (
            excerpt(seed_path("004"), 303, 303).lines[0],  # «нологии 3D-печати и в итоге ...»
            excerpt(seed_path("004"), 372, 372).lines[0],  # «нологии) до 4G и 5G. 5G расширит ...»
            "Пандемия COVID-19 ускорила переход к Wi-Fi 6 и 3D-печати; агрегат М2 вырос на 5 %.",
        ),
    )
    assert lookalikes(src) == []


def test_an_acronym_the_corpus_writes_in_latin_counts_as_standard() -> None:
    cyrillic = DocumentText.from_lines("t.txt", ("Сеть ТЕ2 (Cyrillic Т, Е).",))
    latin = DocumentText.from_lines("u.txt", ("Сеть TE2.",))
    assert lookalikes(cyrillic) == []
    assert [(f.file, f.text) for f in lookalikes(cyrillic, latin)] == [("t.txt", "ТЕ2")]


def test_dash_and_comma_in_one_document_on_the_real_abstract(seed_path: Callable[[str], Path]) -> None:
    src = excerpt(seed_path("000"), 1, 16)  # «Один пояс – один путь» (line 1), «Один пояс, один путь» (15)
    assert punct(src) == [(15, 37, "Один пояс, один путь")]
    (f,) = punctuation_variants(src)
    assert "a comma where that place has a dash" in f.message and f.related == (
        f"Один пояс – один путь ({src.name}:1)",
    )


def test_quotation_marks_of_two_styles() -> None:
    src = DocumentText.from_lines(
        "t.txt",
        (
            "сотрудничество в рамках инициативы «Один пояс, один путь», всеми силами",
            "участие в инициативе “Один пояс, один путь” расширяется;",
            "и снова «Один пояс, один путь».",
        ),
    )
    assert punct(src) == [(2, 23, "Один пояс, один путь")]


def test_inflection_is_not_a_variant(seed_path: Callable[[str], Path]) -> None:
    src = excerpt(seed_path("004"), 725, 737)  # «Пояса и пути» (729) and «Пояс и путь» (736)
    assert "«Пояса и пути»" in " ".join(src.lines) and "«Пояс и путь»" in " ".join(src.lines)
    assert punct(src) == []
    iot = DocumentText.from_lines(
        "t.txt", ("Развитие «Интернета вещей» в Китае.", "Технологии «Интернет вещей» и IoT.")
    )
    assert punct(iot) == []


def test_hyphenated_words_and_unquoted_repeats_are_not_variants() -> None:
    src = DocumentText.from_lines(
        "t.txt",
        (
            "Технологии «Wi-Fi и 3D-печать» и снова Wi-Fi и 3D-печать; «COVID-19 и экономика»,",
            "COVID-19 и экономика. Один пояс – один путь и «Один пояс — один путь».",
        ),
    )
    assert punct(src) == []  # – and — are one class of dash


def test_correct_russian_and_chinese_punctuation_is_not_a_variant(seed_path: Callable[[str], Path]) -> None:
    for prefix in ("000", "001", "002", "003"):  # Chinese “一带一路”, 《…》 beside Russian «…»
        src = read_document(seed_path(prefix))
        found = [f for f in collect([src]) if f.rule == "name-punctuation-variants"]
        assert [(f.line, f.text) for f in found] == (
            [(15, "Один пояс, один путь")] if prefix == "000" else []
        )


def test_many_quoted_names_stay_linear() -> None:
    lines = tuple(f"«Название {i} проекта, этап {i}» и Название {i} проекта – этап {i}." for i in range(3000))
    src = DocumentText.from_lines("big.txt", lines)
    found = list(punctuation_variants(src))
    assert len(found) == 500  # MAX_NAMES distinct names compared, each once
