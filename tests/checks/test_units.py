"""Per-unit and memory-wide checks on FLORES-200 pairs with slips planted in known units."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.checks.memory import check_unit_file
from ruzh.checks.units import UnitChecker
from ruzh.checks.variants import Glossary
from ruzh.glossary.termbase import parse_termbase
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import write_tmx


def flores(shared_data: Path, n: int = 300) -> list[tuple[str, str]]:
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()[:n]
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()[:n]
    return list(zip(ru, zh, strict=True))


def write_tsv(path: Path, pairs: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{r}\t{z}\n" for r, z in pairs), encoding="utf-8")
    return path


def by_rule(findings: list, rule: str) -> list:
    return [f for f in findings if f.rule == rule]


@pytest.fixture(scope="module")
def planted(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list, list[tuple[str, str]]]:
    pairs = flores(shared_data)
    with_number = next(i for i, (r, z) in enumerate(pairs) if "2013" in r and "2013" in z)
    pairs[with_number] = (pairs[with_number][0], pairs[with_number][1].replace("2013", "2031"))
    pairs[10] = (pairs[10][0], "")  # empty target
    pairs[11] = (pairs[11][0], pairs[11][0])  # untranslated
    pairs[12] = (pairs[12][0], pairs[12][1] + pairs[13][1] + pairs[14][1] + pairs[15][1])  # extra sentences
    pairs[20] = (pairs[20][0], pairs[20][1][:-1] + "Россия")  # a Russian word left in the target
    pairs.append(pairs[30])  # a repeat of unit 30: same source, same target, no finding
    pairs.append((pairs[31][0], pairs[32][1]))  # unit 31's source with another translation
    path = write_tsv(tmp_path_factory.mktemp("u") / "pairs.tsv", pairs)
    return list(check_unit_file(path, "pairs.tsv")), pairs


def test_empty_untranslated_and_wrong_script(planted: tuple[list, list]) -> None:
    found, _ = planted
    assert [f.line for f in by_rule(found, "unit-empty-target")] == [11]
    assert [f.line for f in by_rule(found, "unit-untranslated")] == [12]
    wrong = by_rule(found, "unit-wrong-script")
    assert [(f.line, f.text) for f in wrong] == [(21, "Россия")]


def test_changed_year_is_reported_both_ways(planted: tuple[list, list]) -> None:
    found, pairs = planted
    numbers = by_rule(found, "unit-number-mismatch")
    line = next(i + 1 for i, (r, z) in enumerate(pairs) if "2013" in r and "2031" in z)
    assert {(f.line, f.text) for f in numbers if f.line == line} == {(line, "2013"), (line, "2031")}


def test_unmodified_flores_units_raise_few_number_findings(planted: tuple[list, list]) -> None:
    found, _ = planted
    numbers = by_rule(found, "unit-number-mismatch")
    assert len({f.line for f in numbers}) <= 5  # the planted one plus genuine omissions in FLORES


def test_length_ratio_outlier(planted: tuple[list, list]) -> None:
    found, _ = planted
    assert 13 in [f.line for f in by_rule(found, "unit-length-ratio")]


def test_same_source_with_two_translations_is_one_group(planted: tuple[list, list]) -> None:
    found, pairs = planted
    groups = by_rule(found, "tm-inconsistent-target")
    assert [(g.line, g.text) for g in groups] == [(32, pairs[31][0])]
    assert f"line {len(pairs)}: {pairs[32][1]}" in groups[0].related


def test_same_target_for_different_sources(tmp_path: Path, shared_data: Path) -> None:
    pairs = flores(shared_data, 50)
    pairs.append((pairs[5][0] + " Это важно.", pairs[5][1]))
    found = list(check_unit_file(write_tsv(tmp_path / "p.tsv", pairs), "p.tsv"))
    groups = by_rule(found, "tm-inconsistent-source")
    assert [(g.line, g.text) for g in groups] == [(6, pairs[5][1])]


def test_tmx_positions_are_lines_of_tu_elements(tmp_path: Path, shared_data: Path) -> None:
    pairs = flores(shared_data, 20)
    units = [TranslationUnit(ru=r, zh=(z if i != 7 else r)) for i, (r, z) in enumerate(pairs)]
    path = tmp_path / "m.tmx"
    write_tmx(path, units)
    found = by_rule(list(check_unit_file(path, "m.tmx")), "unit-untranslated")
    assert len(found) == 1
    tmx_lines = path.read_text(encoding="utf-8").splitlines()
    assert "<tu" in tmx_lines[found[0].line - 1]
    assert pairs[7][0] in "\n".join(tmx_lines[found[0].line - 1 : found[0].line + 12])


GLOSSARY = """concept,lang,term,pos,status,domain,note,source
G1,ru,цифровая экономика,ADJ+NOUN,preferred,economy,,
G1,zh,数字经济,noun,preferred,economy,,
G1,zh,数码经济,noun,forbidden,economy,,
"""


@pytest.mark.parametrize(
    ("ru", "zh", "rules"),
    [
        ("Развитие цифровой экономики ускоряется.", "数字经济发展加速。", []),  # inflected, rendered
        ("Развитие цифровую экономику.", "经济发展加速。", ["unit-term-missing"]),  # rendering missing
        ("Развитие цифровой экономики.", "数码经济发展。", ["unit-term-forbidden", "unit-term-missing"]),
        ("Экономика растёт.", "经济增长。", []),  # only part of the term: nothing to check
    ],
)
def test_glossary_conformance(ru: str, zh: str, rules: list[str]) -> None:
    g = Glossary(tuple(parse_termbase(GLOSSARY, "g.csv")))
    checker = UnitChecker("t.tsv", g)
    assert sorted(f.rule for f in checker.check(1, TranslationUnit(ru=ru, zh=zh))) == rules


def test_packed_table_behaves_like_a_dict() -> None:
    import random

    from ruzh.checks.tm import PackedTable

    rng = random.Random(7)
    table, ref = PackedTable(4), {}
    for _ in range(20_000):
        key, value = rng.getrandbits(64) or 1, rng.getrandbits(64)
        if key in ref or rng.random() < 0.5:
            table.put(key, value)
            ref[key] = value
        else:
            assert table.setdefault(key, value) is None
            ref[key] = value
    assert len(table) == len(ref)
    assert all(table.get(k) == v for k, v in ref.items())
    assert table.get(12345) is None


@pytest.mark.parametrize(
    ("ru", "zh", "rule", "text"),
    [
        ("Рост экономики.", "Economic growth.", "unit-wrong-script", "Economic growth."),  # no Chinese
        ("经济增长。", "Рост экономики.", "unit-wrong-script", "经济增长。"),  # sides swapped
    ],
)
def test_segment_rules_on_single_units(ru: str, zh: str, rule: str, text: str) -> None:
    found = UnitChecker("t.tsv").check(1, TranslationUnit(ru=ru, zh=zh))
    assert (rule, text) in [(f.rule, f.text) for f in found]


def test_a_bracket_opened_and_never_closed_is_reported(shared_data: Path) -> None:
    # FLORES devtest line 705 as published: the Chinese side opens （ and never closes it
    ru, zh = flores(shared_data, 705)[-1]
    assert "（" in zh and "）" not in zh and ru.count("(") == ru.count(")") == 1
    found = UnitChecker("t.tsv").check(1, TranslationUnit(ru=ru, zh=zh))
    assert ("unbalanced-pair", zh) in [(f.rule, f.text) for f in found]


def test_correct_punctuation_pairs_are_not_findings(shared_data: Path) -> None:
    # «…» -> “…”, (…) -> （…）, . -> 。 in real FLORES pairs: nothing to report about punctuation
    checker = UnitChecker("t.tsv")
    pairs = [
        (r, z) for r, z in flores(shared_data, 1012) if ("«" in r or "(" in r) and ("“" in z or "（" in z)
    ]
    balanced = [
        (r, z)
        for r, z in pairs
        if z.count("“") == z.count("”") and z.count("（") + z.count("(") == z.count("）") + z.count(")")
    ]
    assert len(balanced) > 20
    found = [
        f for i, (r, z) in enumerate(balanced) for f in checker.check(i + 1, TranslationUnit(ru=r, zh=z))
    ]
    assert [f for f in found if f.rule == "unbalanced-pair" and f.text == balanced[f.line - 1][1]] == []


def test_units_the_tmx_reader_skips_are_reported(tmp_path: Path) -> None:
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" '
        'datatype="plaintext"/>\n'
        "<body>\n"
        '<tu><tuv xml:lang="ru"><seg>Рост 15 %.</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>增长了51%。</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="ru"><seg>Только русский.</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    found = list(check_unit_file(tmx, "m.tmx"))
    assert [(f.rule, f.line) for f in found] == [
        ("unit-number-mismatch", 4),
        ("unit-number-mismatch", 4),
        ("tmx-read-problem", 5),
    ]
    # the flag decides the format, not the file name
    renamed = tmp_path / "memory.dat"
    renamed.write_bytes(tmx.read_bytes())
    assert len(list(check_unit_file(renamed, "memory.dat", kind="tmx"))) == 3


def halfwidth_marks(zh: str) -> list[str]:
    found = UnitChecker("t.tsv").check(1, TranslationUnit(ru="Текст 2,5 % и 300 млрд.", zh=zh))
    return [f.text for f in found if f.rule == "zh-halfwidth-punct"]


def test_halfwidth_marks_between_digits_are_not_findings() -> None:
    assert halfwidth_marks("增长了 2.5%，达到 3,000 亿元。") == []  # decimal point, thousands comma


@pytest.mark.parametrize(
    ("line", "marks"),
    [
        (970, ["!"]),  # «全部都是均码哦!»
        (373, [")"]),  # «（比如…回去)»: mixed widths
        (298, []),  # «(CEP)» after Chinese text: the (Latin) convention
        (6, []),  # «铃声 (Ring) 公司»
    ],
)
def test_halfwidth_marks_in_flores_chinese(shared_data: Path, line: int, marks: list[str]) -> None:
    """FLORES devtest Chinese lines as published (line numbers of zho_Hans.devtest)."""
    assert halfwidth_marks(flores(shared_data, line)[-1][1]) == marks


def test_tmx_findings_point_at_the_line_of_the_offending_text(tmp_path: Path) -> None:
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" '
        'srclang="ru" datatype="plaintext"/>\n<body>\n<tu>\n'  # the <tu> is on line 5
        '  <tuv xml:lang="ru"><seg>Рост составил 5 процентов.</seg></tuv>\n'
        '  <tuv xml:lang="zh-CN"><seg>增长\n达到了 процентов。</seg></tuv>\n'  # the word is on line 8
        "</tu>\n</body>\n</tmx>\n",
        encoding="utf-8",
    )
    found = [f for f in check_unit_file(tmx, "m.tmx") if f.rule == "unit-wrong-script"]
    assert [(f.line, f.text) for f in found] == [(8, "процентов")]


def test_units_in_memory_are_found_at_their_sentences_in_their_documents() -> None:
    from ruzh.checks.memory import UnitMemory
    from ruzh.checks.runner import collect

    units = [
        TranslationUnit(
            ru="Рост составил 5 %.", zh="增长了6%。", doc="a_ru.txt", zh_doc="a_zh.txt", ru_line=3, zh_line=7
        ),
        TranslationUnit(ru="Текст.", zh="", doc="b.txt", zh_doc="b.txt", ru_line=9, zh_line=9),
    ]
    found = {(f.rule, f.file, f.line, f.text) for f in collect([], [UnitMemory(units, "memory.tmx")])}
    assert ("unit-number-mismatch", "a_ru.txt", 3, "5") in found  # about the Russian side
    assert ("unit-number-mismatch", "a_zh.txt", 7, "6") in found  # about the Chinese side
    assert ("unit-empty-target", "b.txt", 9, "Текст.") in found


def test_a_unit_finding_points_at_the_column_where_its_sentence_starts() -> None:
    from ruzh.align.reader import document_from_text
    from ruzh.checks.memory import UnitMemory
    from ruzh.checks.runner import collect

    ru = document_from_text("Вступление. Рост составил 5 %.\n", "a_ru.txt")
    unit = TranslationUnit(
        ru="Рост составил 5 %.", zh="增长了6%。", doc="a_ru.txt", zh_doc="a_zh.txt", ru_line=1
    )
    found = [(f.rule, f.file, f.line, f.column, f.text) for f in collect([ru], [UnitMemory([unit], "m.tmx")])]
    # «Рост» starts at column 13 of line 1; a_zh.txt is not among the documents: column 1
    assert ("unit-number-mismatch", "a_ru.txt", 1, 13, "5") in found
    assert ("unit-number-mismatch", "a_zh.txt", 0, 1, "6") in found
