"""Share of ``ruzh build``'s time spent in the glossary stage, on bench_build.py's corpus.

The corpus is the one ``bench/bench_build.py`` writes (document pairs made from FLORES-200 devtest
and Tatoeba, plus the seeds), here with ``--pairs`` pairs (default 60, to stay quick). The build
runs in this process with ``--jobs`` jobs and a new cache in its output folder, as ``ruzh build``
keeps one by default (``--no-cache``: none). The glossary stage is everything the
build's ``glossary`` phase does: counting each document (attestation, candidates), the units of the
aligned pairs, competitive linking, composition, rows, and writing the glossary files. Reported as
wall time (the build's own phase timer) and as CPU time (steadier on a shared machine): this
process's, plus with ``--jobs 2`` that of the worker processes (the pools are joined within each
stage, so their time is counted as the stage's) and the CPU of the glossary stage's main process
alone, which no worker can take over, and the part of it after the counting's workers are done (the
stage's serial tail, which the progress bar shows at 100%; the linking's workers run inside it), in wall
time and in CPU.

``--breakdown`` (with one job) also prints the CPU of the stage's parts: counting each document
(Russian and Chinese candidates, attestation), the pairing units, competitive linking, selection,
name matching (and inside the linking: counting, ranking, competing, the leftovers), and the
pipeline's round trip of each document's counts through its stored form.

``--profile N`` prints the N costliest functions of the stage in this process (cProfile; with
``--jobs 2`` that is the part no worker takes over).

    python bench/bench_glossary_share.py [--pairs 60] [--jobs 1] [--breakdown] [--profile N] [--no-cache]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_build import build_corpus

from ruzh.pipeline import build as pipeline
from ruzh.pipeline.build import BuildOptions, build, cpu_time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--breakdown", action="store_true", help="CPU of the stage's parts (one job)")
    parser.add_argument("--no-cache", action="store_true", help="no cache (as --no-cache)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="the N costliest functions")
    args = parser.parse_args()
    parts = _breakdown() if args.breakdown else {}
    cpu: list[float] = []
    own: list[float] = []
    inner = pipeline.glossary_stage

    tail: list[float] = []
    tail_wall: list[float] = []
    collections: list[float] = []  # [seconds of cycle collection in this process, collections]

    def collecting(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(-time.process_time())
        elif collections:
            collections[-1] += time.process_time()

    def timed(*a: Any, **k: Any) -> Any:
        start, start_own = cpu_time(), time.process_time()
        done = a[8] if len(a) > 8 else None  # counted(): the counting's workers are done

        def counted() -> None:
            tail.append(time.process_time())
            tail_wall.append(time.perf_counter())
            if done is not None:
                done()

        gc.callbacks.append(collecting)
        try:
            return _profiled(inner, args.profile, *a[:8], counted, **k)
        finally:
            gc.callbacks.remove(collecting)
            cpu.append(cpu_time() - start)
            own.append(time.process_time() - start_own)
            tail[-1:] = [time.process_time() - t for t in tail[-1:]]
            tail_wall[-1:] = [time.perf_counter() - t for t in tail_wall[-1:]]

    pipeline.glossary_stage = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        files = build_corpus(corpus, args.data, args.pairs)
        out = Path(work) / "out"
        cache = None if args.no_cache else out / ".ruzh-cache"  # as `ruzh build` keeps it by default
        options = BuildOptions(inputs=(corpus,), output=out, jobs=args.jobs, quiet=True, cache_dir=cache)
        start, start_cpu = time.perf_counter(), cpu_time()
        result, stats = build(options)
        wall, build_cpu = time.perf_counter() - start, cpu_time() - start_cpu
    glossary = stats.seconds.get("glossary", 0.0)
    print(f"corpus: {files} files ({args.pairs} pairs + seeds), {stats.units} units, jobs {args.jobs}")
    print(f"build: {wall:.1f} s wall; glossary phase {glossary:.1f} s = {glossary / wall:.1%} of it")
    used = sum(cpu)
    workers = " (this process and its workers)" if args.jobs > 1 else ""
    print(
        f"cpu{workers}: build {build_cpu:.1f} s; glossary stage {used:.1f} s = {used / build_cpu:.1%} of it"
    )
    if args.jobs > 1:
        print(f"cpu of the glossary stage in this process alone: {sum(own):.1f} s")
    print(f"cpu of cycle collections in this process during the stage: {sum(collections):.1f} s "
          f"({len(collections)} collections)")  # fmt: skip
    if tail:
        print(
            f"after the counting (the stage's serial tail): {sum(tail_wall):.1f} s wall, "
            f"{sum(tail):.1f} s CPU of this process"
        )
    phases = ", ".join(f"{name} {seconds:.1f}" for name, seconds in stats.seconds.items())
    print(f"phases (s wall): {phases}")
    phases = ", ".join(f"{name} {seconds:.1f}" for name, seconds in stats.cpu_seconds.items())
    print(f"phases (s CPU, with the workers that ended in each): {phases}")
    print(f"glossary rows: {len(result.glossary)}")
    if parts:
        print("cpu of the stage's parts (s; nested parts are inside the ones above them):")
        for name, seconds in parts.items():
            print(f"  {name} {seconds:.2f}")
    return 0


# (module, function or Class.method): the parts of the glossary stage that --breakdown times.
_PARTS = (
    ("ruzh.pipeline.stages", "glossary_counts"),  # documents' counts and pairing units together
    ("ruzh.pipeline.stages", "document_parts"),  # the same, as earlier versions split it
    ("ruzh.pipeline.parts", "count_document"),
    ("ruzh.glossary.collect_ru", "RuCollector.add"),
    ("ruzh.glossary.candidates_zh", "ZhCollector.add"),
    ("ruzh.glossary.attest", "Attester.document_part"),
    ("ruzh.pipeline.parts", "stored"),
    ("ruzh.pipeline.counting", "restored"),
    ("ruzh.pipeline.parts", "restored"),
    ("ruzh.pipeline.units", "sentence_units"),
    ("ruzh.pipeline.stages", "pair_units"),
    ("ruzh.pipeline.stages", "build_glossary"),
    ("ruzh.glossary.build", "link_units"),
    ("ruzh.pipeline.units", "link_units"),  # the same, where the pipeline caches its result
    ("ruzh.glossary.linking", "_count"),  # the co-occurrence counts (twice: all units, the leftovers)
    ("ruzh.glossary.linking", "_ranking"),
    ("ruzh.glossary.linking", "_compete"),  # three rounds: two over all units, one over the leftovers
    ("ruzh.glossary.linking", "leftover_units"),
    ("ruzh.glossary.build", "_select"),
    ("ruzh.pipeline.stages", "match_names"),
)


def _breakdown() -> dict[str, float]:
    """Wrap the stage's parts with CPU timers; parts a later version no longer has are skipped."""
    seconds: dict[str, float] = defaultdict(float)
    for module_name, name in _PARTS:
        owner: Any = importlib.import_module(module_name)
        *outer, attr = name.split(".")
        for step in outer:
            owner = getattr(owner, step, None)
        if owner is not None and callable(getattr(owner, attr, None)):
            seconds[name] = 0.0
            setattr(owner, attr, _timer(getattr(owner, attr), name, seconds))
    return seconds


def _timer(inner: Callable[..., Any], name: str, seconds: dict[str, float]) -> Callable[..., Any]:
    def timed(*a: Any, **k: Any) -> Any:
        start = time.process_time()
        try:
            return inner(*a, **k)
        finally:
            seconds[name] += time.process_time() - start

    return timed


def _profiled(inner: Callable[..., Any], top: int, *a: Any, **k: Any) -> Any:
    """``inner(*a, **k)``, with this process's ``top`` costliest functions printed when ``top``."""
    if not top:
        return inner(*a, **k)
    profile = cProfile.Profile()
    try:
        return profile.runcall(inner, *a, **k)
    finally:
        stats = pstats.Stats(profile, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    sys.exit(main())
