"""The shipped lexicon files pass ``bench/lexicon_coverage.py --validate``, and the coverage measure
matches renderings in the Chinese the aligner sees (Simplified, spaces removed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _coverage_module() -> ModuleType:
    """bench/lexicon_coverage.py, whose checks the tests share (loaded once by name)."""
    if "lexicon_coverage" in sys.modules:
        return sys.modules["lexicon_coverage"]
    spec = importlib.util.spec_from_file_location("lexicon_coverage", REPO / "bench" / "lexicon_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["lexicon_coverage"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


COVERAGE = _coverage_module()


def _shipped(problems: list[str]) -> dict:
    return COVERAGE.read_lexicon(COVERAGE.lexicon_files([COVERAGE.LEXICON_DIR]), problems)


def test_shipped_files_have_no_format_problems() -> None:
    """Every line well formed, 1-6 Han renderings, no key twice across the files."""
    problems: list[str] = []
    entries = _shipped(problems)
    assert problems == []
    assert len(entries) > 10_000
    # the everyday renderings the aligner needs for conversation, not only the written ones
    assert {"家"} <= set(entries["дом"].renderings)
    assert {"打", "踢", "弹"} <= set(entries["играть"].renderings)
    assert "回" in entries["вернуться"].renderings
    assert "谢谢" in entries["спасибо"].renderings


def test_format_rules_catch_bad_entries() -> None:
    messages = [
        *COVERAGE.check_entry("Дом", "NOUN", ("家",)),
        *COVERAGE.check_entry("дом", "NOUN", ("家", "房", "屋", "宅", "舍", "居", "寓")),
        *COVERAGE.check_entry("дом", "NOUN", ("家", "家")),
        *COVERAGE.check_entry("дом", "NOUN", ("dom",)),
    ]
    assert len(messages) == 4, messages
    assert "expected 1-6" in messages[1]


@pytest.mark.slow
def test_shipped_keys_are_lemmas() -> None:
    """No key that lemma() never returns (about 10 s: every key's forms are lemmatised)."""
    errors = [msg for is_error, msg in COVERAGE.lemma_problems(_shipped([])) if is_error]
    assert errors == []


def test_precision_reads_traditional_chinese_as_the_aligner_does(shared_data: Path) -> None:
    """Tatoeba's Chinese is partly Traditional (799 of 2,500 lines are cmn_Hant): «Вам нравится
    Китай?» / «你喜歡中國嗎？» holds 喜欢 and 中国 only once converted to Simplified."""
    base = shared_data / "tatoeba_rus_zho" / "tatoeba-test-v2021-08-07"
    ru = base.with_suffix(".rus").read_text(encoding="utf-8").splitlines()
    zh = base.with_suffix(".zho").read_text(encoding="utf-8").splitlines()
    k = ru.index("Вам нравится Китай?")
    assert zh[k] == "你喜歡中國嗎？"
    entries = _shipped([])
    stats = COVERAGE.precision([ru[k]], [zh[k]], entries, keep_spaces=False)
    assert stats["нравиться"].parallel == 1 and stats["китай"].parallel == 1
    assert not any(r in zh[k] for r in entries["нравиться"].renderings)  # the raw text has none
