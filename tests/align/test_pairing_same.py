"""The pairing's candidate scores, made in bulk, are the floats the plain formulas give."""

from __future__ import annotations

import math
from pathlib import Path

from ruzh.align.aligner import pairing
from ruzh.align.aligner.pairing import Passage, passage_bags
from ruzh.align.aligner.perturb import read_flores
from ruzh.align.types import Sentence

from ruzh.lexicon import aligner_lexicon

Bag = dict[str, float]


def _plain_bags(ru: list[Bag], zh: list[Bag]) -> tuple[list[Bag], list[Bag]]:
    """The weighting written out: a logarithm per concept of every bag."""
    ru = [dict(b) for b in ru]
    vocabulary = set().union(*ru)
    zh = [{k: w for k, w in b.items() if k in vocabulary} for b in zh]
    total, freq = len(ru) + len(zh), {}
    for bag in (*ru, *zh):
        for key in bag:
            freq[key] = freq.get(key, 0) + 1
    for bag in (*ru, *zh):
        for key in bag:
            bag[key] *= math.log((total + 1.0) / freq[key])
    return ru, zh


def _plain_score(ru: Bag, zh: Bag, ru_chars: int, zh_chars: int) -> float:
    small, large = (ru, zh) if len(ru) < len(zh) else (zh, ru)
    overlap = sum(min(w, large[k]) for k, w in small.items() if k in large)
    total = sum(ru.values()) + sum(zh.values())
    dice = 2 * overlap / total if total else 0.0
    if not ru_chars or not zh_chars:
        return 0.0
    return dice * math.exp(-max(0.0, abs(math.log(zh_chars / (0.34 * ru_chars))) - 0.3))


def _pool(shared_data: Path) -> tuple[list[Passage], list[Passage]]:
    """Eight Russian and eight Chinese FLORES passages of 12 sentences, partly shifted."""
    ru, zh, _ = read_flores(shared_data)

    def passage(lang: str, lines: list[str], k: int) -> Passage:
        sents = tuple(Sentence(f"{lang}{k}", lang, "body", 0, t, i + 1, 1) for i, t in enumerate(lines))
        return Passage(f"{lang}{k}", lang, "text", sents)

    return (
        [passage("ru", ru[30 * k : 30 * k + 12], k) for k in range(8)],
        [passage("zh", zh[30 * k + 6 : 30 * k + 18], k) for k in range(8)],
    )


def test_bulk_weights_and_scores_are_the_plain_floats(shared_data: Path) -> None:
    ru, zh = _pool(shared_data)
    lex = aligner_lexicon()
    raw_ru, raw_zh = passage_bags(ru, lex), passage_bags(zh, lex)
    rb, zb = pairing._bags(ru, zh, lex)
    plain_ru, plain_zh = _plain_bags(raw_ru, raw_zh)
    assert [list(b.items()) for b in rb] == [list(b.items()) for b in plain_ru]  # same order, same bits
    assert [list(b.items()) for b in zb] == [list(b.items()) for b in plain_zh]
    chars = [sum(len(s.text) for s in p.sentences) for p in (*ru, *zh)]
    expected = sorted(
        (_plain_score(plain_ru[i], plain_zh[j], chars[i], chars[8 + j]), i, j)
        for i in range(8)
        for j in range(8)
    )
    found = pairing._candidates(ru, zh, lex, 0.0)
    assert sorted(found) == [c for c in expected if c[0] >= 0.0]
    assert len({s for s, _, _ in found}) > 8  # real, differing scores, not a degenerate pool


def test_a_bag_digest_sees_one_bit_and_the_order() -> None:
    bag = {"c:дом": 1.25, "c:город": 0.5}
    same = dict(bag)
    nudged = {"c:дом": math.nextafter(1.25, 2.0), "c:город": 0.5}
    swapped = {"c:город": 0.5, "c:дом": 1.25}
    assert pairing._digest(bag, 10) == pairing._digest(same, 10)
    assert len({pairing._digest(b, 10) for b in (bag, nudged, swapped)}) == 3
    assert pairing._digest(bag, 10) != pairing._digest(bag, 11)
