"""Benchmark start-up: wall time of ``ruzh --version`` and ``ruzh COMMAND --help`` (median of N runs).

Each run is a fresh process, as a user or a shell completion starts it. The bare interpreter
(``python -c pass``) is measured the same way: it is the floor no lazy import can go below, and on a
loaded machine it moves every figure. ``--modules`` also lists the third-party modules each command line
imports (the test suite asserts that none of the heavy ones is among them).

    python bench/bench_startup.py [--runs 15] [--modules] [--python-m]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND_LINES = (
    ("--version",),
    ("--help",),
    ("build", "--help"),
    ("segment", "--help"),
    ("align", "--help"),
    ("eval", "--help"),
    ("tmx", "--help"),
    ("tmx", "build", "--help"),
    ("glossary", "build", "--help"),
    ("check", "--help"),
)

_LIST_MODULES = (
    "import sys; from ruzh.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names))), "
    "file=sys.stderr)"
)


# Not the checkout: ``python -m ruzh`` would find ./ruzh before the tree on PYTHONPATH.
_CWD = tempfile.gettempdir()
# As installed by pip: byte-code written once (the first, unmeasured run), then read.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_seconds(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) time of ``runs`` fresh processes after one warm-up run.

    On a shared machine the wall time includes waiting for a core; the CPU time does not.
    """
    walls, cpus = [], []
    for number in range(runs + 1):
        cpu, start = _children_cpu(), time.perf_counter()
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV, cwd=_CWD
        )
        if number:
            walls.append(time.perf_counter() - start)
            cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def third_party_modules(args: tuple[str, ...]) -> str:
    """Top-level non-stdlib modules imported by ``ruzh ARGS``."""
    done = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, *args], capture_output=True, text=True, check=False, cwd=_CWD
    )
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="processes per command line (default: 15)")
    parser.add_argument("--modules", action="store_true", help="also list the third-party modules imported")
    parser.add_argument(
        "--python-m",
        action="store_true",
        help="start ruzh as `python -m ruzh` instead of the console script (to time a source tree on "
        "PYTHONPATH, e.g. an older commit laid out as installed)",
    )
    args = parser.parse_args()
    script = (
        [sys.executable, "-m", "ruzh"] if args.python_m else [str(Path(sys.executable).with_name("ruzh"))]
    )
    print(
        f"{'median of ' + str(args.runs) + ' runs':28s} {'wall ms':>8s} {'cpu ms':>8s} {'cpu - floor':>12s}"
    )
    wall, floor = median_seconds([sys.executable, "-c", "pass"], args.runs)
    print(f"{'python -c pass (floor)':28s} {wall * 1000:8.1f} {floor * 1000:8.1f}")
    for line in COMMAND_LINES:
        wall, cpu = median_seconds([*script, *line], args.runs)
        extra = f"  [{third_party_modules(line)}]" if args.modules else ""
        name = "ruzh " + " ".join(line)
        print(f"{name:28s} {wall * 1000:8.1f} {cpu * 1000:8.1f} {(cpu - floor) * 1000:+12.1f}{extra}")


if __name__ == "__main__":
    main()
