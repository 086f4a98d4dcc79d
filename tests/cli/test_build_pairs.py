"""``ruzh build`` finds which documents translate each other, on FLORES-200 text the tests did not tune."""

from __future__ import annotations

from pathlib import Path

from ruzh.pipeline.build import BuildOptions, build


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def test_translated_documents_are_paired_and_aligned(shared_data: Path, tmp_path: Path) -> None:
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # names do not give the pairing away: the Chinese files are in the other order
    _write(corpus / "a_ru.txt", ru[100:125])
    _write(corpus / "b_ru.txt", ru[400:430])
    _write(corpus / "x_zh.txt", zh[400:430])
    _write(corpus / "y_zh.txt", zh[100:125])
    result, stats = build(BuildOptions(inputs=(corpus,), output=tmp_path / "out", jobs=1, quiet=True))
    pairs = {(p.ru_doc, p.zh_doc) for p in result.passages}
    assert pairs == {("a_ru.txt", "y_zh.txt"), ("b_ru.txt", "x_zh.txt")}  # identities: relative paths
    assert all(p.kind == "document" and p.score > 0.8 for p in result.passages)
    one_to_one = sum(1 for p in result.passages for b in p.beads if b.kind == "1-1")
    assert one_to_one >= 50  # of 55 sentence pairs; the rest may merge or split as the reader splits
    assert stats.unaligned <= 10
