"""``ruzh tmx ...`` end to end on FLORES text: files, stdin/stdout, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ruzh.tmx.reader import TmxReader

from ruzh.cli import main


def flores(data: Path, start: int, count: int) -> tuple[list[str], list[str]]:
    folder = data / "flores200_devtest"
    ru = (folder / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()[start : start + count]
    zh = (folder / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()[start : start + count]
    return [s.strip() for s in ru], [s.strip() for s in zh]


@pytest.fixture
def aligned(shared_data: Path, tmp_path: Path) -> Path:
    ru, zh = flores(shared_data, 0, 40)
    path = tmp_path / "pairs.tsv"
    path.write_text(
        "".join(f"{0.5 + i / 100:.4f}\t{r}\t{z}\n" for i, (r, z) in enumerate(zip(ru, zh, strict=True))),
        "utf-8",
    )
    return path


def test_build_validate_cat_stats(
    aligned: Path, tmp_path: Path, tmx_dtd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tm.tmx"
    assert main(["tmx", "build", "--aligned", str(aligned), "-o", str(out), "--zh-tag", "zh_hans"]) == 0
    assert "40 units written" in capsys.readouterr().err
    assert main(["tmx", "validate", "--dtd", str(tmx_dtd), "--zh-tag", "zh-Hans", str(out)]) == 0
    assert main(["tmx", "cat", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [line for line in aligned.read_text("utf-8").splitlines()]
    assert main(["tmx", "stats", "--format", "json", str(out)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["units"] == 40 and stats["languages"] == {"ru": 40, "zh-Hans": 40}
    assert stats["score_histogram"]["0.5-0.6"] == 10 and stats["documents"] == {"pairs.tsv": 40}


def test_malformed_tsv_exits_3_without_output(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with aligned.open("a", encoding="utf-8") as handle:
        handle.write("0.9\tбез перевода\n0.8\tодин\tтри\tчетыре\n")
    out = tmp_path / "never.tmx"
    assert main(["tmx", "build", "--aligned", str(aligned), "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert f"({aligned}:42)" in err and "found 4" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".never*"))


def test_build_from_documents_and_pair_list(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ru, zh = flores(shared_data, 100, 24)
    del zh[5]  # a Russian sentence without translation: reported, not lost
    for name, lines in (("a.ru.txt", ru), ("a.zh.txt", zh)):
        (tmp_path / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "list.tsv").write_text("a.ru.txt\ta.zh.txt\n", encoding="utf-8")
    assert main(["tmx", "build", "--pairs", str(tmp_path / "list.tsv"), "-o", str(tmp_path / "b.tmx")]) == 0
    err = capsys.readouterr().err
    units = list(TmxReader(tmp_path / "b.tmx"))
    assert len(units) >= 20 and "unaligned" in err
    assert all(u.doc == "a.ru" and u.zh_doc == "a.zh" and u.score is not None for u in units)
    assert sum(1 for u in units if u.ru == ru[0] and u.zh == zh[0]) == 1
    joined = " ".join(u.ru for u in units)
    assert all(r in joined or r[:50] in err for r in ru)  # every sentence is in a unit or reported
    header = TmxReader(tmp_path / "b.tmx")
    next(iter(header))
    assert header.header.signature.startswith("aligner:")


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tmx", "build", "only-one.txt"]) == 2
    assert main(["tmx", "build", "--aligned", "x.tsv", "--zh-tag", "en"]) == 2
    assert "not a Chinese language tag" in capsys.readouterr().err
    assert main(["tmx", "filter", "--since", "last week", "x.tmx"]) == 2
    assert main(["tmx", "lookup", str(tmp_path / "x.tmx")]) == 2


def test_validate_exits_1_on_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text(
        '<tmx version="1.4"><body>\n<tu><tuv xml:lang="de"><seg>x</seg></tuv></tu></body></tmx>', "utf-8"
    )
    assert main(["tmx", "validate", "--format", "json", str(bad)]) == 1
    summary = json.loads(capsys.readouterr().out)  # one JSON object, whatever the number of problems
    assert summary["valid"] is False and summary["errors"] >= 1
    problems = summary["files"][0]["problems"]
    assert {"file": str(bad), "line": 2, "severity": "error", "code": "language"} in [
        {k: p[k] for k in ("file", "line", "severity", "code")} for p in problems
    ]
    missing = tmp_path / "missing.tmx"
    assert main(["tmx", "cat", str(missing)]) == 3


def test_validate_json_on_a_valid_file_prints_one_summary(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.tmx"
    assert main(["tmx", "build", "--aligned", str(aligned), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["tmx", "validate", "--format", "json", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["valid"] is True and summary["errors"] == 0
    assert [f["file"] for f in summary["files"]] == [str(out)]


def test_merge_dedupe_filter_split_lookup(
    aligned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tm = tmp_path / "tm.tmx.gz"
    assert main(["tmx", "build", "--aligned", str(aligned), "-o", str(tm)]) == 0
    assert main(["tmx", "merge", str(tm), str(tm), "-o", str(tmp_path / "twice.tmx")]) == 0
    assert main(["tmx", "dedupe", str(tmp_path / "twice.tmx"), "-o", str(tmp_path / "once.tmx")]) == 0
    assert "40 duplicates folded" in capsys.readouterr().err
    assert len(list(TmxReader(tmp_path / "once.tmx"))) == 40
    assert (
        main(
            ["tmx", "filter", "--min-score", "0.8", str(tmp_path / "once.tmx"), "-o", str(tmp_path / "f.tmx")]
        )
        == 0
    )
    assert [u.score for u in TmxReader(tmp_path / "f.tmx")] == [round(0.8 + i / 100, 2) for i in range(10)]
    assert (
        main(["tmx", "split", "--size", "15", "-o", str(tmp_path / "p.tmx"), str(tmp_path / "once.tmx")]) == 0
    )
    assert capsys.readouterr().out.split() == [str(tmp_path / f"p.00{i}.tmx") for i in (1, 2, 3)]
    queries = tmp_path / "q.txt"
    first_ru = aligned.read_text("utf-8").splitlines()[3].split("\t")[1]
    queries.write_text(first_ru.replace("ё", "е")[:-1] + "\n", encoding="utf-8")
    assert main(["tmx", "lookup", "--format", "jsonl", "--file", str(queries), str(tm)]) == 0
    (result,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert result["matches"][0]["ru"] == first_ru and result["matches"][0]["score"] > 90


def test_stdin_to_stdout_is_byte_identical(aligned: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000", "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "ruzh", "tmx", "build", "--aligned", "-"]
    runs = [
        subprocess.run(command, input=aligned.read_bytes(), capture_output=True, env=env, check=True)
        for _ in "ab"
    ]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.startswith(b"<?xml")
    assert b'creationdate="20231114T221320Z"' in runs[0].stdout
    cat = subprocess.run(
        [sys.executable, "-m", "ruzh", "tmx", "cat", "-"],
        input=runs[0].stdout,
        capture_output=True,
        env=env,
        check=True,
    )
    assert cat.stdout.decode("utf-8").splitlines() == aligned.read_text("utf-8").splitlines()


def test_every_subcommand_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("build", "merge", "dedupe", "filter", "split", "stats", "validate", "cat", "lookup"):
        assert main(["tmx", name, "--help"]) == 0
        assert "exit codes:" in capsys.readouterr().out
