"""Real parallel sentences for the TMX tests, read from ``../shared/data`` (FLORES-200 devtest)."""

from __future__ import annotations

from pathlib import Path

from ruzh.tmx.types import TranslationUnit


def flores_pairs(data: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """Line-parallel (ru, zh) pairs of the FLORES-200 devtest, trimmed as sentences are."""
    folder = data / "flores200_devtest"
    ru = (folder / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (folder / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    return [(r.strip(), z.strip()) for r, z in zip(ru, zh, strict=True)][:limit]


def flores_units(data: Path, limit: int | None = None) -> list[TranslationUnit]:
    """FLORES pairs as units with provenance, as the aligner would give them."""
    return [
        TranslationUnit(
            ru,
            zh,
            doc="flores.ru",
            zh_doc="flores.zh",
            role="body",
            bead="1-1",
            score=round(0.5 + (i % 50) / 100, 4),
            ru_line=i + 1,
            zh_line=i + 1,
        )
        for i, (ru, zh) in enumerate(flores_pairs(data, limit))
    ]
