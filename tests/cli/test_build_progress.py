"""``ruzh build`` shows every phase: bars on a terminal, lines in a log, nothing with ``-q``; Ctrl-C
stops it with exit code 130, no traceback from any process and no half-written file."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruzh.seeds import seed_paths

from ruzh.progress import PHASES, Progress

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def ruzh(*args: str) -> list[str]:
    return [sys.executable, "-m", "ruzh", "build", *(str(p) for p in seed_paths()), *args]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: the first build fills it, the others reuse it."""
    return tmp_path_factory.mktemp("cache")


def test_a_log_gets_one_line_per_phase_in_order(tmp_path: Path, cache: Path) -> None:
    done = subprocess.run(
        ruzh("-o", str(tmp_path), "--jobs", "1", "--cache-dir", str(cache)), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    finals = [line for line in done.stderr.splitlines() if " done in " in line]
    assert [line.split(":")[0] for line in finals] == ["reading", "aligning", "pairing", *PHASES[3:]]
    assert sorted({line.split(":")[0] for line in finals}) == sorted(PHASES)
    assert finals[0].startswith("reading: 5/5 done in ")
    assert re.fullmatch(r"report: (\d+)/\1 done in [\d.]+ s \(\1 files, 0 kept\)", finals[-1])
    # pairing, glossary and checks count their documents (and passages), not only a spinner
    assert re.match(r"pairing: (\d+)/\1 done in ", finals[2]), finals[2]
    assert re.match(r"glossary: (\d+)/\1 done in ", finals[3]), finals[3]
    assert finals[4].startswith("checks: 5/5 done in "), finals[4]
    assert "glossary" in finals[3] and "rows)" in finals[3] and "findings)" in finals[4]
    assert "\x1b" not in done.stderr and "\r" not in done.stderr, "no terminal codes in a log"
    summary = done.stderr.splitlines()[-1]
    assert summary.startswith("report: report.html and ") and "pages in report/" in summary


def test_periodic_lines_while_a_phase_runs() -> None:
    """Every ``interval`` a line for a running phase, with its count and the time left."""
    log = io.StringIO()
    with Progress("aligning", 6, stream=log, interval=0.05) as bar:
        for _ in range(6):
            time.sleep(0.04)
            bar.advance()
    with Progress("glossary", stream=log, interval=0.05) as bar:
        time.sleep(0.13)
        bar.finish("731 rows")
    lines = log.getvalue().splitlines()
    running = [line for line in lines if line.startswith("aligning") and "%" in line]
    assert running and all(re.match(r"aligning: \d/6 \(\d+%\) after \d+ s", line) for line in running)
    assert any("s left" in line for line in running)
    assert lines[len(running)].startswith("aligning: 6/6 done in ")
    glossary = lines[len(running) + 1 :]
    assert len(glossary) >= 2 and all(line.startswith("glossary: running after") for line in glossary[:-1])
    assert glossary[-1].startswith("glossary: done in ") and glossary[-1].endswith("(731 rows)")


def run_in_terminal(args: list[str]) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal; exit code and everything it drew."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    exited = False
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the other side closed
                break
            if not data:
                break
            chunks.append(data)
        elif exited:  # exited and nothing left to read: the last lines are not lost to a race
            break
        else:
            exited = proc.poll() is not None
    os.close(master)
    return proc.wait(), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_bars_with_counts_and_time_left(tmp_path: Path, cache: Path) -> None:
    """On the cache of the first test: nothing is aligned again, so there is no aligning bar."""
    code, drawn = run_in_terminal(ruzh("-o", str(tmp_path), "--jobs", "2", "--cache-dir", str(cache)))
    assert code == 0, drawn
    text = ANSI.sub("", drawn)
    for phase in PHASES:
        assert bool(re.search(rf"{phase}\s", text)) == (phase != "aligning"), phase
    assert "5/5" in text and "left" in text
    assert "\x1b[" in drawn, "drawn with terminal codes"
    assert "ruzh build: 5 documents" in text


def test_quiet_prints_nothing(tmp_path: Path, cache: Path) -> None:
    done = subprocess.run(
        ruzh("-o", str(tmp_path), "-q", "--cache-dir", str(cache)), capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stderr == ""
    code, drawn = run_in_terminal(ruzh("-o", str(tmp_path / "t"), "-q", "--cache-dir", str(cache)))
    assert code == 0 and drawn == ""


@pytest.mark.parametrize("after", ["reading", "pairing"])
def test_ctrl_c_stops_cleanly(tmp_path: Path, after: str) -> None:
    """SIGINT to the whole process group, as a terminal sends it, while worker pools are busy."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        ruzh("-o", str(out), "--jobs", "2", "--no-cache"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith(f"{after}: ") and " done in " in line:
            break
    time.sleep(0.5)  # the next phase's workers are running
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    code = proc.wait(timeout=60)
    err = "".join(seen) + rest
    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert rest.strip().splitlines()[-1] == "error: interrupted"
    left = [p.name for p in out.rglob("*") if ".part" in p.name]
    assert left == []
    assert not (out / "report.html").exists()
