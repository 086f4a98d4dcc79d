"""Benchmark the reader: read and segment a ~50 MB mixed Russian/Chinese corpus, file by file.

The corpus is made from the bundled seeds with variations (numbers shifted, paragraphs rotated), so
that caches cannot answer from a single document. Reports MB/s on one core (by wall clock and by the
process's CPU time, which a loaded machine does not distort) and the peak resident memory after 10%
of the files and at the end (it must not grow with the corpus).

``--curve`` instead times one document made of a hostile unit repeated to 10k, 20k, 40k, 80k and 160k
characters (a stretch without a sentence end, author lists, hyphenated lines, Chinese without
punctuation, runs of stops, page numbers only, one 10 MB line) and prints each time with its ratio to
the previous size: a linear stage doubles, a quadratic one quadruples.

    python bench/bench_reader.py [--mb 50] [--work bench/work/reader]
    python bench/bench_reader.py --curve
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from pathlib import Path

from ruzh.align.reader import document_from_text, read_documents
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


# Hostile units for the time curve (issue 16, item 6): each is repeated to the measured size.
CURVE_UNITS = {
    "abbreviations": "см. А ",
    "author list": "А. Б. Иванов, ",
    "hyphenated lines": "инфраструкту-\n",
    "zh without stops": "数字经济合作发展",
    "one long word": "а",
    "run of stops": ".",
    "open quotes": "«а. Б ",
    "dash lines": "— слово,\n",
    "page numbers": "1\n",
}
CURVE_SIZES = (10_000, 20_000, 40_000, 80_000, 160_000)
BIG_LINE = 10_000_000


def cpu_seconds(text: str) -> float:
    """CPU time to read one document from its text."""
    start = time.process_time()
    document_from_text(text, "curve")
    return time.process_time() - start


def curve() -> None:
    """Time per size and doubling ratio for each hostile unit, then one 10 MB line."""
    print(f"{'input':<18}" + "".join(f"{n // 1000:>14}k" for n in CURVE_SIZES))
    for name, unit in CURVE_UNITS.items():
        cells, previous = [], 0.0
        for size in CURVE_SIZES:
            seconds = cpu_seconds(unit * (size // len(unit)))
            ratio = f" x{seconds / previous:.1f}" if previous > 0 else ""
            cells.append(f"{seconds:.3f}s{ratio}")
            previous = seconds
        print(f"{name:<18}" + "".join(f"{c:>15}" for c in cells), flush=True)
    seconds = cpu_seconds("Слово " * (BIG_LINE // 6))
    print(f"one 10 MB line of Russian words: {seconds:.1f} s CPU ({BIG_LINE / 1e6 / seconds:.2f} MB/s)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--work", type=Path, default=Path("bench/work/reader"), help="where to build it")
    parser.add_argument("--curve", action="store_true", help="time curves of hostile inputs instead")
    args = parser.parse_args()
    if args.curve:
        curve()
        return
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
    print(
        f"time: {wall:.1f} s wall, {cpu:.1f} s CPU -> {size / 1e6 / wall:.2f} MB/s on one core by the wall "
        f"clock, {size / 1e6 / cpu:.2f} MB/s by CPU time"
    )
    print(f"peak RSS: {rss_early:.0f} MB after {early} files, {peak_rss_mb():.0f} MB after {len(files)}")
    shutil.rmtree(args.work)


if __name__ == "__main__":
    main()
