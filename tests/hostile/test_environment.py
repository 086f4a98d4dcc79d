"""Item 17 (environment and usage): pinned dates out of range, a BOM in ruzh.toml, usage errors on
one line, and unreadable folders reported instead of skipped in silence."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

PAIRS = "0.9\tЦифровая экономика растёт.\t数字经济在增长。\n"


@pytest.mark.parametrize("value", ["99999999999999999", "-1", "1e9", "253402300800"])
def test_source_date_epoch_out_of_range_is_exit_2(
    ruzh: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, kit: Any
) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(PAIRS, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "m.tmx"
    kit.refused(ruzh("tmx", "build", "--aligned", pairs, "-o", out), 2, "SOURCE_DATE_EPOCH", repr(value))
    assert not out.exists() and kit.no_part_files(tmp_path)


def test_last_representable_date_is_accepted(
    ruzh: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(PAIRS, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300799")
    assert ruzh("tmx", "build", "--aligned", pairs, "-o", tmp_path / "m.tmx").code == 0
    assert 'creationdate="99991231T235959Z"' in (tmp_path / "m.tmx").read_text(encoding="utf-8")


def test_ruzh_toml_with_a_bom_is_read(ruzh: Any, tmp_path: Path, seed_path: Any) -> None:
    config = tmp_path / "ruzh.toml"
    config.write_bytes('\ufeff[check]\ndisable = ["zh-halfwidth-punct"]\n'.encode())
    result = ruzh("check", seed_path("000"), "--config", config, "--format", "json", "--fail-on", "never")
    assert result.code == 0, result.err
    assert '"rule": "zh-halfwidth-punct"' not in result.out and '"rule": "zh-stray-space"' in result.out


def test_a_config_that_is_a_device_is_exit_2(ruzh: Any, seed_path: Any, kit: Any) -> None:
    kit.refused(ruzh("check", seed_path("000"), "--config", "/dev/zero"), 2, "/dev/zero", "device")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["segment", "--format", "yaml"], "invalid choice: 'yaml'"),
        (["build", "--jobs", "many"], "--jobs"),
        (["tmx"], "tmx"),
        (["glossary", "build"], "-o"),
        (["no-such-command"], "invalid choice"),
        (["check", "--fail-on"], "expected one argument"),
        ([], "no command"),
    ],
)
def test_usage_errors_are_one_line(ruzh: Any, args: list[str], words: str, kit: Any) -> None:
    line = kit.refused(ruzh(*args), 2, words)
    assert "usage:" not in line and "--help" in line


class _Unlistable:
    """Make one folder unlistable: as root, permissions do not stop scandir, so the error is injected."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        if os.geteuid() != 0:
            folder.chmod(0)
            return
        real = os.scandir

        def scandir(path: Any = ".") -> Any:
            if Path(path) == folder:
                raise PermissionError(13, "Permission denied", str(folder))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
        real_listdir = os.listdir
        monkeypatch.setattr(os, "listdir", lambda p=".": scandir(p) if Path(p) == folder else real_listdir(p))


@pytest.mark.parametrize("command", ["segment", "check"])
def test_unreadable_subfolder_is_reported_and_exit_3(
    ruzh: Any, tmp_path: Path, seed_path: Any, monkeypatch: pytest.MonkeyPatch, command: str, kit: Any
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "hidden.txt").write_bytes(seed_path("001").read_bytes())
    (corpus / "open.txt").write_bytes(seed_path("000").read_bytes())
    _Unlistable(corpus / "locked", monkeypatch)
    try:
        if command == "segment":
            result = ruzh("segment", "--keep-going", corpus)
            assert result.code == 3 and "# open" in result.out  # the readable file is still printed
            (line,) = result.errors()
            assert "cannot read the folder" in line and "locked" in line
        else:
            kit.refused(ruzh("check", corpus), 3, "cannot read the folder", "locked")
    finally:
        (corpus / "locked").chmod(0o755)
