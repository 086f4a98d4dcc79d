"""The kept parallel passages name their sentences by document and kind: they come back equal to
the fresh passages, and an entry that does not fit the documents, or whose beads point outside
their passage, is not used."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from ruzh.align.aligner.perturb import read_flores
from ruzh.align.reader import read_document
from ruzh.align.types import Document
from ruzh.seeds import seed_paths

from ruzh.pipeline.cache import Cache
from ruzh.pipeline.codec import CodecError, decode, encode
from ruzh.pipeline.discovery import StoredPassages
from ruzh.pipeline.stages import passages_stage


def _corpus(folder: Path, shared_data: Path) -> tuple[list[Document], list[str]]:
    """The seeds (one holds an abstract pair) and three FLORES document pairs."""
    ru, zh, _ = read_flores(shared_data)
    for k in range(3):
        lines = range(50 * k, 50 * k + 12)
        (folder / f"f{k}_ru.txt").write_text("\n\n".join(ru[i] for i in lines) + "\n", "utf-8")
        (folder / f"f{k}_zh.txt").write_text("\n\n".join(zh[i] for i in lines) + "\n", "utf-8")
    paths = [*seed_paths(), *sorted(folder.glob("f*.txt"))]
    documents = [read_document(p) for p in paths]
    return documents, [f"fp-{d.name}" for d in documents]


def test_kept_passages_equal_the_fresh_ones(tmp_path: Path, shared_data: Path) -> None:
    documents, fingerprints = _corpus(tmp_path, shared_data)
    fresh = passages_stage(documents, fingerprints, 1, Cache(None), quiet=True)
    assert any(p.kind == "abstract" for p in fresh) and any(p.kind == "document" for p in fresh)
    stored = decode(StoredPassages, json.loads(json.dumps(encode(StoredPassages.of(fresh)))))
    assert stored.passages(documents) == fresh
    cache = Cache(tmp_path / "cache")
    assert passages_stage(documents, fingerprints, 1, cache, quiet=True) == fresh
    hits = cache.hits
    assert passages_stage(documents, fingerprints, 1, cache, quiet=True) == fresh
    assert cache.found["passages"] == 1 and cache.hits == hits + 1  # only the whole entry was read


def test_an_entry_that_does_not_fit_its_documents_is_not_used(tmp_path: Path, shared_data: Path) -> None:
    documents, fingerprints = _corpus(tmp_path, shared_data)
    fresh = passages_stage(documents, fingerprints, 1, Cache(None), quiet=True)
    stored = StoredPassages.of(fresh)
    first = stored.pairs[0]
    for wrong in (replace(first, ru_count=first.ru_count + 1), replace(first, zh_doc="elsewhere")):
        assert StoredPassages((wrong, *stored.pairs[1:])).passages(documents) is None
    data = encode(first)
    data["beads"][0]["src"] = [first.ru_count]  # one sentence past the passage's end
    with pytest.raises(CodecError):
        decode(type(first), data)
