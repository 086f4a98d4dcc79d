"""The report's pages for a build: the ones whose inputs did not change kept from the output
folder, the others rendered, all on the pipeline's pool.

A page of a passage or of a document has a key: the code version and the digest of everything it is
made of (:meth:`ruzh.report.Site.inputs`). The output folder's manifest records each page's key and
hash; a page whose key is unchanged and whose file still has the recorded hash is taken as it is.
Pages are never taken from the cache folder (which may be shared): markup only ever comes from this
build's renderer or from this output folder's own earlier build of the same page.

The main process only decides the pages and their anchors (:class:`~ruzh.report.Site`); each page's
key, the look at its earlier file and its rendering happen on forked workers, which write the page
into the staging folder themselves (in a build they are most of the report's work: an edit keeps
nearly every page but still has to know each one's key). A kept page is left where it stands, not
copied into the staging folder: its bytes are those the new set holds, and copying and renaming the
~1,500 kept pages of a 500-pair edit cost it seconds of disk work.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruzh.pipeline.cache import key
from ruzh.pipeline.pool import worker_pool
from ruzh.report import Site
from ruzh.report.render import PageProgress
from ruzh.results import BuildResult

CHUNK = 16  # pages per task


@dataclass
class Pages:
    """The report's files by name (entry page last), each page's key, how many pages were kept.
    ``texts`` holds the files still to write (all of them without a staging folder; none with one:
    every page was written into it or left in place), ``names`` the names of every file in order,
    ``left`` the kept pages left in the output folder (not staged), with their hashes."""

    texts: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    kept: int = 0
    names: list[str] = field(default_factory=list)
    left: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Job:
    """What a page's worker reads of the main process (forked, nothing is sent)."""

    site: Site
    folder: Path
    previous: Mapping[str, tuple[str, str]]
    staging: Path | None


@dataclass(frozen=True, slots=True)
class _Done:
    """One page: its key (pages of passages and documents), whether it was kept, and its text when
    it was not written into the staging folder."""

    key: str | None
    kept: bool
    text: str | None


_JOB: _Job | None = None  # what a forked worker works on


def _kept(folder: Path, name: str, sha256: str) -> bytes | None:
    """The earlier page, if the file is still the one the manifest recorded."""
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def _put(path: Path, data: bytes) -> None:
    """A page into the staging folder, which this build made empty (``x``: nothing is written
    through a name that already stands there)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:
        handle.write(data)


def _page(job: _Job, name: str) -> _Done:
    """One page kept or rendered; a rendered one is written into the staging folder when there is
    one, a kept one stays where it is."""
    inputs = job.site.inputs(name)
    page_key = key("report-page", name, inputs) if inputs is not None else None
    earlier = job.previous.get(name)
    data = None
    if page_key is not None and earlier is not None and earlier[0] == page_key:
        data = _kept(job.folder, name, earlier[1])
    kept = data is not None
    if data is None:
        text = job.site.render(name)
        if job.staging is None:
            return _Done(page_key, False, text)
        data = text.encode("utf-8")
    if job.staging is None:
        return _Done(page_key, True, data.decode("utf-8"))
    if not kept:
        _put(job.staging / name, data)
    return _Done(page_key, kept, None)


def _task(names: list[str]) -> list[_Done]:
    """Worker: some pages of the site the main process built before forking."""
    assert _JOB is not None
    return [_page(_JOB, name) for name in names]


def report_files(
    result: BuildResult,
    jobs: int,
    folder: Path,
    previous: Mapping[str, tuple[str, str]],
    progress: PageProgress,
    staging: Path | None = None,
) -> Pages:
    """Every file of the report; ``previous`` maps a page of ``folder`` to its (key, hash) as the
    manifest recorded them; ``progress`` counts the pages as they are done; with ``staging`` every
    rendered page is written into it (by the worker that made it) and every kept page is left in
    ``folder`` (see :attr:`Pages.left`), else the texts are returned."""
    site = Site(result)
    site.prepare()  # what every page's key reads, once here rather than in each worker
    names = site.names()
    progress.grow(len(names))
    done = _all(_Job(site, folder, previous, staging), names, jobs, progress.advance)
    out = Pages(names=names)
    for name, page in zip(names, done, strict=True):
        if page.key is not None:
            out.keys[name] = page.key
        out.kept += page.kept
        if page.kept and staging is not None:
            out.left[name] = previous[name][1]
        if page.text is not None:
            out.texts[name] = page.text
    return out


def _all(job: _Job, names: Sequence[str], jobs: int, advance: Callable[[int], None]) -> list[_Done]:
    """Every page, here or on ``jobs`` forked workers that share this process's site."""
    global _JOB
    chunks = [list(names[k : k + CHUNK]) for k in range(0, len(names), CHUNK)]
    done: list[_Done] = []
    if jobs > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        _JOB = job
        try:
            with worker_pool(jobs, context=multiprocessing.get_context("fork")) as pool:
                for pages in pool.map(_task, chunks):
                    done.extend(pages)
                    advance(len(pages))
        finally:
            _JOB = None
        return done
    for chunk in chunks:
        done.extend(_page(job, name) for name in chunk)
        advance(len(chunk))
    return done
