"""Benchmark ``ruzh build`` on a corpus of 500 Russian/Chinese document pairs plus the seeds.

Documents are made from the line-parallel sets in ``../shared/data`` (FLORES-200 devtest and
Tatoeba): each pair holds 20–40 consecutive sentence pairs, starting at a seeded random line and
wrapping around, written one paragraph per sentence, so the build has to find which Russian file
translates which Chinese file. The seeds are added as they are. Reported: wall time and peak memory
(of the whole process tree) with 1 and with 2 jobs, then the re-run time with the cache.

    python bench/bench_build.py [--pairs 500] [--data ../shared/data] [--work bench/work/build]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import time
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


def timed_build(corpus: Path, out: Path, jobs: int, fresh: bool) -> tuple[float, float]:
    """Run ``ruzh build`` in a child process; wall seconds and peak RSS (MB) of the process tree."""
    if fresh and out.exists():
        shutil.rmtree(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ruzh", "build", str(corpus), "-o", str(out), "--jobs", str(jobs), "--quiet"],
        check=True,
    )
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=500, help="document pairs to generate (default 500)")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--work", type=Path, default=Path("bench/work/build"))
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"bench_build: development data not found at {args.data} (give --data)")
    corpus, out = args.work / "corpus", args.work / "out"
    files = build_corpus(corpus, args.data, args.pairs)
    print(f"corpus: {files} files ({args.pairs} generated pairs + seeds)")
    for jobs in (1, 2):
        wall, peak = timed_build(corpus, out, jobs, fresh=True)
        print(f"jobs={jobs}: {wall:.1f} s wall, peak RSS of one process so far {peak:.0f} MB")
    wall, _ = timed_build(corpus, out, 2, fresh=False)
    print(f"re-run with cache (jobs=2): {wall:.1f} s wall")
    summary = subprocess.run(["grep", "-c", "<tu ", str(out / "memory.tmx")], capture_output=True, text=True)
    print(f"translation units in memory.tmx: {summary.stdout.strip()}")


if __name__ == "__main__":
    main()
