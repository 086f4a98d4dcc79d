"""The corpus's choice of lemmas kept in a build's cache by the forms it was made of."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruzh.align import morphology
from ruzh.glossary import corpus_lemmas as lemmas
from ruzh.glossary.corpus_lemmas import corpus_lemmas, corpus_spellings
from ruzh.seeds import seed_paths

from ruzh.pipeline import stages
from ruzh.pipeline.cache import Cache, key

PROTEIN = ["Белки состоят из аминокислот.", "Синтез белков идёт в клетке.", "Растительные белки полезны."]


def _never_chosen(*_: object) -> None:
    raise AssertionError("the lemmas were chosen again")


def test_a_kept_choice_is_the_one_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [line for path in seed_paths() for line in path.read_text(encoding="utf-8").splitlines()]
    spellings = corpus_spellings(texts + PROTEIN)
    made = corpus_lemmas(spellings)
    assert made.get("белка") == "белок"
    cache = Cache(tmp_path)
    assert stages.cached_lemmas(cache)(spellings) == made
    assert cache.missed == {"corpus-lemmas": 1, "noun-readings": 1}
    monkeypatch.setattr(stages, "corpus_lemmas", _never_chosen)
    kept = stages.cached_lemmas(cache)({k: set(v) for k, v in reversed(spellings.items())})
    assert cache.hits == 1 and list(kept.items()) == list(made.items())
    # a new form of a noun is another corpus: chosen again (here, by the stand-in that refuses)
    with pytest.raises(AssertionError, match="chosen again"):
        stages.cached_lemmas(cache)({**spellings, "белка": {*spellings["белка"], "белкой"}})


def test_new_forms_alone_are_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [line for path in seed_paths() for line in path.read_text(encoding="utf-8").splitlines()]
    spellings = corpus_spellings(texts + PROTEIN)
    cache = Cache(tmp_path)
    stages.cached_lemmas(cache)(spellings)
    parsed: list[str] = []

    def counted(form: str) -> Any:
        parsed.append(form)
        return morphology.parses(form)

    lemmas._readings.cache_clear()
    monkeypatch.setattr(lemmas, "parses", counted)
    edited = {**spellings, "белка": {*spellings["белка"], "белкой"}}  # one new form
    kept = stages.cached_lemmas(cache)(edited)
    assert cache.missed["corpus-lemmas"] == 2 and cache.found["noun-readings"] == 1
    assert parsed == ["белкой"]  # the last build's readings of the other forms were kept
    lemmas._readings.cache_clear()
    assert kept == corpus_lemmas(edited) and len(parsed) > 100  # what parsing every form chooses


@dataclass(frozen=True, slots=True)
class _Planted:
    forms: tuple[str, ...]
    nouns: tuple[tuple[str, ...], ...]


def test_damaged_readings_are_read_again(tmp_path: Path) -> None:
    spellings = corpus_spellings(PROTEIN)
    cache = Cache(tmp_path)
    cache.put(key("noun-readings"), "noun-readings", _Planted(("белки",), ()))  # lengths differ
    assert stages.cached_lemmas(cache)(spellings) == corpus_lemmas(spellings)
    assert cache.rejected == 1
