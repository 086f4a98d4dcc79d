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
