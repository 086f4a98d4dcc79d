"""Page keys of the report (what a rebuild keeps) and pages rendered on forked workers."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from ruzh.pipeline.pages import CHUNK, report_files
from ruzh.report import Site
from ruzh.results import BuildResult


class _Count:
    def __init__(self) -> None:
        self.total = self.done = 0

    def grow(self, extra: int) -> None:
        self.total += extra

    def advance(self, step: int = 1) -> None:
        self.done += step


def test_workers_render_the_same_pages_as_one_process(
    seed_result: BuildResult, seed_pages: dict[str, str], tmp_path: Path
) -> None:
    assert len(seed_pages) > CHUNK  # several tasks: the pages are made on the workers
    count = _Count()
    pages = report_files(seed_result, 2, tmp_path, {}, count)
    assert pages.texts == seed_pages and list(pages.texts) == list(seed_pages)  # entry page last
    assert pages.kept == 0 and count.done == count.total == len(seed_pages)
    assert set(pages.keys) == {n for n in seed_pages if n.startswith(("report/pair-", "report/doc-"))}


def test_a_page_is_kept_only_with_its_key_and_its_hash(seed_result: BuildResult, tmp_path: Path) -> None:
    first = report_files(seed_result, 1, tmp_path, {}, _Count())
    for name, text in first.texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    sha = {n: hashlib.sha256((tmp_path / n).read_bytes()).hexdigest() for n in first.keys}
    previous = {n: (k, sha[n]) for n, k in first.keys.items()}
    again = report_files(seed_result, 1, tmp_path, previous, _Count())
    assert again.kept == len(first.keys) and again.texts == first.texts
    name = next(iter(first.keys))
    wrong = {**previous, name: (previous[name][0], "0" * 64)}
    assert report_files(seed_result, 1, tmp_path, wrong, _Count()).kept == len(first.keys) - 1


def test_keys_follow_what_a_page_reads(seed_result: BuildResult) -> None:
    """A finding or a glossary term that changes what a pair page shows changes its key; reordering
    the glossary does not."""
    site = Site(seed_result)
    pair = next(n for n in site.names() if n.startswith("report/pair-"))
    base = site.inputs(pair)
    assert base is not None and site.inputs("report.html") is None
    reordered = replace(seed_result, glossary=tuple(reversed(seed_result.glossary)))
    assert Site(reordered).inputs(pair) == base
    fewer_terms = replace(seed_result, glossary=seed_result.glossary[1:])
    assert Site(fewer_terms).inputs(pair) != base
    fewer_findings = replace(seed_result, findings=seed_result.findings[1:])
    changed = [n for n in site.names() if site.inputs(n) != Site(fewer_findings).inputs(n)]
    assert changed  # the page that showed the finding's flag


def test_workers_write_their_pages_into_the_staging_folder(
    seed_result: BuildResult, seed_pages: dict[str, str], tmp_path: Path
) -> None:
    """With a staging folder the workers write every page they render into it (no text travels back
    to the main process); a page kept from the last build stays where it is, with its hash."""
    first = report_files(seed_result, 1, tmp_path, {}, _Count())
    kept_name = next(iter(first.keys))
    (tmp_path / kept_name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / kept_name).write_text(first.texts[kept_name], encoding="utf-8")
    sha = hashlib.sha256((tmp_path / kept_name).read_bytes()).hexdigest()
    staging = tmp_path / "staging"
    pages = report_files(
        seed_result, 2, tmp_path, {kept_name: (first.keys[kept_name], sha)}, _Count(), staging
    )
    assert pages.names == list(seed_pages) and pages.kept == 1 and pages.texts == {}
    assert pages.left == {kept_name: sha} and not (staging / kept_name).exists()
    assert (tmp_path / kept_name).read_text(encoding="utf-8") == seed_pages[kept_name]
    for name in pages.names:
        if name != kept_name:
            assert (staging / name).read_text(encoding="utf-8") == seed_pages[name], name
