"""Shared fixtures: the bundled seeds and the development data in ``../shared`` beside the checkout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


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
