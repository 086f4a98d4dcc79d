"""What the main process loads and parses for the pools it forks later, while the reading workers read:
the language resources, and the Russian words of each document as it arrives."""

from __future__ import annotations

from pathlib import Path

from ruzh.align.aligner.pairing import passages
from ruzh.align.morphology import WORD, analyzer, token_key, warm
from ruzh.align.reader import read_document
from ruzh.align.types import Document
from ruzh.core.errors import InputError
from ruzh.glossary.candidates_zh import _word_tags
from ruzh.glossary.scoring import general_frequencies

from ruzh.pipeline import OUTPUT_FILES
from ruzh.pipeline.cache import Cache
from ruzh.pipeline.corpus import corpus_files, read_corpus
from ruzh.pipeline.resources import load_language_resources, parse_russian


def test_warm_parses_every_word_of_a_seed_so_that_the_aligner_finds_them_parsed(seeds_dir: Path) -> None:
    texts = [s.text for s in read_document(seeds_dir / "000_2dc469592fe3b189.txt").sentences()]
    words = {m.group() for text in texts for m in WORD.finditer(text)}
    assert len(words) > 300  # a real abstract, not a handful of words
    token_key.cache_clear()
    warm(texts)
    assert token_key.cache_info().currsize == len(words)
    before = token_key.cache_info()
    keys = [token_key(m.group()) for text in texts for m in WORD.finditer(text)]
    after = token_key.cache_info()
    assert after.misses == before.misses  # every word was parsed already
    assert after.hits - before.hits == len(keys)
    assert "сотрудничество" in keys  # «сотрудничества» under its lemma


def test_the_main_process_loads_the_resources_while_the_workers_read(seeds_dir: Path, tmp_path: Path) -> None:
    files = corpus_files([seeds_dir], tmp_path / "out", None, OUTPUT_FILES)
    calls: list[int] = []
    arrived: list[str] = []
    analyzer.cache_clear()

    def read(jobs: int) -> tuple[list[Document], list[str], list[InputError]]:
        return read_corpus(
            files,
            jobs,
            Cache(None),
            quiet=True,
            meanwhile=lambda: calls.append(1),
            arrived=lambda d: arrived.append(d.name),
        )

    pooled = read(2)
    assert calls == [1]  # once, while the two workers read the five seeds
    assert analyzer.cache_info().misses == 1  # the reader's analyzer, loaded before the workers forked
    assert arrived == [d.name for d in pooled[0]]  # each document the workers read, in order
    serial = read(1)
    assert calls == [1]  # no workers to wait for: nothing runs on the side
    assert len(arrived) == 5
    assert pooled[0] == serial[0]
    assert pooled[1] == serial[1]


def test_a_document_that_arrives_has_the_words_of_its_russian_passages_parsed(seeds_dir: Path) -> None:
    document = read_document(seeds_dir / "000_2dc469592fe3b189.txt")
    russian = [s.text for p in passages(document) if p.lang == "ru" for s in p.sentences]
    words = {m.group() for text in russian for m in WORD.finditer(text)}
    assert len(words) > 100  # its abstract
    token_key.cache_clear()
    parse_russian(document)
    assert token_key.cache_info().currsize == len(words)  # these words, and no Chinese text


def test_the_language_resources_are_loaded_once_for_every_later_fork() -> None:
    for loader in (analyzer, _word_tags, general_frequencies):
        loader.cache_clear()  # as in a main process that has not needed them yet
    load_language_resources()
    assert analyzer.cache_info().currsize == 1
    assert _word_tags.cache_info().currsize == 1
    assert general_frequencies.cache_info().currsize == 2  # Russian and Chinese
    tags = _word_tags()
    load_language_resources()
    assert _word_tags() is tags  # the same table, not loaded again
