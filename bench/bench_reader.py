"""Benchmark the reader: read and segment a ~50 MB mixed Russian/Chinese corpus, file by file.

The corpus is made from the bundled seeds with variations (numbers shifted, paragraphs rotated), so
that caches cannot answer from a single document. Reports MB/s on one core and the peak resident
memory after 10% of the files and at the end (it must not grow with the corpus).

    python bench/bench_reader.py [--mb 50] [--work bench/work/reader]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from pathlib import Path

from ruzh.align.reader import read_documents
from ruzh.seeds import seed_paths


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vary(text: str, copy: int) -> str:
    """A variant of a seed: digits shifted by the copy number, paragraphs rotated."""
    shifted = text.translate(str.maketrans("0123456789", "".join(str((d + copy) % 10) for d in range(10))))
    blocks = shifted.split("\n\n")
    cut = copy % max(len(blocks), 1)
    return "\n\n".join(blocks[cut:] + blocks[:cut])


def build_corpus(folder: Path, megabytes: float) -> int:
    """Write seed variants into ``folder`` until it holds ``megabytes``; return the byte count."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in seed_paths()]
    total, copy = 0, 0
    while total < megabytes * 1e6:
        for stem, text in seeds:
            data = vary(text, copy).encode("utf-8")
            (folder / f"{copy:05d}_{stem}.txt").write_bytes(data)
            total += len(data)
        copy += 1
    return total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--work", type=Path, default=Path("bench/work/reader"), help="where to build it")
    args = parser.parse_args()
    size = build_corpus(args.work, args.mb)
    files = sorted(args.work.glob("*.txt"))
    early = max(len(files) // 10, 1)
    start = time.perf_counter()
    sentences = 0
    rss_early = 0.0
    cpu_start = time.process_time()
    for index, document in enumerate(read_documents(files)):
        sentences += sum(len(b.sentences) for b in document.blocks)
        if index + 1 == early:
            rss_early = peak_rss_mb()
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB, {sentences} sentences")
    print(f"time: {wall:.1f} s wall, {cpu:.1f} s CPU -> {size / 1e6 / wall:.2f} MB/s on one core")
    print(f"peak RSS: {rss_early:.0f} MB after {early} files, {peak_rss_mb():.0f} MB after {len(files)}")
    shutil.rmtree(args.work)


if __name__ == "__main__":
    main()
