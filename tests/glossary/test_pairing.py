"""Pairing: competitive linking over aligned pairs (Tatoeba, FLORES), composition with a lexicon.

The pairs the earlier Dice pairing found are kept here: what was found must stay found."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.glossary.linking import link_terms
from ruzh.glossary.pairing import compose, compose_and_attest
from ruzh.glossary.scoring import c_value, dice, log_likelihood


def test_association_over_aligned_tatoeba_pairs(shared_data: Path) -> None:
    base = shared_data / "tatoeba_rus_zho" / "tatoeba-test-v2021-08-07"
    ru = base.with_suffix(".rus").read_text(encoding="utf-8").splitlines()
    zh = base.with_suffix(".zho").read_text(encoding="utf-8").splitlines()
    found, total = link_terms(zip(ru, zh, strict=True))
    assert found[("мэри",)][0].zh == "玛丽"
    assert "linked in" in found[("мэри",)][0].evidence(total)


def test_association_finds_phrases_without_a_term_list() -> None:
    pairs = [
        ("Мы развиваем цифровую экономику.", "我们发展数字经济。"),
        ("Цифровая экономика растёт.", "数字经济在增长。"),
        ("Туризм растёт.", "旅游业在增长。"),
    ]
    found, _ = link_terms(pairs)
    assert found[("цифровой", "экономика")][0].zh == "数字经济"


def test_composition_orders_parts_the_chinese_way() -> None:
    lexicon = {
        "цифровой": ("数字",),
        "правительство": ("政府",),
        "развитие": ("发展",),
        "экономика": ("经济",),
    }
    assert "数字政府" in compose(("цифровой", "правительство"), "ADJ+NOUN", lexicon)
    assert "经济发展" in compose(("развитие", "экономика"), "NOUN+NOUN(gen)", lexicon)
    kept = compose_and_attest(
        [(("цифровой", "правительство"), "ADJ+NOUN"), (("развитие", "экономика"), "NOUN+NOUN(gen)")],
        lexicon,
        [("a", "建设数字政府。"), ("b", "数字政府和数字社会")],
    )
    assert kept[("цифровой", "правительство")].zh == "数字政府"
    assert ("развитие", "экономика") not in kept  # 经济发展 is not in these Chinese texts


def test_scores() -> None:
    assert dice(2, 2, 2) == 1.0
    assert log_likelihood(10, 10, 10, 1000) > log_likelihood(1, 10, 10, 1000)
    scores = c_value({("a", "b"): 5, ("a", "b", "c"): 5, ("x", "y"): 3})
    assert scores[("a", "b")] == 0  # only ever inside the longer one
    assert scores[("x", "y")] > 0


@pytest.mark.slow
def test_association_over_flores(shared_data: Path) -> None:
    """FLORES-200 devtest is a real parallel corpus: тёмная материя ↔ 暗物质, Атлантический океан ↔ 大西洋."""
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    found, _ = link_terms(zip(ru, zh, strict=True))
    assert found[("темный", "материя")][0].zh == "暗物质"
    assert found[("атлантический", "океан")][0].zh == "大西洋"
