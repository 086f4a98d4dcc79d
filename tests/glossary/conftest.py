"""Shared, expensive-to-make objects for the glossary tests: the seeds read once, the glossary built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.reader import read_documents
from ruzh.align.types import Document
from ruzh.glossary.build import Glossary, build_glossary
from ruzh.glossary.termbase import Concept, Term
from ruzh.seeds import seed_paths


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    """The five seed documents as the reader gives them."""
    return list(read_documents(seed_paths()))


@pytest.fixture(scope="session")
def seed_glossary(seed_documents: list[Document]) -> Glossary:
    """The glossary of the seeds with the shipped termbase."""
    return build_glossary(seed_documents)


# A fixed two-concept termbase, so candidate tests do not change as the shipped termbase grows.
SMALL_TERMBASE = (
    Concept(
        "DE0001",
        "economy",
        "digital economy",
        terms=(Term("ru", "цифровая экономика"), Term("zh", "数字经济")),
    ),
    Concept("DE0038", "data", "big data", terms=(Term("ru", "большие данные"), Term("zh", "大数据"))),
)


@pytest.fixture(scope="session")
def small_termbase() -> tuple[Concept, ...]:
    """:data:`SMALL_TERMBASE` for tests that compare against it."""
    return SMALL_TERMBASE


@pytest.fixture(scope="session")
def small_glossary(seed_documents: list[Document]) -> Glossary:
    """The glossary of the seeds with :data:`SMALL_TERMBASE`."""
    return build_glossary(seed_documents, SMALL_TERMBASE)


@pytest.fixture(scope="session")
def flores_sides(shared_data: Path) -> tuple[list[str], list[str]]:
    """FLORES-200 devtest's Russian and Chinese lines, aligned line by line."""
    from ruzh.align.aligner.perturb import read_flores

    ru, zh, _ = read_flores(shared_data)
    return ru, zh
