"""Bad input gets a one-line error and the documented exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruzh.cli import main


@pytest.mark.parametrize(
    ("files", "args", "code", "words"),
    [
        # a pyproject.toml whose [tool] or [tool.ruzh] is not a table
        (
            {"pyproject.toml": "[tool]\nruzh = 5\n"},
            ["check", "--config", "{d}/pyproject.toml"],
            2,
            "'ruzh' must be a table",
        ),
        # a ruzh.toml with settings outside [check]
        (
            {"ruzh.toml": 'fail-on = "never"\n'},
            ["check", "--config", "{d}/ruzh.toml"],
            2,
            "unknown key 'fail-on'",
        ),
        # a date that does not exist
        ({}, ["tmx", "filter", "{d}/m.tmx", "--since", "2020-13-45"], 2, "cannot read the date"),
        # both sides from standard input
        ({}, ["align", "--ru-sentences", "-", "--zh-sentences", "-"], 2, "one side only"),
        # output paths that cannot be written
        ({"file": "x"}, ["build", "-o", "{d}/file", "-q"], 2, "the output folder is a file"),
        ({}, ["check", "-o", "{d}", "--format", "json"], 2, "the output is a folder"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path,
    files: dict[str, str],
    args: list[str],
    code: int,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "pairs.tsv").write_text("0.9\tЦифровая экономика.\t数字经济。\n", encoding="utf-8")
    assert (
        main(["tmx", "build", "--aligned", str(tmp_path / "pairs.tsv"), "-o", str(tmp_path / "m.tmx")]) == 0
    )
    capsys.readouterr()
    assert main([a.format(d=tmp_path) for a in args]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and "Traceback" not in err


def test_tsv_without_scores_from_tmx_cat_builds_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aligned = tmp_path / "pairs.tsv"
    aligned.write_text("Цифровая экономика растет.\t数字经济在增长。\n", encoding="utf-8")
    assert main(["tmx", "build", "--aligned", str(aligned), "-o", str(tmp_path / "a.tmx")]) == 0
    capsys.readouterr()
    assert main(["tmx", "cat", str(tmp_path / "a.tmx")]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("\t")  # no score: the field is empty
    (tmp_path / "again.tsv").write_text(listed, encoding="utf-8")
    assert (
        main(["tmx", "build", "--aligned", str(tmp_path / "again.tsv"), "-o", str(tmp_path / "b.tmx")]) == 0
    )
