"""CPU of competitive linking (glossary/linking.py ``link_units``) on bench_build.py's corpus, in one
process and split over ``--jobs`` forked workers, and whether both give the same links.

The build of the corpus (``--pairs`` pairs, one job, no cache) gives the sentence units and the prior
that the glossary stage passes to the linking, which is then run again twice. Reported: this
process's CPU and wall time of the linking alone, and with workers the CPU of the workers, which the
main process waits for.

    python bench/bench_linking.py [--pairs 60] [--jobs 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_build import build_corpus
from ruzh.glossary.linking import frequency_gap, link_units
from ruzh.glossary.scoring import chance_tail, general_frequencies, log_likelihood
from ruzh.glossary.spread import Workers

from ruzh.pipeline import units as pipeline_units
from ruzh.pipeline.build import BuildOptions, build
from ruzh.pipeline.pool import worker_pool


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    sentences, prior = _inputs(args.data, args.pairs)
    general_frequencies("ru"), general_frequencies("zh")  # loaded before the build's linking too
    print(f"sentence pairs: {len(sentences)} ({len(set(sentences))} distinct)")
    alone = _timed("1 job", lambda: link_units(sentences, prior))
    jobs = args.jobs
    workers = Workers(jobs, lambda: worker_pool(jobs, context=multiprocessing.get_context("fork")))
    pooled = _timed(f"{jobs} jobs", lambda: link_units(sentences, prior, workers=workers))
    same = pooled == alone and list(pooled[0]) == list(alone[0])
    print(f"same links: {same} ({sum(len(v) for v in alone[0].values())} links)")
    return 0 if same else 1


def _inputs(data: Path, pairs: int) -> tuple[list[Any], dict[str, Any]]:
    """The sentence units and the prior that a build of the corpus links."""
    found: list[tuple[list[Any], dict[str, Any]]] = []
    inner = pipeline_units.link_units

    def keep(sentences: Any, prior: Any, **options: Any) -> Any:
        found.append((list(sentences), dict(prior)))
        return inner(found[-1][0], prior, **options)

    pipeline_units.link_units = keep  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as work:
            corpus = Path(work) / "corpus"
            build_corpus(corpus, data, pairs)
            build(BuildOptions(inputs=(corpus,), output=Path(work) / "out", jobs=1, quiet=True))
    finally:
        pipeline_units.link_units = inner  # type: ignore[assignment]
    return found[0]


def _timed(name: str, run: Any) -> Any:
    for cached in (chance_tail, log_likelihood, frequency_gap):
        cached.cache_clear()  # as cold as in a build (the build above, or the other run, filled them)
    start, wall, children = time.process_time(), time.perf_counter(), _children()
    out = run()
    cpu, wall, children = time.process_time() - start, time.perf_counter() - wall, _children() - children
    extra = f"; workers {children:.2f} s CPU" if children else ""
    print(f"{name}: {cpu:.2f} s CPU in this process, {wall:.2f} s wall{extra}")
    return out


def _children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
