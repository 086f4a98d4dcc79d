"""The build's statistics: every phase is timed both in wall and in CPU time (the benchmarks'
per-phase figures come from them)."""

from __future__ import annotations

from pathlib import Path

from ruzh.seeds import seed_paths

from ruzh.pipeline.build import BuildOptions, build, cpu_time


def test_every_phase_has_its_wall_and_cpu_time(tmp_path: Path) -> None:
    before = cpu_time()
    _, stats = build(BuildOptions(inputs=tuple(seed_paths()), output=tmp_path / "out", quiet=True))
    spent = cpu_time() - before
    assert set(stats.cpu_seconds) == set(stats.seconds) >= {"reading", "pairing and aligning", "report"}
    assert all(seconds >= 0 for seconds in stats.cpu_seconds.values())
    assert 0 < sum(stats.cpu_seconds.values()) <= spent
