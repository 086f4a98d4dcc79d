"""Read a corpus, several documents at a time, reusing cached documents whose bytes are unchanged."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ruzh.align.reader import read_document
from ruzh.align.types import Document
from ruzh.core.errors import InputError
from ruzh.core.inputs import printable, read_input
from ruzh.pipeline.cache import Cache, key
from ruzh.progress import Progress


def _read(path: str, encoding: str | None) -> Document | InputError:
    """Worker: a document, or the error that explains why it cannot be read."""
    try:
        return read_document(path, encoding)
    except InputError as exc:
        return exc


def _document_key(path: Path, encoding: str | None) -> str | None:
    try:
        data = read_input(path)
    except InputError:
        return None  # the reader reports it properly
    return key("document", printable(path), encoding or "", data)


def read_corpus(
    paths: Sequence[Path], jobs: int, cache: Cache, encoding: str | None = None, quiet: bool = False
) -> tuple[list[Document], list[str], list[InputError]]:
    """Documents in the order of ``paths``, each with its content key (a hash of its bytes, path and
    encoding: corpus-wide results are keyed by these, so no file is read twice), and the errors of
    unreadable files."""
    keys = [_document_key(p, encoding) for p in paths]
    results: list[Document | InputError | None] = [cache.get(k, "documents") if k else None for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    fresh = set(todo)
    with Progress("reading", len(todo), quiet) as bar:
        if jobs > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = [pool.submit(_read, str(paths[i]), encoding) for i in todo]
                for i, future in zip(todo, futures, strict=True):
                    results[i] = future.result()
                    bar.advance()
        else:
            for i in todo:
                results[i] = _read(str(paths[i]), encoding)
                bar.advance()
    documents: list[Document] = []
    fingerprints: list[str] = []
    errors: list[InputError] = []
    for i, result in enumerate(results):
        if isinstance(result, Document) and keys[i]:
            documents.append(result)
            fingerprints.append(str(keys[i]))
            if i in fresh:
                cache.put(str(keys[i]), "documents", result)
        elif isinstance(result, InputError):
            errors.append(result)
    return documents, fingerprints, errors
