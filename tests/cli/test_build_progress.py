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


# Runs ``ruzh`` with one worker task that presses Ctrl-C (SIGINT to the process group, as a terminal
# sends it) when it starts, and stays busy: the interrupt lands while that phase's pool is running.
PRESSING = """
import functools, importlib, os, runpy, signal, sys, time
target, flag = sys.argv[1], sys.argv[2]
module_name, name = target.split(":")
module = importlib.import_module(module_name)
real = getattr(module, name)

@functools.wraps(real)
def pressing(*args, **kwargs):
    try:
        os.close(os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # only the first task presses
        return real(*args, **kwargs)
    os.killpg(os.getpgid(0), signal.SIGINT)
    time.sleep(10)
    return real(*args, **kwargs)

setattr(module, name, pressing)
sys.argv = ["ruzh", *sys.argv[3:]]
runpy.run_module("ruzh", run_name="__main__")
"""


@pytest.fixture(scope="module")
def flores_corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """32 pairs of 6 FLORES sentences: enough documents and passages for every pool of the build
    (the checks' pools need 16 documents), with more tasks queued than the workers hold."""
    from ruzh.align.aligner.perturb import read_flores

    ru, zh, _ = read_flores(shared_data)
    folder = tmp_path_factory.mktemp("flores32")
    for k in range(32):
        (folder / f"p{k:02d}_ru.txt").write_text("\n\n".join(ru[6 * k : 6 * k + 6]) + "\n", "utf-8")
        (folder / f"p{k:02d}_zh.txt").write_text("\n\n".join(zh[6 * k : 6 * k + 6]) + "\n", "utf-8")
    return folder


POOLS = {
    "reading": "ruzh.pipeline.corpus:_read",
    "pairing": "ruzh.pipeline.passages:_bags",
    "aligning": "ruzh.pipeline.passages:_align",
    "glossary counting": "ruzh.pipeline.counting:_run",
    "checks started early": "ruzh.pipeline.checking:_early_task",
    "checks": "ruzh.pipeline.checking:_document_task",
    "report pages": "ruzh.pipeline.pages:_render",
}
FAST = {"glossary counting", "checks"}  # the others (a build each) run with the slow tests


@pytest.mark.parametrize(
    "phase", [p if p in FAST else pytest.param(p, marks=pytest.mark.slow) for p in POOLS]
)
def test_ctrl_c_while_a_pool_is_busy(flores_corpus: Path, tmp_path: Path, phase: str) -> None:
    """Every pool of the build, interrupted while its first task runs and others wait in its queue:
    exit 130, no traceback from any process or thread, no output file or staging folder left."""
    out, flag = tmp_path / "out", tmp_path / "pressed"
    args = ["build", str(flores_corpus), "-o", str(out), "--jobs", "2", "--cache-dir", str(tmp_path / "c")]
    done = subprocess.run(
        [sys.executable, "-c", PRESSING, POOLS[phase], str(flag), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=300,
    )
    assert flag.exists(), f"the {phase} pool did not run: {done.stderr}"
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "error: interrupted"
    assert [p.name for p in out.rglob("*") if ".part" in p.name] == []
    assert [p.name for p in out.iterdir()] in ([], [".ruzh-lock"])  # no output, no staging folder
