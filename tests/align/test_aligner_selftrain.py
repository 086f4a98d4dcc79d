"""Self-training learns word pairs the lexicon lacks from confident beads, and only from enough of them."""

from __future__ import annotations

from ruzh.align.aligner.selftrain import MIN_BEADS, extended, learn_pairs
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Bead

NAME_CONTEXTS = [
    ("Компания Нинтендо выпустила игру.", "任天堂公司发布了游戏。"),
    ("Акции Нинтендо выросли.", "任天堂的股价上涨了。"),
    ("В Киото находится штаб Нинтендо.", "京都有任天堂的总部。"),
    ("Нинтендо показала новую приставку.", "任天堂展示了新主机。"),
    ("Продажи Нинтендо упали зимой.", "冬季任天堂销量下降。"),
]


def _corpus(count: int) -> tuple[list[str], list[str]]:
    ru, zh = [], []
    for k in range(count):
        if k % 10 == 0:
            r, z = NAME_CONTEXTS[(k // 10) % len(NAME_CONTEXTS)]
            ru.append(r)
            zh.append(z)
        else:
            ru.append(f"Обычное предложение номер {k} о погоде.")
            zh.append(f"第{k}句关于天气的普通句子。")
    return ru, zh


def test_learns_an_unknown_name_from_confident_beads() -> None:
    ru, zh = _corpus(MIN_BEADS + 50)
    beads = [Bead((k,), (k,), 0.95) for k in range(len(ru))]
    learned = learn_pairs(ru, zh, beads, Lexicon())
    assert "нинтендо" in learned
    assert set(learned["нинтендо"]) <= {"任天", "天堂"}
    assert "нинтендо" in extended(Lexicon(), learned)


def test_too_few_or_unconfident_beads_teach_nothing() -> None:
    ru, zh = _corpus(MIN_BEADS + 50)
    assert learn_pairs(ru[:50], zh[:50], [Bead((k,), (k,), 0.95) for k in range(50)], Lexicon()) == {}
    unsure = [Bead((k,), (k,), 0.5) for k in range(len(ru))]
    assert learn_pairs(ru, zh, unsure, Lexicon()) == {}
