"""What one document contributes to the glossary (termbase attestation, Russian and Chinese
candidate counts), counted in parallel and cached by the document's content.

The glossary merges these parts in corpus order, which gives exactly the result of one pass over the
corpus; so after an edit only the edited document is counted again. Parts are stored as plain data
by columns (:mod:`ruzh.pipeline.partdata`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ruzh.align.types import Document
from ruzh.glossary.attest import Attester
from ruzh.glossary.parts import DocumentPart, count_document, load_models
from ruzh.glossary.termbase import Concept
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.partdata import StoredPart, restored, stored
from ruzh.pipeline.pool import worker_pool

_WORKER_ATTESTER: Attester | None = None
_WORKER_CACHE = Cache(None)


def _start_worker(concepts: Sequence[Concept], folder: Path | None) -> None:
    global _WORKER_ATTESTER, _WORKER_CACHE
    _WORKER_ATTESTER = Attester(concepts)
    _WORKER_CACHE = Cache(folder)


def _count(document: Document, name: str) -> StoredPart:
    """Count one document and store its part under ``name`` (in the worker: encoding the part is
    a good share of the work, and the main process has the corpus-wide stages to run)."""
    assert _WORKER_ATTESTER is not None
    part = stored(count_document(document, _WORKER_ATTESTER))
    _WORKER_CACHE.put(name, "glossary-parts", part)
    return part


def document_parts(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    concepts: Sequence[Concept],
    concepts_key: str,
    jobs: int,
    cache: Cache,
    advance: Callable[[int], None] | None = None,
) -> list[DocumentPart]:
    """Every document's part in corpus order: cached ones reused, the others counted (and stored)
    on ``jobs`` processes. ``concepts_key`` names the concepts counted (termbase and reviewed rows);
    ``advance(n)`` is called as documents are done."""
    tick = advance or (lambda _: None)
    keys = [key("glossary-part", concepts_key, f) for f in fingerprints]
    found: list[StoredPart | None] = [cache.get(k, "glossary-parts", StoredPart) for k in keys]
    tick(sum(1 for part in found if part is not None))
    todo = [i for i, part in enumerate(found) if part is None]
    docs, names = [documents[i] for i in todo], [keys[i] for i in todo]
    if jobs > 1 and len(todo) > 1:
        load_models()  # once, before the workers fork
        with worker_pool(jobs, _start_worker, (list(concepts), cache.folder)) as pool:
            _keep(todo, pool.map(_count, docs, names, chunksize=4), found, tick)
    else:
        _start_worker(concepts, cache.folder)
        _keep(todo, map(_count, docs, names), found, tick)
    return [restored(part) for part in found if part is not None]


def _keep(
    todo: Sequence[int],
    fresh: Iterable[StoredPart],
    found: list[StoredPart | None],
    tick: Callable[[int], None],
) -> None:
    """Take the counted parts as they arrive."""
    for i, part in zip(todo, fresh, strict=True):
        found[i] = part
        tick(1)
