"""Sentence rules for Russian and Chinese, on excerpts from the seeds and classic hard cases."""

from __future__ import annotations

import pytest
from ruzh.align.reader import read_document
from ruzh.align.sentences import sentence_spans


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations that do not end a sentence (seed 004)
        (
            "автономное вождение и т. д., что значительно повышает производительность.",
            ["автономное вождение и т. д., что значительно повышает производительность."],
        ),
        (
            "В 2019 г. в докладе о работе правительства КНР были сформулированы задачи.",
            ["В 2019 г. в докладе о работе правительства КНР были сформулированы задачи."],
        ),
        # ... and that do when a capital follows
        (
            "Проверка счетов и т. д. Новый тип инфраструктуры обеспечивает основу.",
            ["Проверка счетов и т. д.", "Новый тип инфраструктуры обеспечивает основу."],
        ),
        (
            "Рост составил 600 млрд долл. В 2020 г. Китай сохранил темп.",
            ["Рост составил 600 млрд долл.", "В 2020 г. Китай сохранил темп."],
        ),
        # initials, «см.», т. е.
        (
            "Об этом писал А. С. Пушкин. См. рис. 2. Т. е. всё ясно.",
            ["Об этом писал А. С. Пушкин.", "См. рис. 2.", "Т. е. всё ясно."],
        ),
        # decimal commas and points are not ends
        (
            "Оборот составил 19,3 млрд юаней, рост 3.5% за год. Это много.",
            ["Оборот составил 19,3 млрд юаней, рост 3.5% за год.", "Это много."],
        ),
        # a numbered item keeps its number
        (
            "1. Данные становятся ключевым фактором производства.",
            ["1. Данные становятся ключевым фактором производства."],
        ),
        # quotes «…» are not split inside
        (
            "Было предложено «продвигать цифровую экономику. Ускорять рост». Так и сделали.",
            ["Было предложено «продвигать цифровую экономику. Ускорять рост».", "Так и сделали."],
        ),
        # Chinese: closing quotes stay with their sentence (seed 000)
        (
            "习近平总书记指出：“世界经济数字化转型是大势所趋。”。数字技术的充分应用不仅可以促进经济增长。",
            [
                "习近平总书记指出：“世界经济数字化转型是大势所趋。”。",
                "数字技术的充分应用不仅可以促进经济增长。",
            ],
        ),
        # never inside 《》
        (
            "发布的《报告。2020》显示，中国位居首位。随后……增长！真的？对；是。",
            ["发布的《报告。2020》显示，中国位居首位。", "随后……", "增长！", "真的？", "对；是。"],
        ),
        # a quoted question that the sentence goes on after stays inside it (“……吗？”他问道。)
        (
            "“你想看看问题究竟在哪儿吗？”他问道。随后离开。",
            ["“你想看看问题究竟在哪儿吗？”他问道。", "随后离开。"],
        ),
        ("他问：“为什么？”，然后沉默了。", ["他问：“为什么？”，然后沉默了。"]),
        # ... and ends it when a new sentence follows (FLORES: 韦斯特再次发言：“……吗？”)
        (
            "韦斯特再次发言：“你想看看问题究竟在哪儿吗？”美国已经作出回应。",
            ["韦斯特再次发言：“你想看看问题究竟在哪儿吗？”", "美国已经作出回应。"],
        ),
        # ；-separated list clauses are one sentence, as Russian keeps «;» inside one
        (
            "一是加强基础设施；二是扩大贸易；三是深化合作。",
            ["一是加强基础设施；二是扩大贸易；三是深化合作。"],
        ),
        # half-width stops between Han characters (seed 000)
        ("产生了深远影响.智慧一体化的进程", ["产生了深远影响.", "智慧一体化的进程"]),
        # a Russian sentence followed by Chinese text
        (
            "консолидации строительства сетей. 摘要。本文",
            ["консолидации строительства сетей.", "摘要。", "本文"],
        ),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_every_sentence_points_at_its_start_in_the_file(seeds_dir) -> None:
    """The line and column of each sentence are where its first characters stand in the file."""
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        document = read_document(path)
        assert document.sentences(), path
        for sentence in document.sentences():
            source = lines[sentence.line - 1][sentence.column - 1 :].rstrip().removesuffix("-")
            source = source.replace("\u202f", " ").replace("\xa0", " ")
            head = sentence.text[: min(3, len(source))]
            assert head and source.startswith(head), (path.name, sentence)


def test_no_text_is_lost(seeds_dir) -> None:
    """Every letter of the file ends up in some sentence (hyphens and spaces aside)."""
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        document = read_document(path)
        joined = "".join(s.text for s in document.sentences())
        letters = [c for c in raw if c.isalnum()]
        kept = [c for c in joined if c.isalnum()]
        # labels («Аннотация», «摘要») are removed from block text, nothing else
        assert 0 <= len(letters) - len(kept) <= 12, path.name
