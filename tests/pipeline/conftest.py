"""Shared helpers of the pipeline tests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from ruzh.glossary.attest import Attester
from ruzh.glossary.build import _Corpus, corpus_concepts
from ruzh.glossary.parts import DocumentPart

Damage = Callable[[Any], Any]


def _plant(entry: Path, damage: Damage) -> None:
    """Rewrite a cache entry's payload with ``damage`` applied and a matching checksum: a
    consistent entry of the wrong shape, as a hostile or buggy writer would leave it.
    ``damage`` changes the decoded JSON in place (its return value is ignored)."""
    head, payload = entry.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    damage(data)
    bad = json.dumps(data, ensure_ascii=False).encode()
    header = json.loads(head)
    header["sha256"] = hashlib.sha256(bad).hexdigest()
    entry.write_bytes(json.dumps(header).encode() + b"\n" + bad)


@pytest.fixture
def planted() -> Callable[[Path, Damage], None]:
    """``planted(entry, damage)``: see :func:`_plant`."""
    return _plant


def _merged_state(parts: Sequence[DocumentPart]) -> str:
    """Everything the glossary reads from the merged corpus, as text that shows every order."""
    attester, corpus = Attester(corpus_concepts()), _Corpus()
    for part in parts:
        corpus.add(part, attester)
    return repr(
        (
            corpus.names,
            [vars(t) for t in corpus.ru.tallies.values()],
            [vars(t) for t in corpus.zh.tallies.values()],
            {k: vars(t) for k, t in corpus.ru.names.items()},
            {k: vars(t) for k, t in corpus.zh.names.items()},
            list(corpus.ru.words.items()),
            list(corpus.zh.words.items()),
            {k: sorted(v) for k, v in corpus.ru.spellings.items()},
            corpus.zh_texts,
            corpus.ru_texts,
            corpus.notices,
            list(attester.result().items()),
        )
    )


@pytest.fixture
def merged_state() -> Callable[[Sequence[DocumentPart]], str]:
    """``merged_state(parts)``: see :func:`_merged_state`."""
    return _merged_state
