"""Cache entries are written beside their name and renamed into place: nothing planted at the name
is written through, and no temporary file is left."""

from __future__ import annotations

import os
from pathlib import Path

from ruzh.align.types import Bead

from ruzh.pipeline.cache import Cache
from ruzh.pipeline.passages import StoredBeads

ENTRY = StoredBeads((Bead((0,), (0,), 0.75), Bead((1, 2), (1,), 0.5)))


def _entry(folder: Path) -> Path:
    return Path(Cache(folder)._path("ab" * 32, "beads"))


def test_an_entry_is_stored_in_a_folder_made_on_demand(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    cache.put("ab" * 32, "beads", ENTRY)
    assert cache.get("ab" * 32, "beads", StoredBeads) == ENTRY
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == [f"{'ab' * 32}.json"]


def test_a_planted_link_or_fifo_is_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    entry = _entry(tmp_path / "cache")
    entry.parent.mkdir(parents=True)
    entry.symlink_to(outside)
    Cache(tmp_path / "cache").put("ab" * 32, "beads", ENTRY)
    assert outside.read_text(encoding="utf-8") == "keep" and not entry.is_symlink()
    entry.unlink()
    os.mkfifo(entry)  # opening it for writing would block the build
    Cache(tmp_path / "cache").put("ab" * 32, "beads", ENTRY)
    assert entry.is_file() and Cache(tmp_path / "cache").get("ab" * 32, "beads", StoredBeads) == ENTRY


def test_a_folder_planted_at_the_name_is_only_a_miss(tmp_path: Path) -> None:
    entry = _entry(tmp_path / "cache")
    entry.mkdir(parents=True)
    cache = Cache(tmp_path / "cache")
    cache.put("ab" * 32, "beads", ENTRY)  # not stored, no error
    assert cache.get("ab" * 32, "beads", StoredBeads) is None
    assert not [p for p in entry.parent.iterdir() if p.name.endswith(".part")]
