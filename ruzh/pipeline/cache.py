"""A content-addressed cache of per-document and per-passage results.

Keys are hashes of the input bytes and of the code and data that produce a result (every source
and data file of the libraries), so an edited document, a new lexicon or a new release never
reuses a stale entry. Entries are pickles written atomically; a damaged entry is treated as a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import ConfigError

LIBRARIES = ("ruzh.align", "ruzh.tmx", "ruzh.glossary")
FORMAT = b"ruzh-cache-1"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of every file of the libraries (code, lexicon, termbase): changes when results may."""
    digest = hashlib.sha256(FORMAT)
    for package in LIBRARIES:
        root = Path(str(resources.files(package)))
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".csv", ".txt", ".json"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    """A cache key from the code fingerprint and the given parts."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class Cache:
    """Pickled results under a folder; ``None`` folder means no caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, name: str, kind: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / name[:2] / f"{name}.pickle"

    def get(self, name: str, kind: str) -> Any | None:
        """The stored value, or ``None`` on a miss (or an unreadable entry)."""
        if self.folder is None:
            return None
        path = self._path(name, kind)
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, name: str, kind: str, value: Any) -> None:
        """Store a value (best effort: a full disk only costs the speed-up)."""
        if self.folder is None:
            return
        with (
            contextlib.suppress(OSError, ConfigError),
            atomic_write(self._path(name, kind), "wb", own_file=True) as handle,
        ):
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
