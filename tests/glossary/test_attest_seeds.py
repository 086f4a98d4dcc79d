"""Attestation on the seed documents, checked against independent counts of the raw files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruzh.align.types import Document
from ruzh.glossary.attest import attest
from ruzh.glossary.termbase import Concept, Term, load_termbase

DE = Concept(
    "DE0001", "economy", "digital economy", terms=(Term("ru", "цифровая экономика"), Term("zh", "数字经济"))
)


def _grep_counts(seeds_dir: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Counts straight from the files: Chinese with all white space removed, Russian with
    hyphenated line ends joined and a regex over the stems (a different method from lemmas)."""
    ru: dict[str, int] = {}
    zh: dict[str, int] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        flat = re.sub(r"\s+", "", raw)
        joined = re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "", raw))
        name = path.stem
        n_zh = flat.count("数字经济")
        n_ru = len(re.findall(r"цифров\w*\s+экономик\w*", joined, flags=re.IGNORECASE))
        if n_zh:
            zh[name] = n_zh
        if n_ru:
            ru[name] = n_ru
    return ru, zh


def test_digital_economy_counts_match_grep(seed_documents: list[Document], seeds_dir: Path) -> None:
    atts = attest(seed_documents, [DE])
    ru_grep, zh_grep = _grep_counts(seeds_dir)
    assert dict(atts[("DE0001", "ru")].docs) == ru_grep
    assert dict(atts[("DE0001", "zh")].docs) == zh_grep
    # the expectation: Russian in 000 and 004, Chinese in the four documents with Chinese
    assert [d[:3] for d in atts[("DE0001", "ru")].doc_names] == ["000", "004"]
    assert [d[:3] for d in atts[("DE0001", "zh")].doc_names] == ["000", "001", "002", "003"]


def test_variants_used_are_inflected_forms(seed_documents: list[Document]) -> None:
    att = attest(seed_documents, [DE])[("DE0001", "ru")]
    forms = {s.lower() for s, _ in att.surfaces}
    assert {"цифровой экономики", "цифровая экономика"} <= forms
    assert att.variants == (("цифровая экономика", att.freq),)
    assert 2 <= len(att.examples) <= 3


def test_positions_point_at_the_original_text(seed_documents: list[Document], seeds_dir: Path) -> None:
    """Every example's line and column lead to its first letters in the raw file (hyphenation and all)."""
    concepts = load_termbase()
    atts = attest(seed_documents, concepts)
    checked = 0
    for att in atts.values():
        for occ in att.examples:
            (path,) = seeds_dir.glob(f"{occ.doc}.txt")
            lines = path.read_text(encoding="utf-8").split("\n")
            rest = "\n".join([lines[occ.line - 1][occ.column - 1 :], *lines[occ.line : occ.line + 2]])
            rest = re.sub(r"\s+", "", re.sub(r"-\s*\n\s*", "", rest))
            assert rest.startswith(re.sub(r"\s+", "", occ.surface)[:4]), (occ, rest[:20])
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("term", "pattern"),
    [
        ("большие данные", r"больш\w+\s+данн\w+"),  # pymorphy3 alone: больший + дать
        ("дополненная реальность", r"дополненн\w+\s+реальност\w+"),  # pymorphy3 alone: дополнить
        ("облачные вычисления", r"облачн\w+\s+вычислени\w+"),
    ],
)
def test_traps_on_seed_004(
    seed_documents: list[Document], seed_path: object, term: str, pattern: str
) -> None:
    concept = Concept("X", terms=(Term("ru", term),))
    att = attest(seed_documents, [concept])[("X", "ru")]
    assert callable(seed_path)
    raw = re.sub(r"-\s*\n\s*", "", seed_path("004").read_text(encoding="utf-8"))
    expected = len(re.findall(pattern, re.sub(r"\s+", " ", raw), flags=re.IGNORECASE))
    assert expected > 0
    assert dict(att.docs) == {seed_path("004").stem: expected}


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_every_shipped_concept_attested_somewhere_has_its_documents(
    seed_documents: list[Document], lang: str
) -> None:
    atts = attest(seed_documents, load_termbase())
    some = [a for (cid, la), a in atts.items() if la == lang]
    assert some
    for a in some:
        assert a.freq == sum(n for _, n in a.docs)
        assert a.freq == sum(n for _, n in a.surfaces)
