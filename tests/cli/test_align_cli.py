"""``ruzh align`` and ``ruzh eval`` end to end: formats, files, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ruzh.cli import main

RU = [
    "Китай развивает цифровую экономику.",
    "Минск стал площадкой для проекта.",
    "В 2022 году рост составил 5 %.",
]
ZH = ["中国发展数字经济。", "明斯克成为该项目的平台。", "2022年增长了5%。"]


@pytest.fixture
def sentence_files(tmp_path: Path) -> tuple[Path, Path]:
    ru, zh = tmp_path / "ru.txt", tmp_path / "zh.txt"
    ru.write_text("\n".join(RU) + "\n", encoding="utf-8")
    zh.write_text("\n".join(ZH) + "\n", encoding="utf-8")
    return ru, zh


def test_beads_format(sentence_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    ru, zh = sentence_files
    assert main(["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh)]) == 0
    out, err = capsys.readouterr()
    assert [line.rsplit(":", 1)[0] for line in out.splitlines()] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    assert "aligner:" in err  # the signature goes to stderr, data to stdout


def test_tsv_and_jsonl(sentence_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    ru, zh = sentence_files
    main(["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh), "--format", "tsv"])
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [(r[1], r[2]) for r in rows] == list(zip(RU, ZH, strict=True))
    main(["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh), "--format", "jsonl"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[2]["ru_lines"] == [3] and records[2]["zh_text"] == ZH[2]


def test_unaligned_sentences_are_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru, zh = tmp_path / "ru.txt", tmp_path / "zh.txt"
    ru.write_text("\n".join(RU), encoding="utf-8")
    zh.write_text("", encoding="utf-8")
    assert main(["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh), "--format", "tsv"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "no Chinese sentences" in err


def test_output_file_and_eval(
    sentence_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ru, zh = sentence_files
    test = tmp_path / "test.beads"
    gold = tmp_path / "gold.beads"
    gold.write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n", encoding="utf-8")
    assert main(["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh), "-o", str(test)]) == 0
    assert main(["eval", "--gold", str(gold), "--test", str(test), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["f1_strict"] == 1.0


def test_user_lexicon(sentence_files: tuple[Path, Path], tmp_path: Path) -> None:
    ru, zh = sentence_files
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("ru,zh\nплощадка,平台\n", encoding="utf-8")
    args = ["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh)]
    assert main([*args, "--lexicon", str(lexicon)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("ru;zh\n", encoding="utf-8")
    assert main([*args, "--lexicon", str(bad)]) == 3


def test_documents(seed_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(seed_path("000"))  # type: ignore[operator]
    assert main(["align", seed, seed, "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(r["ru_lines"] or r["zh_lines"] for r in records)


def test_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align"]) == 2
    assert "give a Russian and a Chinese input" in capsys.readouterr().err
    missing = str(tmp_path / "missing.txt")
    assert main(["align", "--ru-sentences", missing, "--zh-sentences", missing]) == 3
    assert "missing.txt" in capsys.readouterr().err
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("первая\n".encode() + "caf\xe9\n".encode("latin-1"))
    assert main(["align", "--ru-sentences", str(latin1), "--zh-sentences", str(latin1)]) == 3
    assert "latin1.txt:2" in capsys.readouterr().err
    beads = tmp_path / "x.beads"
    beads.write_text("[0]:[0]\nnot a bead\n", encoding="utf-8")
    assert main(["eval", "--gold", str(beads), "--test", str(beads)]) == 3
    assert "x.beads:2" in capsys.readouterr().err
    assert main(["eval", "--gold", str(beads), "--test", str(beads), str(beads)]) == 2


def test_find_pairs_across_documents(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ruzh.align.aligner.perturb import group_by_url, read_flores

    ru, zh, urls = read_flores(shared_data)
    docs = group_by_url(urls)[:3]
    for k, d in enumerate(docs):  # the Chinese files are named in the reverse order
        (tmp_path / f"ru{k}.txt").write_text("\n\n".join(ru[i] for i in d) + "\n", encoding="utf-8")
        (tmp_path / f"zh{2 - k}.txt").write_text("\n\n".join(zh[i] for i in d) + "\n", encoding="utf-8")
    assert main(["align", "--find-pairs", str(tmp_path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["ru_doc"], r["zh_doc"]) for r in records} == {("ru0", "zh2"), ("ru1", "zh1"), ("ru2", "zh0")}
    assert all(r["pair_score"] > 0.9 for r in records)


def test_termbase_pairs_reach_the_lexicon(
    sentence_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ruzh.glossary.termbase import load_termbase, term_pairs

    termbase = tmp_path / "tb.csv"
    termbase.write_text(
        "concept,lang,term,pos,status,domain,note,source\n"
        "X1,ru,умный город,NOUN,preferred,city,,test\n"
        "X1,zh,智慧城市,noun,preferred,city,,test\n"
        "X1,zh,智能城市,noun,admitted,city,,test\n",
        encoding="utf-8",
    )
    assert term_pairs(load_termbase(termbase)) == [("умный город", "智慧城市"), ("умный город", "智能城市")]
    ru, zh = sentence_files
    args = ["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh)]
    assert main([*args, "--termbase", str(termbase)]) == 0
    assert "extra" in capsys.readouterr().err  # the signature names the extra source
