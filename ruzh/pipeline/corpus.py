"""The corpus of a build: which files are documents, their identities, and reading them (cached).

A document's identity is its path relative to the folder the inputs share (``a/paper.txt`` and
``b/paper.txt`` stay two documents): it names the document in the TMX (``x-doc``), in
unaligned.tsv, in the findings and in the report. The build's own output folder, its cache and its
staging folder are never read as input, so ``cd corpus && ruzh build .`` twice reads the same files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ruzh.align.morphology import analyzer
from ruzh.align.reader import expand_inputs, read_document
from ruzh.align.types import Document
from ruzh.core.errors import InputError
from ruzh.core.inputs import printable, read_input
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.docdata import StoredDocument
from ruzh.pipeline.outdir import HIDDEN
from ruzh.pipeline.pool import worker_pool
from ruzh.progress import Progress


@dataclass(frozen=True, slots=True)
class CorpusFile:
    """A document file and its identity in the corpus."""

    path: Path
    ident: str


def _inside(path: str, folder: str | None) -> bool:
    """Whether the resolved ``path`` is ``folder`` or under it (resolved paths as strings: pathlib's
    own test costs more than the rest of listing a corpus)."""
    return folder is not None and (path == folder or path.startswith(folder.rstrip("/") + "/"))


def _resolved(path: Path, folders: dict[str, str]) -> str:
    """``path.resolve()``, with each folder resolved once: a file that is not a link resolves to its
    folder's resolved path and its own name."""
    text = os.fspath(path)
    parent, name = os.path.split(text)
    real = folders.get(parent)
    if real is None:
        real = folders[parent] = os.path.realpath(parent or ".")
    return os.path.realpath(text) if os.path.islink(text) else os.path.join(real, name)


def corpus_files(
    inputs: Sequence[Path], output: Path, cache_dir: Path | None, output_names: Sequence[str]
) -> list[CorpusFile]:
    """Document files under ``inputs`` (each once), without the build's own outputs and caches."""
    out = str(output.resolve())
    cache = str(cache_dir.resolve()) if cache_dir else None
    hidden = [os.path.join(out, h) for h in HIDDEN]
    roots = [str(p.resolve() if p.is_dir() else p.resolve().parent) for p in inputs]
    base = os.path.commonpath(roots) if roots else str(Path.cwd())
    out_apart = out != base and not any(_inside(r, out) for r in roots)  # inside the corpus folder
    seen: set[str] = set()
    folders: dict[str, str] = {}
    files: list[CorpusFile] = []
    for path in expand_inputs(inputs):
        real = _resolved(path, folders)
        if real in seen or _inside(real, cache) or any(_inside(real, h) for h in hidden):
            continue
        folder, name = os.path.split(real)
        if folder == out and name in output_names:
            continue  # a previous build's glossary-omegat.txt is not a document
        if out_apart and _inside(real, out):
            continue  # the output folder inside the corpus folder
        seen.add(real)
        relative = os.path.relpath(real, base) if _inside(real, base) else path.name
        files.append(CorpusFile(path, printable(relative)))
    return files


def named(document: Document, ident: str) -> Document:
    """The document under its corpus identity (its sentences too: they carry their document's name)."""
    if document.name == ident:
        return document
    blocks = tuple(
        replace(b, doc=ident, sentences=tuple(replace(s, doc=ident) for s in b.sentences))
        for b in document.blocks
    )
    return replace(document, name=ident, blocks=blocks)


def _read(
    path: str, ident: str, encoding: str | None, store: tuple[Path, str] | None = None
) -> Document | InputError:
    """Worker: a document, or the error that explains why it cannot be read; a document read is
    kept under ``store`` (cache folder, key) when given (the main process need not encode it)."""
    try:
        document = named(read_document(path, encoding), ident)
    except InputError as exc:
        return exc
    if store is not None:
        Cache(store[0]).put(store[1], "documents", StoredDocument.of(document))
    return document


def _document_key(file: CorpusFile, encoding: str | None) -> str | None:
    try:
        data = read_input(file.path)
    except InputError:
        return None  # the reader reports it properly
    return key("document", printable(file.path), file.ident, encoding or "", data)


def read_corpus(
    files: Sequence[CorpusFile],
    jobs: int,
    cache: Cache,
    encoding: str | None = None,
    quiet: bool = False,
    meanwhile: Callable[[], object] | None = None,
    arrived: Callable[[Document], object] | None = None,
) -> tuple[list[Document], list[str], list[InputError]]:
    """Documents in the order of ``files``, each with its content key (a hash of its bytes, path,
    identity and encoding: corpus-wide results are keyed by these, so no file is read twice), and
    the errors of unreadable files. ``meanwhile`` runs in this process while workers read (when
    they do), instead of its waiting for them, and then ``arrived`` on each document they read, as
    it arrives (what the pools forked later need of it is prepared before they fork)."""
    keys = [_document_key(f, encoding) for f in files]
    kept = [cache.get(k, "documents", StoredDocument) if k else None for k in keys]
    results: list[Document | InputError | None] = [d.document() if d else None for d in kept]
    todo = [i for i, r in enumerate(results) if r is None]
    fresh = set(todo)
    with Progress("reading", len(files), quiet) as bar:
        bar.advance(len(files) - len(todo))  # from the cache
        if jobs > 1 and len(todo) > 1:
            folder = cache.folder
            analyzer()  # the reader's (hyphenation): loaded once here, not by each worker
            with worker_pool(jobs) as pool:
                futures = [
                    pool.submit(
                        _read,
                        str(files[i].path),
                        files[i].ident,
                        encoding,
                        (folder, str(keys[i])) if folder is not None and keys[i] else None,
                    )
                    for i in todo
                ]
                if meanwhile is not None:
                    meanwhile()
                for i, future in zip(todo, futures, strict=True):
                    results[i] = read = future.result()
                    if arrived is not None and isinstance(read, Document):
                        arrived(read)
                    bar.advance()
            fresh.clear()  # the workers kept what they read
        else:
            for i in todo:
                results[i] = _read(str(files[i].path), files[i].ident, encoding)
                bar.advance()
    documents: list[Document] = []
    fingerprints: list[str] = []
    errors: list[InputError] = []
    for i, result in enumerate(results):
        if isinstance(result, Document) and keys[i]:
            documents.append(result)
            fingerprints.append(str(keys[i]))
            if i in fresh:
                cache.put(str(keys[i]), "documents", StoredDocument.of(result))
        elif isinstance(result, InputError):
            errors.append(result)
    return documents, fingerprints, errors
