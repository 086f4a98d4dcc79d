"""Shared fixtures: the bundled seeds, the development data in ``../shared`` beside the checkout, and
PDF-like corpora generated from it at test time (its text is never committed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruzh.align.testcorpus import Corpus, flores_documents, make_corpus

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"

# name: (layout, condition, seed) of each PDF-like corpus, one bilingual article and one translated pair
PDFLIKE = {"lines-headers": ("lines", "headers", 3), "double-numbers": ("double", "numbers", 4)}


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's seed documents."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_path() -> Callable[[str], Path]:
    """``seed_path("000")`` is the seed document whose name starts with that number."""

    def find(prefix: str) -> Path:
        (match,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        return match

    return find


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it are skipped with a message where it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"development data not found at {data}")
    return data


@pytest.fixture(scope="session")
def tmx_dtd() -> Path:
    """The official TMX 1.4 DTD from ``../shared/spec``; skipped where absent."""
    dtd = SHARED / "spec" / "tmx14.dtd"
    if not dtd.is_file():
        pytest.skip(f"TMX DTD not found at {dtd}")
    return dtd


@pytest.fixture(scope="session")
def pdflike_corpora(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Corpus]:
    """The :data:`PDFLIKE` corpora written from FLORES-200 devtest once per session (a fraction of a
    second), each with its ``gold.json``; skipped with a message where FLORES-200 devtest is absent."""
    flores = shared_data / "flores200_devtest"
    if not flores.is_dir():
        pytest.skip(f"PDF-like corpora are made from FLORES-200 devtest, not found at {flores}")
    documents = flores_documents(shared_data)
    root = tmp_path_factory.mktemp("pdflike")
    return {
        name: make_corpus(documents, root / name, layout, condition, seed=seed, articles=1, translations=1)
        for name, (layout, condition, seed) in PDFLIKE.items()
    }
