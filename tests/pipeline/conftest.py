"""Shared helpers of the pipeline tests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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
