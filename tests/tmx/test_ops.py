"""Merge, dedupe with provenance, filter, split and statistics on real units."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
from ruzh.core.errors import ConfigError
from ruzh.tmx import ops
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import TmxSettings, write_tmx

_spec = importlib.util.spec_from_file_location("tmx_test_helpers", Path(__file__).with_name("helpers.py"))
assert _spec and _spec.loader
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)


def test_merge_keeps_order(shared_data: Path, tmp_path: Path) -> None:
    units = helpers.flores_units(shared_data, 30)
    write_tmx(tmp_path / "a.tmx", units[:10])
    write_tmx(tmp_path / "b.tmx.gz", units[10:])
    merged = list(ops.merge([TmxReader(tmp_path / "a.tmx"), TmxReader(tmp_path / "b.tmx.gz")]))
    assert [u.ru for u in merged] == [u.ru for u in units]


def test_dedupe_merges_provenance_and_reports_conflicts(shared_data: Path) -> None:
    base = helpers.flores_units(shared_data, 20)
    again = [
        replace(u, doc="second.ru", ru="  " + u.ru.replace(" ", "  ") + " ") for u in base[:5]
    ]  # spacing
    conflicting = replace(base[7], zh=base[8].zh, doc="third.ru")
    units = [*base, *again, conflicting, base[0]]
    report = ops.DedupeReport()
    out = list(ops.dedupe(lambda: units, report))
    assert len(out) == 21 and (report.read, report.folded, report.written) == (27, 6, 21)
    assert out[0].doc == "flores.ru" and out[0].also_in == ("second.ru",)
    assert out[5].also_in == ()
    assert [c.ru for c in report.conflicts] == [base[7].ru]
    assert [zh for zh, _ in report.conflicts[0].targets] == [base[7].zh, base[8].zh]
    assert out[-1].zh == base[8].zh  # the conflicting pair is kept


def test_filter_by_score_document_and_date(shared_data: Path) -> None:
    units = helpers.flores_units(shared_data, 100)
    dated = [replace(u, created=f"2024{1 + i % 12:02d}15T120000Z") for i, u in enumerate(units)]
    dated[3] = replace(dated[3], score=None, doc="other.ru", zh_doc="other.zh")
    kept = list(ops.filter_units(dated, ops.UnitFilter(min_score=0.9)))
    assert kept and all(u.score is not None and u.score >= 0.9 for u in kept)
    assert len(kept) == sum(1 for u in dated if u.score is not None and u.score >= 0.9)
    assert [u.ru for u in ops.filter_units(dated, ops.UnitFilter(docs=("other.*",)))] == [dated[3].ru]
    march = ops.UnitFilter(since=ops.parse_date("2024-03-01"), until=ops.parse_date("20240331T235959Z"))
    assert {u.created[:6] for u in ops.filter_units(dated, march)} == {"202403"}
    assert dated[3] not in list(ops.filter_units(dated, ops.UnitFilter(max_score=1.0)))


def test_parse_date_rejects_nonsense() -> None:
    assert ops.parse_date("20240102") == "20240102T000000Z"
    with pytest.raises(ConfigError):
        ops.parse_date("yesterday")


def test_split_writes_files_of_n_units(shared_data: Path, tmp_path: Path) -> None:
    units = helpers.flores_units(shared_data, 25)
    files, report = ops.split(iter(units), 10, tmp_path / "part.tmx.gz", TmxSettings())
    assert [f.name for f in files] == ["part.001.tmx.gz", "part.002.tmx.gz", "part.003.tmx.gz"]
    assert [len(list(TmxReader(f))) for f in files] == [10, 10, 5]
    assert report.written == 25
    with pytest.raises(ConfigError):
        ops.split(iter(units), 0, tmp_path / "x.tmx", TmxSettings())


def test_stats(shared_data: Path) -> None:
    units = [*helpers.flores_units(shared_data, 100), TranslationUnit("Без оценки.", "无分数。", bead="2-1")]
    stats = ops.collect_stats(units)
    assert stats.units == 101 and stats.no_score == 1
    assert sum(stats.score_bins) == 100 and stats.score_bins[9] == sum(
        1 for u in units if (u.score or 0) >= 0.9
    )
    assert stats.docs["flores.ru"] == 100 and stats.beads["2-1"] == 1
    assert stats.zh_chars == sum(len(u.zh) for u in units)
