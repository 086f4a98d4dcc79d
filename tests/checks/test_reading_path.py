"""The checks read documents through the reader: where the checks' own copy of line joining
disagreed with the reader, the reader's answer is what the checks now see (one test per case)."""

from __future__ import annotations

from pathlib import Path

from ruzh.align.reader import read_document
from ruzh.checks.runner import collect
from ruzh.checks.text import DocumentText
from ruzh.checks.variants import Glossary
from ruzh.glossary.termbase import parse_termbase

TERMBASE = """concept,lang,term,pos,status,domain,en,note
T1,zh,智慧城市,noun,preferred,technology,smart city,
T1,zh,智能城市,noun,forbidden,technology,smart city,
"""


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "d.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_word_hyphenated_over_a_line_end_keeps_its_own_hyphen(tmp_path: Path) -> None:
    # the checks' copy dropped every line-end hyphen: научноисследовательской, вовторых
    lines = ["Результаты научно-иссле-", "довательской работы показали, во-", "вторых, рост экономики."]
    text = DocumentText.read(write(tmp_path, lines))
    assert "научно-исследовательской" in text.text and "во-вторых" in text.text
    assert "научноисследовательской" not in text.text and "вовторых" not in text.text
    assert text.locate(text.text.index("довательской")) == (2, 1)


def test_a_term_broken_over_a_line_end_is_one_term(tmp_path: Path) -> None:
    text = DocumentText.read(
        write(tmp_path, ["В докладе рассматривается инфраструкту-", "ра цифровой экономики."])
    )
    assert "инфраструктура цифровой" in text.text
    chinese = DocumentText.read(write(tmp_path, ["他在会上说：“", "数字经济是发展的新引擎。”"]))
    assert "说：“数字经济" in chinese.text


def test_a_stray_space_inside_chinese_text_does_not_hide_a_term(tmp_path: Path) -> None:
    # the reader drops the space PDF extraction left between Han characters (智能 城市); the checks'
    # copy kept it, so the forbidden term went unreported there. zh-stray-space still reports the space.
    line = "我们要建设智能 城市，推动数字经济发展，提高城市治理水平和公共服务能力，让人民生活更美好。"
    document = read_document(write(tmp_path, [line]), name="d.txt")
    found = {(f.rule, f.line, f.column, f.text) for f in collect([document], (), termbase())}
    assert ("term-forbidden", 1, 6, "智能城市") in found
    assert ("zh-stray-space", 1, 7, "能 城") in found


def test_page_furniture_is_not_running_text(tmp_path: Path) -> None:
    # running headers and page numbers are out of the text flow for the reader; the checks' copy
    # read them as text between the two halves of a sentence
    page = [
        "Вестник экономики 2021",
        *[f"Строка текста номер {i} продолжает рассказ о цифровой" for i in range(30)],
    ]
    lines: list[str] = []
    for number in range(1, 5):
        lines += [*page, f"{number}", ""]
    document = read_document(write(tmp_path, lines), name="d.txt")
    assert any(b.role == "furniture" for b in document.blocks)
    text = DocumentText.of(document)
    assert "Вестник экономики 2021" not in text.text
    assert "Вестник экономики 2021" in text.lines


def termbase() -> Glossary:
    return Glossary(tuple(parse_termbase(TERMBASE, "t.csv")))
