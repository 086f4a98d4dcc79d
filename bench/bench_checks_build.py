"""CPU time of the checks phase of ``ruzh build``: a full build, then a re-build after one edit.

The corpus is :func:`bench_build.build_corpus`'s (``--pairs`` generated document pairs from
``../shared/data`` plus the seeds). The build runs in this process with a cache folder; the CPU
seconds (``time.process_time``) spent inside the build's checks call (``check_build``) are summed,
for the full build and for the re-build after a sentence is appended to one document, whose other
stages reuse the cache. ``--profile`` prints the checks' ten most expensive functions of each run.

    python bench/bench_checks_build.py [--pairs 100] [--data ../shared/data] [--work DIR] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import build_corpus, edit_one

import ruzh.pipeline.build as pipeline


class Timed:
    """Wraps the build's checks call, summing its CPU seconds (and profiling it when asked)."""

    def __init__(self, inner: Callable[..., Any], profile: bool) -> None:
        self.inner, self.profile = inner, profile
        self.seconds = 0.0
        self.stats: pstats.Stats | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        profiler = cProfile.Profile() if self.profile else None
        start = time.process_time()
        if profiler is not None:
            profiler.enable()
        try:
            return self.inner(*args, **kwargs)
        finally:
            if profiler is not None:
                profiler.disable()
                self.stats = pstats.Stats(profiler, stream=io.StringIO())
            self.seconds += time.process_time() - start


def run(options: pipeline.BuildOptions, label: str, profile: bool) -> None:
    """One build with the checks call timed; prints its CPU seconds and findings."""
    timed = Timed(pipeline.check_build, profile)
    original, pipeline.check_build = pipeline.check_build, timed
    start = time.process_time()
    try:
        _, stats = pipeline.build(options)
    finally:
        pipeline.check_build = original
    total = time.process_time() - start
    seconds = f"checks {timed.seconds:.2f} s CPU of {total:.1f} s CPU for the build"
    print(f"{label}: {seconds}, {stats.findings} findings")
    if timed.stats is not None:
        out = io.StringIO()
        timed.stats.stream = out  # type: ignore[attr-defined]
        timed.stats.sort_stats("cumulative").print_stats(r"checks|checking", 10)
        print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ruzh-bench-checks")
    parser.add_argument("--profile", action="store_true", help="print the checks' costliest functions")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"bench_checks_build: development data not found at {args.data} (give --data)")
    corpus, out = args.work / "corpus", args.work / "out"
    shutil.rmtree(out, ignore_errors=True)
    files = build_corpus(corpus, args.data, args.pairs)
    print(f"corpus: {files} files ({args.pairs} generated pairs + seeds)")
    options = pipeline.BuildOptions(
        inputs=(corpus,), output=out, jobs=1, cache_dir=out / ".cache", quiet=True
    )
    run(options, "full build", args.profile)
    edited = edit_one(corpus)
    run(options, f"re-build after editing {edited.name}", args.profile)


if __name__ == "__main__":
    main()
