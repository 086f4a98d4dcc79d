"""The report's pages for a build: the ones whose inputs did not change kept from the output
folder, the others rendered on the pipeline's pool.

A page of a passage or of a document has a key: the code version and the digest of everything it is
made of (:meth:`ruzh.report.Site.inputs`). The output folder's manifest records each page's key and
hash; a page whose key is unchanged and whose file still has the recorded hash is taken as it is.
Pages are never taken from the cache folder (which may be shared): markup only ever comes from this
build's renderer or from this output folder's own earlier build of the same page.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruzh.pipeline.cache import key
from ruzh.pipeline.pool import worker_pool
from ruzh.report import Site, write_report
from ruzh.report.render import PageProgress
from ruzh.results import BuildResult

CHUNK = 8  # pages per task

_WORKER_SITE: tuple[Site, Path | None] | None = None  # what a forked worker renders, and where to


@dataclass
class Pages:
    """The report's files by name (entry page last), each page's key, how many pages were kept.
    ``texts`` holds the files still to write: the ones a worker wrote into the staging folder
    itself are only in ``names``, the names of every file in order."""

    texts: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    kept: int = 0
    names: list[str] = field(default_factory=list)


def _render(names: list[str]) -> list[str | None]:
    """Worker: some pages of the site the main process built before forking, written into the
    staging folder when there is one (``None`` for those: the text need not travel back)."""
    assert _WORKER_SITE is not None
    site, staging = _WORKER_SITE
    texts = {name: site.render(name) for name in names}
    if staging is None:
        return list(texts.values())
    write_report(texts, staging)
    return [None] * len(names)


def _kept(folder: Path, name: str, sha256: str) -> str | None:
    """The earlier page, if the file is still the one the manifest recorded."""
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    return data.decode("utf-8") if hashlib.sha256(data).hexdigest() == sha256 else None


def report_files(
    result: BuildResult,
    jobs: int,
    folder: Path,
    previous: Mapping[str, tuple[str, str]],
    progress: PageProgress,
    staging: Path | None = None,
) -> Pages:
    """Every file of the report; ``previous`` maps a page of ``folder`` to its (key, hash) as the
    manifest recorded them; ``progress`` counts the pages as they are done; pages rendered on
    workers are written by them into ``staging`` when it is given."""
    site = Site(result)
    progress.grow(len(site.names()))
    advance = progress.advance
    out = Pages()
    todo: list[str] = []
    for name in site.names():
        inputs = site.inputs(name)
        if inputs is not None:
            out.keys[name] = key("report-page", name, inputs)
        earlier = previous.get(name)
        text = _kept(folder, name, earlier[1]) if earlier and earlier[0] == out.keys.get(name) else None
        if text is None:
            todo.append(name)
        else:
            out.texts[name] = text
            out.kept += 1
    advance(out.kept)
    rendered = dict(zip(todo, _render_all(site, todo, jobs, advance, staging), strict=True))
    out.names = site.names()
    texts = ((name, out.texts[name] if name in out.texts else rendered[name]) for name in out.names)
    out.texts = {name: text for name, text in texts if text is not None}
    return out


def _render_all(
    site: Site, names: Sequence[str], jobs: int, advance: Callable[[int], None], staging: Path | None
) -> list[str | None]:
    """The pages rendered here, or on ``jobs`` forked workers that share this process's site (and
    write them into ``staging`` when it is given: ``None`` for those)."""
    global _WORKER_SITE
    chunks = [list(names[k : k + CHUNK]) for k in range(0, len(names), CHUNK)]
    texts: list[str | None] = []
    if jobs > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        if any("/pair-" in name for name in names):
            site.marker  # noqa: B018 (built once here, before the workers are forked, not in each)
        _WORKER_SITE = (site, staging)
        try:
            with worker_pool(jobs, context=multiprocessing.get_context("fork")) as pool:
                for done in pool.map(_render, chunks):
                    texts.extend(done)
                    advance(len(done))
        finally:
            _WORKER_SITE = None
        return texts
    for chunk in chunks:
        texts.extend(site.render(name) for name in chunk)
        advance(len(chunk))
    return texts
