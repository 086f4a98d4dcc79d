"""De-hyphenation measured on FLORES-200 Russian cut at random syllable boundaries (issue: ≤ 0.1% wrong)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from ruzh.align.hyphenation import WORD, should_keep_hyphen
from ruzh.align.pdflike import hyphenation_cases
from ruzh.align.testcorpus import flores_documents

MAX_WRONG_SHARE = 0.001


class _RestOfDocument:
    """The document's vocabulary without the occurrence being decided: a word cut at a line end is
    not evidence for itself (a word seen once must be decided by the dictionary and the patterns)."""

    def __init__(self, counts: Counter[str], word: str) -> None:
        self.counts, self.word = counts, word

    def __contains__(self, other: object) -> bool:
        return self.counts.get(str(other), 0) > (1 if other == self.word else 0)


@pytest.mark.parametrize("seed", [0, pytest.param(1, marks=pytest.mark.slow)])
def test_flores_words_cut_at_random_syllables(shared_data: Path, seed: int) -> None:
    rng = random.Random(seed)
    total = wrong = 0
    for ru, _zh in flores_documents(shared_data):
        text = " ".join(ru)
        counts = Counter(w.lower() for w in WORD.findall(text))
        for left, right, keep in hyphenation_cases(text, rng):
            word = (left + ("-" if keep else "") + right).lower()
            total += 1
            wrong += should_keep_hyphen(left, right, _RestOfDocument(counts, word)) is not keep
    assert total > 13_000
    assert wrong / total <= MAX_WRONG_SHARE, f"{wrong} of {total} decided wrongly"


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("северо", "восточной", True),  # compass compounds: северо/юго are not words alone
        ("юго", "западе", True),
        ("Даунинг", "стрит", True),  # the second part of a hyphenated name
        ("ле", "генда", False),  # a fragment that is not a word on its own: join
        ("пре", "украшая", False),
        ("те", "хнологий", False),
        ("аэро", "портами", False),
        ("авиа", "парк", False),  # a combining form written solid
        ("Гос", "линг", False),  # a name cut in two
        ("НА", "СА", False),  # an abbreviation cut in two
        ("что", "то", True),  # a particle after a pronoun
        ("стран", "участниц", True),  # two agreeing nouns
        ("Рок", "группа", True),
    ],
)
def test_compound_patterns(left: str, right: str, keep: bool) -> None:
    assert should_keep_hyphen(left, right) is keep
