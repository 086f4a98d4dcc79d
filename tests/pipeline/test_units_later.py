"""The glossary's sentence units are read from the cache only when the links must be made again: an
edit that changes no translation unit keeps the links and reads none of them, and a units entry
damaged after the build found it is computed again, with the outputs of a fresh build."""

from __future__ import annotations

from pathlib import Path

from ruzh.glossary.lazy import Later

from ruzh.pipeline import OUTPUT_FILES
from ruzh.pipeline.build import BuildOptions, build


def _corpus(shared_data: Path, folder: Path) -> Path:
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    folder.mkdir()
    for k in range(3):
        (folder / f"p{k}_ru.txt").write_text("\n\n".join(ru[20 * k : 20 * k + 15]) + "\n", encoding="utf-8")
        (folder / f"p{k}_zh.txt").write_text("\n\n".join(zh[20 * k : 20 * k + 15]) + "\n", encoding="utf-8")
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES if name != "memory.tmx"}


def test_kept_links_read_no_units_and_damaged_units_are_made_again(shared_data: Path, tmp_path: Path) -> None:
    corpus, out = _corpus(shared_data, tmp_path / "corpus"), tmp_path / "out"
    options = BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=tmp_path / "cache", quiet=True)
    _, first = build(options)
    assert first.missed["pairing-units"] == 3 and first.missed["links"] == 1
    with (corpus / "p1_ru.txt").open("a", encoding="utf-8") as handle:  # a sentence left unaligned
        handle.write("\nЭто предложение добавлено при правке документа.\n")
    _, appended = build(options)
    assert appended.missed["glossary"] == 1 and appended.found["links"] == 1
    assert "pairing-units" not in appended.found and "pairing-units" not in appended.missed
    for entry in (tmp_path / "cache" / "pairing-units").rglob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-2] + b"]}")  # damaged: its checksum no longer fits
    edited = corpus / "p2_ru.txt"
    edited.write_text("Итак, " + edited.read_text(encoding="utf-8"), encoding="utf-8")
    _, changed = build(options)
    assert changed.missed["links"] == 1 and changed.missed["pairing-units"] == 3  # 1 new, 2 damaged
    incremental = _outputs(out)
    build(BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=None, quiet=True))
    assert _outputs(out) == incremental


def test_later_makes_its_items_once_when_first_asked() -> None:
    calls: list[int] = []
    items = Later(lambda: calls.append(1) or [3, 4, 5])
    assert not items.made and calls == []
    assert len(items) == 3 and list(items) == [3, 4, 5] and items[1:] == [4, 5] and items[0] == 3
    assert items.made and calls == [1]
