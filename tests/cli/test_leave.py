"""The ``ruzh`` command ends its process without the interpreter's teardown (:mod:`ruzh.leave`):
nothing it prints may be lost on the way, its exit code and exit handlers stay, and a thread still
running is waited for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ruzh.seeds import seed_paths

from ruzh.cli import main


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=tmp_path, timeout=60)


def test_buffered_output_reaches_a_pipe_with_the_exit_code(tmp_path: Path) -> None:
    done = _python(
        "import sys\nfrom ruzh.leave import leave\n"
        "sys.stdout.write('строка 行\\n' * 20000)\nsys.stderr.write('error: last words\\n')\nleave(3)",
        tmp_path,
    )
    assert done.returncode == 3
    assert done.stdout.decode("utf-8") == "строка 行\n" * 20000
    assert done.stderr.decode("utf-8") == "error: last words\n"


def test_exit_handlers_run(tmp_path: Path) -> None:
    done = _python(
        "import atexit, weakref\nfrom ruzh.leave import leave\n"
        "atexit.register(print, 'handler ran')\n"
        "class Box: pass\nkept = Box()\nweakref.finalize(kept, print, 'finalizer ran')\nleave(0)",
        tmp_path,
    )
    assert done.returncode == 0
    assert sorted(done.stdout.decode().splitlines()) == ["finalizer ran", "handler ran"]


def test_a_running_thread_is_waited_for(tmp_path: Path) -> None:
    done = _python(
        "import threading, time\nfrom ruzh.leave import leave\n"
        "def late():\n    time.sleep(0.3)\n    print('thread done', flush=True)\n"
        "threading.Thread(target=late).start()\nleave(4)",
        tmp_path,
    )
    assert done.returncode == 4 and done.stdout.decode() == "thread done\n"


def test_the_command_prints_all_it_did_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = [str(p) for p in seed_paths()]
    assert main(["segment", "--format", "jsonl", *seeds]) == 0
    alone = capsys.readouterr().out.encode("utf-8")
    done = subprocess.run([sys.executable, "-m", "ruzh", "segment", "--format", "jsonl", *seeds],
                          capture_output=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and done.stdout == alone and len(alone) > 100_000
    bad = subprocess.run([sys.executable, "-m", "ruzh", "build", str(tmp_path / "missing.txt")],
                         capture_output=True, timeout=60)  # fmt: skip
    assert bad.returncode == 3 and b"missing.txt" in bad.stderr
