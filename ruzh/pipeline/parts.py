"""What one document contributes to the glossary (termbase attestation, Russian and Chinese
candidate counts), counted on the pipeline's workers (:mod:`ruzh.pipeline.counting`) and cached by
the document's content.

The glossary merges these parts in corpus order, which gives exactly the result of one pass over the
corpus; so after an edit only the edited document is counted again. Parts are stored as plain data
by columns (:mod:`ruzh.pipeline.partdata`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ruzh.align.types import Document
from ruzh.glossary.attest import Attester
from ruzh.glossary.parts import DocumentPart, combined, count_document
from ruzh.glossary.termbase import Concept
from ruzh.pipeline.cache import Cache
from ruzh.pipeline.partdata import StoredPart, restored, stored

_WORKER_ATTESTER: Attester | None = None
_WORKER_CACHE = Cache(None)


def start_worker(concepts: Sequence[Concept], folder: Path | None) -> None:
    global _WORKER_ATTESTER, _WORKER_CACHE
    _WORKER_ATTESTER = Attester(concepts)
    _WORKER_CACHE = Cache(folder)


def count_and_store(document: Document, name: str) -> tuple[DocumentPart, StoredPart]:
    """Count one document and store its part under ``name`` (in the worker: encoding the part is
    a good share of the work, and the main process has the corpus-wide stages to run); the part,
    and the part as data."""
    assert _WORKER_ATTESTER is not None
    part = count_document(document, _WORKER_ATTESTER)
    data = stored(part)
    _WORKER_CACHE.put(name, "glossary-parts", data)
    return part, data


def combine_counted(found: Sequence[DocumentPart], name: str) -> StoredPart:
    """A group's combined part from the parts just counted, stored under the group's key and
    returned as data (the parts themselves need not be restored from their data first)."""
    part = stored(combined(found))
    _WORKER_CACHE.put(name, "glossary-groups", part)
    return part


def combine_and_store(group: tuple[str, tuple[str, ...]]) -> StoredPart | None:
    """A group's combined part from its members' stored parts, stored under the group's key (and
    sent back as data: restoring it costs the main process half what unpickling the part does);
    ``None`` when a part is not in the cache (the main process combines that group)."""
    name, members = group
    found = [_WORKER_CACHE.get(k, "glossary-parts", StoredPart) for k in members]
    if any(f is None for f in found):
        return None
    part = stored(combined([restored(f) for f in found if f is not None]))
    _WORKER_CACHE.put(name, "glossary-groups", part)
    return part
