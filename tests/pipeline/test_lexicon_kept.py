"""The build's aligner lexicon kept in the cache: the same lexicon, read instead of parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruzh import lexicon as lexicon_module
from ruzh.pipeline.cache import Cache
from ruzh.pipeline.lexicon import build_lexicon


def _never_loaded(*_: object) -> None:
    raise AssertionError("the lexicon was parsed again")


def test_a_kept_lexicon_is_the_loaded_one_and_spares_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = lexicon_module.aligner_lexicon()
    cache = Cache(tmp_path)
    assert build_lexicon(cache) is loaded  # this process's lexicon, and now kept
    assert cache.missed == {"lexicon": 1}
    monkeypatch.setattr(lexicon_module, "_LOADED", {})  # a new process
    monkeypatch.setattr(lexicon_module, "_load", _never_loaded)
    kept = build_lexicon(cache)
    assert cache.hits == 1
    assert kept is lexicon_module.aligner_lexicon()  # every stage of the build gets the kept one
    assert list(kept.entries.items()) == list(loaded.entries.items())  # the same entries in the same order
    assert kept.sources == loaded.sources and kept.signature() == loaded.signature()
    assert any(" " in ru for ru in kept.entries)  # the termbase's lemmatised phrases are there too


def test_a_damaged_kept_lexicon_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = lexicon_module.aligner_lexicon()
    cache = Cache(tmp_path)
    build_lexicon(cache)
    entry = next(tmp_path.rglob("*.json"))
    raw = bytearray(entry.read_bytes())
    raw[len(raw) // 2] ^= 0x55
    entry.write_bytes(bytes(raw))
    monkeypatch.setattr(lexicon_module, "_LOADED", {})
    again = build_lexicon(cache)
    assert cache.rejected == 1
    assert again is not loaded and list(again.entries.items()) == list(loaded.entries.items())
