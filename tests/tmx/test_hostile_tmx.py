"""Hostile and broken memories: every TMX command gives 0, 1, 2 or 3 with a message, never 70, and
loses or invents nothing (issue items: nested markup, two segs, non-finite scores, truncated gzip,
broken DTDs, language tags)."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import write_tmx

from ruzh.cli import main

from .helpers import flores_units

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
    'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>'
    "<body>\n"
)


def tmx_of(*units: str) -> str:
    return HEAD + "\n".join(units) + "\n</body></tmx>\n"


def unit(ru: str, zh: str, score: str | None = None) -> str:
    prop = f'<prop type="x-score">{score}</prop>' if score is not None else ""
    return (
        f'<tu>{prop}<tuv xml:lang="ru"><seg>{ru}</seg></tuv><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu>'
    )


@pytest.fixture
def memory(shared_data: Path, tmp_path: Path) -> Path:
    path = tmp_path / "m.tmx"
    write_tmx(path, flores_units(shared_data, 300))
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["validate"],
        ["cat"],
        ["cat", "--format", "jsonl"],
        ["dedupe"],
        ["filter", "--min-score", "0"],
    ],
)
def test_deeply_nested_markup_is_read_not_a_crash(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "<hi>" * 1500 + "глубоко" + "</hi>" * 1500
    path = tmp_path / "deep.tmx"
    path.write_text(tmx_of(unit(f"Текст {deep} внутри.", "文本在里面。")), "utf-8")
    code = main(["tmx", *command, str(path)])
    assert code in (0, 1), capsys.readouterr().err
    (read,) = list(TmxReader(path))
    assert read.ru == "Текст глубоко внутри."


def test_a_second_seg_is_reported_with_its_text(tmp_path: Path) -> None:
    path = tmp_path / "two.tmx"
    two = (
        '<tu><tuv xml:lang="ru"><seg>Первая часть.</seg><seg>Вторая часть.</seg></tuv>'
        '<tuv xml:lang="zh-CN"><seg>第一部分。</seg></tuv></tu>'
    )
    path.write_text(tmx_of(two), "utf-8")
    reader = TmxReader(path)
    (read,) = list(reader)
    assert read.ru == "Первая часть."
    assert any("second <seg>" in p.message and "Вторая часть." in p.message for p in reader.problems)


@pytest.mark.parametrize("score", ["NaN", "nan", "inf", "-Infinity"])
def test_non_finite_scores_are_reported_and_never_pass_a_score_filter(
    score: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.tmx"
    path.write_text(
        tmx_of(unit("Плохой балл.", "分数不好。", score), unit("Хороший.", "好。", "0.9")), "utf-8"
    )
    assert main(["tmx", "stats", "--format", "json", str(path)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["no_score"] == 1 and stats["units"] == 2
    assert main(["tmx", "filter", "--min-score", "0.5", str(path)]) == 0
    kept = list(TmxReader(io.BytesIO(capsys.readouterr().out.encode())))
    assert [u.ru for u in kept] == ["Хороший."]
    assert main(["tmx", "cat", "--format", "jsonl", str(path)]) == 0
    out = capsys.readouterr()
    records = [json.loads(line, parse_constant=_refuse) for line in out.out.splitlines()]
    assert [r["score"] for r in records] == [None, 0.9]
    assert "not a finite number" in out.err


def _refuse(name: str) -> None:
    raise AssertionError(f"not JSON: {name}")


def test_a_huge_score_lands_in_the_last_bin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.tmx"
    path.write_text(tmx_of(unit("Большой.", "大。", "1e308"), unit("Меньше нуля.", "负。", "-5")), "utf-8")
    assert main(["tmx", "stats", "--format", "json", str(path)]) == 0
    bins = json.loads(capsys.readouterr().out)["score_histogram"]
    assert bins["0.9-1.0"] == 1 and bins["0.0-0.1"] == 1


def test_truncated_gzip_is_invalid_input(
    memory: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packed = gzip.compress(memory.read_bytes())
    cut = tmp_path / "cut.tmx.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    for command in (["validate"], ["cat"], ["stats"]):
        assert main(["tmx", *command, str(cut)]) == 3
        err = capsys.readouterr().err
        assert err.startswith("error: ") and str(cut) in err and "Traceback" not in err


def test_split_of_a_truncated_memory_leaves_no_parts(
    memory: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = tmp_path / "cut.tmx"
    data = memory.read_bytes()
    cut.write_bytes(data[: int(len(data) * 0.8)])
    parts = tmp_path / "parts"
    assert main(["tmx", "split", str(cut), "--size", "20", "-o", str(parts / "p.tmx")]) == 3
    assert "malformed TMX" in capsys.readouterr().err
    assert not parts.exists() or not any(parts.iterdir())


def test_missing_or_broken_dtd_is_a_usage_error(
    memory: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tmx", "validate", "--dtd", str(tmp_path / "none.dtd"), str(memory)]) == 2
    assert "cannot read the DTD" in capsys.readouterr().err
    broken = tmp_path / "broken.dtd"
    broken.write_text("<!ELEMENT tmx (header, body>\n<!ATTLIST", "utf-8")
    assert main(["tmx", "validate", "--dtd", str(broken), str(memory)]) == 2
    assert "the DTD does not parse" in capsys.readouterr().err


@pytest.mark.parametrize("tag", ["ru", "en", "", "zh CN", "*all*"])
def test_bad_chinese_tags_are_refused_by_every_writer(
    tag: str, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "p.tsv"
    pairs.write_text("Один.\t一。\n", "utf-8")
    assert (
        main(["tmx", "build", "--aligned", str(pairs), "--zh-tag", tag, "-o", str(tmp_path / "x.tmx")]) == 2
    )
    assert main(["build", "--no-cache", "-q", "--zh-tag", tag, "-o", str(tmp_path / "out")]) == 2
    assert main(["glossary", "build", "--zh-tag", tag, "-o", str(tmp_path / "gl")]) == 2
    err = capsys.readouterr().err
    assert err.count("is not a Chinese language tag") == 3
    assert not (tmp_path / "x.tmx").exists() and not (tmp_path / "out").exists()


def test_what_ruzh_writes_in_any_accepted_tags_its_validator_accepts(
    memory: Path, tmp_path: Path, tmx_dtd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for ru, zh in (("ru-RU", "zh-Hans"), ("RU", "zh_tw"), ("ru-Cyrl", "cmn")):
        out = tmp_path / f"{ru}-{zh}.tmx"
        assert main(["tmx", "merge", str(memory), "--ru-tag", ru, "--zh-tag", zh, "-o", str(out)]) == 0
        capsys.readouterr()
        code = main(
            [
                "tmx",
                "validate",
                "--format",
                "json",
                "--dtd",
                str(tmx_dtd),
                "--ru-tag",
                ru,
                "--zh-tag",
                zh,
                str(out),
            ]
        )
        summary = json.loads(capsys.readouterr().out)
        assert code == 0 and summary["errors"] == summary["warnings"] == 0, summary["files"][0]["problems"][
            :3
        ]
        units: list[TranslationUnit] = list(TmxReader(out))
        assert len(units) == 300


def test_glossary_build_reads_a_gzipped_memory_as_tmx(
    seed_path: Callable[[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = seed_path("000")
    memory = tmp_path / "abstract.tmx.gz"
    assert main(["tmx", "build", str(seed), str(seed), "-o", str(memory)]) == 0
    assert memory.read_bytes()[:2] == b"\x1f\x8b"
    for name in ("abstract.tmx.gz", "abstract.pairs"):  # by its name, and by its content
        (tmp_path / name).write_bytes(memory.read_bytes())
        code = main(
            ["glossary", "build", str(seed), "--pairs", str(tmp_path / name), "-o", str(tmp_path / "gl")]
        )
        err = capsys.readouterr().err
        assert code == 0, err
        assert "not a TSV" not in err and "tab" not in err.lower()
