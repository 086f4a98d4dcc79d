"""An interrupted build leaves no staged file behind, not even a page a worker wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.seeds import seed_paths

import ruzh.pipeline.build as pipeline_build
from ruzh.pipeline import outdir
from ruzh.pipeline.build import BuildOptions, build


def test_an_interrupt_after_the_workers_wrote_pages_removes_the_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in seed_paths():
        (corpus / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    staged: list[str] = []

    def interrupted(texts: dict[str, str], folder: Path) -> list[str]:
        staged.extend(p.name for p in (folder / "report").glob("*.html"))  # the workers' pages
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline_build, "write_report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(inputs=(corpus,), output=out, jobs=2, cache_dir=None, quiet=True))
    assert len(staged) > 8  # rendered and written on the pool
    assert not (out / outdir.STAGING).exists()
    assert not (out / "report.html").exists() and not (out / "memory.tmx").exists()


def test_kept_pages_stay_in_place_and_the_next_run_finds_the_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit leaves the pages it keeps where they stand (the same files, not copies), and the
    manifest records their hashes: a run after it finds every output as recorded and rewrites none."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in seed_paths():
        (corpus / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    options = BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=out / ".ruzh-cache", quiet=True)
    build(options)
    pages = sorted((out / "report").glob("*.html"))
    inodes = {p.name: p.stat().st_ino for p in pages}
    edited = next(p for p in sorted(corpus.iterdir()) if p.suffix == ".txt")
    with edited.open("a", encoding="utf-8") as handle:
        handle.write("\nЭто предложение добавлено при правке.\n")
    _, stats = build(options)
    kept = [p for p in pages if p.stat().st_ino == inodes[p.name]]
    assert stats.report_kept > 0 and len(kept) >= stats.report_kept
    written = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file() and ".ruzh-cache" not in p.parts}
    build(options)
    assert {p: p.stat().st_ino for p in written} == written
