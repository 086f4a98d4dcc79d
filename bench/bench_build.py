"""Benchmark ``ruzh build`` on a corpus of 500 Russian/Chinese document pairs plus the seeds.

Documents are made from the line-parallel sets in ``../shared/data`` (FLORES-200 devtest and
Tatoeba): each pair holds 20–40 consecutive sentence pairs, starting at a seeded random line and
wrapping around, written one paragraph per sentence, so the build has to find which Russian file
translates which Chinese file. The seeds are added as they are. Reported: wall and CPU time (user
and system of the whole process tree) and peak memory (the largest process, and the sum over the
main process and its pool, sampled from /proc) of a full build with 1 and with 2 jobs, a re-run
on the unchanged corpus, a re-run after one document was edited (``--edit``: a sentence appended,
which the aligner leaves unaligned, or an aligned sentence changed), and the report's pages; the
machine's load average before and after.

    python bench/bench_build.py [--pairs 500] [--data ../shared/data] [--work bench/work/build]
                                [--edit append|aligned]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ruzh.align.aligner.perturb import read_flores, read_tatoeba
from ruzh.seeds import seed_paths


def build_corpus(folder: Path, data: Path, pairs: int, seed: int = 7) -> int:
    """Write ``pairs`` document pairs and the seeds into ``folder``; return the number of files."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    ru_f, zh_f, _ = read_flores(data)
    ru_t, zh_t = read_tatoeba(data)
    ru_lines, zh_lines = ru_f + ru_t, zh_f + zh_t
    rng = random.Random(seed)
    for k in range(pairs):
        start, size = rng.randrange(len(ru_lines)), rng.randint(20, 40)
        picked = [(start + i) % len(ru_lines) for i in range(size)]
        (folder / f"pair{k:04d}_ru.txt").write_text("\n\n".join(ru_lines[i] for i in picked) + "\n", "utf-8")
        (folder / f"pair{k:04d}_zh.txt").write_text("\n\n".join(zh_lines[i] for i in picked) + "\n", "utf-8")
    for path in seed_paths():
        shutil.copy(path, folder / path.name)
    return 2 * pairs + len(seed_paths())


@dataclass
class Run:
    """One build: wall seconds, CPU seconds of the process tree (user + system, workers included),
    the largest process's peak RSS, the peak of the tree's summed RSS, the tree's system seconds
    and minor page faults (forked workers and the main process copy the pages they share on
    write: with 2 jobs most of the extra CPU over 1 job is system time spent there)."""

    wall: float
    cpu: float
    largest_mb: float
    total_mb: float
    system: float = 0.0
    faults: int = 0


TREE_EVERY = 1.0  # seconds between walks of /proc for the process tree (a walk reads every pid)
SAMPLE_EVERY = 0.05  # seconds between memory samples of the known pids


def _tree(root: int) -> list[int]:
    """The pids of ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def _rss_mb(pid: int) -> float:
    """The resident size of one process (its statm: one short line, cheaper than status)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE_MB
    except (OSError, IndexError, ValueError):
        return 0.0


def _peak_mb(pid: int) -> float:
    """The largest resident size the process has had (VmHWM, kept by the kernel: no sample misses it)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0.0


class MemorySampler:
    """Peak memory of a process tree: the largest process's high-water mark, and the largest sum of
    the tree's resident sizes. Walking /proc for the tree reads every pid on the machine, so it runs
    about once a second (the pool's workers live for a whole phase); between walks only the known
    pids' statm is read. Measured: the walk every 50 ms took ~10 % of a core, competing with the
    build's own workers."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.pids: list[int] = []
        self.walked = -TREE_EVERY
        self.largest = self.total = 0.0
        self.peaks: dict[int, float] = {}

    def sample(self, now: float) -> None:
        if now - self.walked >= TREE_EVERY:
            self.pids, self.walked = _tree(self.root), now
            for pid in self.pids:  # the high-water mark, while the process is still there to ask
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), _peak_mb(pid))
        sizes = [_rss_mb(pid) for pid in self.pids]
        self.total = max(self.total, sum(sizes))
        self.largest = max(self.largest, *sizes, *self.peaks.values())


def timed_build(corpus: Path, out: Path, jobs: int, fresh: bool) -> Run:
    """Run ``ruzh build`` in a child process, sampling the memory of its process tree."""
    if fresh and out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "ruzh", "build", str(corpus), "-o", str(out), "--jobs", str(jobs), "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(command)
    sampler = MemorySampler(child.pid)
    while child.poll() is None:
        sampler.sample(time.perf_counter())
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    system = after.ru_stime - before.ru_stime
    cpu = after.ru_utime - before.ru_utime + system
    if child.returncode not in (0, 1):
        sys.exit(f"bench_build: ruzh build exited {child.returncode}")
    faults = after.ru_minflt - before.ru_minflt
    return Run(wall, cpu, sampler.largest, sampler.total, system, faults)


def edit_one(corpus: Path, edit: str = "append") -> Path:
    """Edit one generated Russian document as an editor would: ``append`` a sentence (one the
    aligner leaves unaligned), or change its first sentence, an ``aligned`` one."""
    path = corpus / "pair0042_ru.txt"
    if edit == "aligned":
        lines = path.read_text(encoding="utf-8").split("\n")
        lines[0] = lines[0].rstrip(".") + " и его соседа по правке документа."
        path.write_text("\n".join(lines), encoding="utf-8")
        return path
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\nЭто предложение добавлено при правке документа.\n")
    return path


def report_pages(out: Path) -> str:
    """Number, largest and total size of the report's HTML pages."""
    pages = [p for p in out.rglob("*.html") if ".ruzh-cache" not in p.parts]
    sizes = [p.stat().st_size / 1e6 for p in pages]
    return f"{len(pages)} HTML pages, largest {max(sizes, default=0):.1f} MB, total {sum(sizes):.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=500, help="document pairs to generate (default 500)")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--work", type=Path, default=Path("bench/work/build"))
    parser.add_argument(
        "--edit",
        choices=("append", "aligned"),
        default="append",
        help="the edit before the last re-run: append a sentence (default) or change an aligned one",
    )
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"bench_build: development data not found at {args.data} (give --data)")
    corpus, out = args.work / "corpus", args.work / "out"
    files = build_corpus(corpus, args.data, args.pairs)
    print(f"corpus: {files} files ({args.pairs} generated pairs + seeds); load before: {_load()}")
    runs = {}
    for jobs in (1, 2):
        runs[jobs] = timed_build(corpus, out, jobs, fresh=True)
        _print(f"full build, jobs={jobs}", runs[jobs])
    print(f"speed-up with 2 jobs: {runs[1].wall / runs[2].wall:.2f}x")
    _print("re-run unchanged (jobs=2)", timed_build(corpus, out, 2, fresh=False))
    edited = edit_one(corpus, args.edit)
    again = timed_build(corpus, out, 2, fresh=False)
    _print(f"re-run after editing {edited.name} ({args.edit}, jobs=2)", again)
    print(f"edited re-run / full build (jobs=2): {100 * again.wall / runs[2].wall:.1f}% of the wall time, "
          f"{100 * again.cpu / runs[2].cpu:.1f}% of the CPU time")  # fmt: skip
    units = (out / "memory.tmx").read_text(encoding="utf-8").count("<tu ")
    print(f"translation units in memory.tmx: {units}; report: {report_pages(out)}; load after: {_load()}")


def _print(label: str, run: Run) -> None:
    print(f"{label}: {run.wall:.1f} s wall, {run.cpu:.1f} s CPU ({run.system:.1f} s system, "
          f"{run.faults} minor page faults), peak RSS largest process {run.largest_mb:.0f} MB, "
          f"sum over the pool {run.total_mb:.0f} MB")  # fmt: skip


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
