"""The Russian candidates' specificity looks up each word's general frequency once per build."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pytest
from ruzh.align.types import Document
from ruzh.glossary import build
from ruzh.glossary.build import Glossary, build_glossary


def test_each_word_general_frequency_once(
    seed_documents: list[Document], seed_glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the seeds: many candidates share words, yet each word's forms are summed once, and the
    glossary is the one built without counting."""
    asked: Counter[tuple[str, ...]] = Counter()
    real = build.general_frequency

    def counted(forms: Iterable[str]) -> float:
        forms = tuple(forms)
        asked[forms] += 1
        return real(forms)

    monkeypatch.setattr(build, "general_frequency", counted)
    glossary = build_glossary(seed_documents)
    words = [w for e in glossary.entries if e.ru for w in e.ru.split()]
    assert len(words) > len(set(words)) > 20  # words recur across the rows
    assert asked and max(asked.values()) == 1
    assert glossary.entries == seed_glossary.entries
