"""Shared, expensive-to-make objects for the glossary tests: the seeds read once, the glossary built once."""

from __future__ import annotations

import pytest

from align.reader import read_documents
from align.types import Document
from glossary.build import Glossary, build_glossary
from seeds import seed_paths


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    """The five seed documents as the reader gives them."""
    return list(read_documents(seed_paths()))


@pytest.fixture(scope="session")
def seed_glossary(seed_documents: list[Document]) -> Glossary:
    """The glossary of the seeds with the shipped termbase."""
    return build_glossary(seed_documents)
