"""memory.tmx written on a forked worker while the build goes on: the same bytes, errors raised (an
interrupted build: tests/cli/test_build_cli.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.core.errors import ConfigError
from ruzh.core.langtags import OutputTags
from ruzh.seeds import seed_paths
from ruzh.tmx.reader import read_tmx
from ruzh.tmx.validate import has_errors, validate_tmx

from ruzh.pipeline import outputs
from ruzh.pipeline.build import BuildOptions, build


def test_the_side_writer_writes_what_the_main_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmx_dtd: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    options = BuildOptions(inputs=tuple(seed_paths()), output=tmp_path / "one", jobs=1, quiet=True)
    result, _ = build(options)
    units, _ = outputs.passage_units(result.passages)
    assert units  # the seeds' abstract pair
    here, aside = tmp_path / "here.tmx", tmp_path / "aside.tmx"
    outputs.write_memory(here, units, "sig", OutputTags())
    with outputs.memory_aside(aside, units, "sig", OutputTags(), jobs=2):
        pass
    assert aside.read_bytes() == here.read_bytes()
    assert not has_errors(validate_tmx(aside, dtd=tmx_dtd)) and len(list(read_tmx(aside))) == len(units)
    build(BuildOptions(inputs=options.inputs, output=tmp_path / "two", jobs=2, quiet=True))
    assert (tmp_path / "two" / "memory.tmx").read_bytes() == (tmp_path / "one" / "memory.tmx").read_bytes()


def test_a_bad_date_is_a_usage_error_before_anything_is_forked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    with pytest.raises(ConfigError), outputs.memory_aside(tmp_path / "m.tmx", [], "", OutputTags(), 2):
        pytest.fail("the block must not run")
    assert not (tmp_path / "m.tmx").exists()
