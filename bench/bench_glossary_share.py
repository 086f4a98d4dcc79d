"""Share of ``ruzh build``'s wall time spent in the glossary stage, on bench_build.py's corpus.

The corpus is the one ``bench/bench_build.py`` writes (document pairs made from FLORES-200 devtest
and Tatoeba, plus the seeds), here with ``--pairs`` pairs (default 60, to stay quick). The build
runs in this process with one job and no cache; the glossary stage (attestation, candidates,
competitive linking over the translation units, composition, rows) is timed by wrapping
``build_glossary``; writing the glossary files is counted with the rest.

    python bench/bench_glossary_share.py [--pairs 60] [--jobs 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_build import build_corpus

from ruzh.pipeline import build as pipeline
from ruzh.pipeline.build import BuildOptions, build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    spent: list[float] = []
    inner = pipeline.build_glossary

    def timed(*a: Any, **k: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*a, **k)
        finally:
            spent.append(time.perf_counter() - start)

    pipeline.build_glossary = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        files = build_corpus(corpus, args.data, args.pairs)
        options = BuildOptions(inputs=(corpus,), output=Path(work) / "out", jobs=args.jobs, quiet=True)
        start = time.perf_counter()
        result, stats = build(options)
        wall = time.perf_counter() - start
    share = sum(spent) / wall
    print(f"corpus: {files} files ({args.pairs} pairs + seeds), {stats.units} units, jobs {args.jobs}")
    print(f"build: {wall:.1f} s wall; glossary stage {sum(spent):.1f} s = {share:.1%} of it")
    print(f"glossary rows: {len(result.glossary)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
