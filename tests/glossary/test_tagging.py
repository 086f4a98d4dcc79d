"""The glossary's own use of jieba and pymorphy3 gives what the libraries' slower paths give."""

from __future__ import annotations

from pathlib import Path

import jieba.posseg
from ruzh.align.morphology import WORD, parses, tag_facts
from ruzh.glossary.candidates_zh import _word_tags, tagged

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Spaces, Latin letters, digits, full-width forms, a decimal point, punctuation, a line break.
ODD = ["COVID-19疫苗 50% 的 a1b2 。\r\n 第二行\t尾", "", "   ", "A", "5G网络和ICT", "ａｂｃ１２３", "3.14是π"]


def _chinese_lines(shared_data: Path) -> list[str]:
    files = [shared_data / "flores200_devtest" / "zho_Hans.devtest"]
    files += [shared_data / "tatoeba_rus_zho" / "tatoeba-test-v2021-08-07.zho", *sorted(SEEDS.glob("*.txt"))]
    return [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_tagging_equals_jieba_posseg_on_real_text(shared_data: Path) -> None:
    texts = _chinese_lines(shared_data) + ODD
    ours = [[(w.word, w.flag) for w in tagged(t)] for t in texts]
    theirs = [[(p.word, p.flag) for p in jieba.posseg.cut(t, HMM=False)] for t in texts]
    assert sum(map(len, ours)) > 50_000
    assert ours == theirs


def test_word_tags_equal_jieba_posseg_table() -> None:
    assert _word_tags() == jieba.posseg.dt.word_tag_tab


def test_tag_facts_are_the_tags_own_attributes(shared_data: Path) -> None:
    text = (shared_data / "flores200_devtest" / "rus_Cyrl.devtest").read_text(encoding="utf-8")[:20_000]
    seen = 0
    for word in {m.group().lower() for m in WORD.finditer(text)}:
        for p in parses(word):
            facts = tag_facts(p.tag)
            assert (facts.pos, facts.case, facts.number, facts.gender) == (
                p.tag.POS,
                p.tag.case,
                p.tag.number,
                p.tag.gender,
            )
            assert facts.grammemes == p.tag.grammemes
            seen += 1
    assert seen > 1000
