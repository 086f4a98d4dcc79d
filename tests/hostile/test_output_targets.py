"""Item 2: ``-o`` never replaces what it points at (devices, FIFOs, links), and refuses the rest."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from ruzh.core.atomicio import output_kind, write_own_file
from ruzh.core.errors import ConfigError

PAIRS = "0.9\tЦифровая экономика растёт.\t数字经济在增长。\n0.8\tСпрос на данные велик.\t数据需求很大。\n"


@pytest.fixture
def pairs(tmp_path: Path) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text(PAIRS, encoding="utf-8")
    return path


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A private twin of /dev/null where the tests may create one (as root), else /dev/null itself."""
    twin = tmp_path / "null"
    try:
        os.mknod(twin, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        return Path("/dev/null")
    return twin


def test_character_device_stays_a_device(ruzh: Any, pairs: Path, seed_path: Any, null_device: Path) -> None:
    before = os.stat(null_device)
    for args in (
        ("tmx", "build", "--aligned", pairs, "-o", null_device),
        ("check", seed_path("000"), "-o", null_device, "--format", "json"),
        ("align", "--ru-sentences", pairs, "--zh-sentences", pairs, "-o", null_device),
    ):
        result = ruzh(*args)
        assert result.code in (0, 1), result.err
        after = os.lstat(null_device)
        assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert not list(null_device.parent.glob(".null.*.part"))


def test_fifo_is_written_through(ruzh: Any, pairs: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tmx"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = ruzh("tmx", "build", "--aligned", pairs, "-o", fifo)
    reader.join(timeout=60)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b"<tu " in received[0] and "数字经济在增长" in received[0].decode("utf-8")


def test_symlink_is_followed_to_its_target(ruzh: Any, pairs: Path, tmp_path: Path, kit: Any) -> None:
    target = tmp_path / "real" / "memory.tmx"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.tmx"
    link.symlink_to(target)
    result = ruzh("tmx", "build", "--aligned", pairs, "-o", link)
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Спрос на данные велик" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file keeps its mode
    assert kit.no_part_files(tmp_path)


def test_dangling_symlink_creates_its_target(ruzh: Any, pairs: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.tsv"
    link.symlink_to(tmp_path / "made.tsv")
    assert ruzh("align", "--ru-sentences", pairs, "--zh-sentences", pairs, "-o", link).code == 0
    assert link.is_symlink() and (tmp_path / "made.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["socket", "folder", "loop"])
def test_other_targets_are_refused_with_exit_2(
    ruzh: Any, pairs: Path, tmp_path: Path, kind: str, kit: Any
) -> None:
    target = tmp_path / "target"
    holder = None
    if kind == "socket":
        holder = socket.socket(socket.AF_UNIX)
        holder.bind(str(target))
    elif kind == "folder":
        target.mkdir()
        (target / "keep.txt").write_text("kept", encoding="utf-8")
    else:
        target.symlink_to(tmp_path / "other")
        (tmp_path / "other").symlink_to(target)
    before = kit.digest(tmp_path)
    try:
        result = ruzh("tmx", "build", "--aligned", pairs, "-o", target)
    finally:
        if holder is not None:
            holder.close()
    words = {"socket": "socket", "folder": "is a folder", "loop": "loop of symbolic links"}[kind]
    kit.refused(result, 2, words, str(target))
    assert kit.digest(tmp_path) == before and kit.no_part_files(tmp_path)


def test_failed_run_keeps_the_old_output(ruzh: Any, tmp_path: Path, kit: Any) -> None:
    out = tmp_path / "findings.json"
    out.write_text("previous findings", encoding="utf-8")
    result = ruzh("check", tmp_path / "absent.txt", "-o", out, "--format", "json")
    kit.refused(result, 3, "no such file")
    assert out.read_text(encoding="utf-8") == "previous findings" and kit.no_part_files(tmp_path)


def test_dash_is_standard_output(ruzh: Any, pairs: Path) -> None:
    result = ruzh("tmx", "build", "--aligned", pairs, "-o", "-")
    assert result.code == 0 and not Path("-").exists()


def test_own_files_never_write_through_a_planted_link(tmp_path: Path) -> None:
    """A cache entry name that someone turned into a link (or FIFO) is replaced, not followed."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    entry = tmp_path / "cache" / "entry"
    entry.parent.mkdir()
    entry.symlink_to(victim)
    write_own_file(str(entry), b"cache data")
    fifo = tmp_path / "cache" / "fifo"
    os.mkfifo(fifo)
    write_own_file(str(fifo), b"cache data")  # would block if opened
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not entry.is_symlink() and entry.read_bytes() == b"cache data" and fifo.is_file()


def test_block_device_is_refused(tmp_path: Path) -> None:
    """Only the kind is asked for: nothing is ever opened on a block device."""
    device = tmp_path / "disk"
    try:
        os.mknod(device, stat.S_IFBLK | 0o600, os.makedev(7, 200))
    except OSError:
        pytest.skip("cannot create a block device node here (not root)")
    with pytest.raises(ConfigError, match="block device"):
        output_kind(device)


def test_help_says_how_outputs_and_inputs_are_treated(ruzh: Any) -> None:
    text = ruzh("check", "--help").out
    assert "written through" in text and "block device or socket is refused" in text and "MiB of XML" in text
