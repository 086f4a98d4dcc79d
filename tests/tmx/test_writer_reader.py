"""Writer and reader on real text: DTD, translate-toolkit read-back, determinism, gzip, illegal characters."""

from __future__ import annotations

import gzip
import importlib.util
import io
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import TmxSettings, stable_tuid, write_stream, write_tmx
from translate.storage.tmx import tmxfile

_helpers = importlib.util.spec_from_file_location("tmx_test_helpers", Path(__file__).with_name("helpers.py"))
assert _helpers and _helpers.loader
helpers = importlib.util.module_from_spec(_helpers)
_helpers.loader.exec_module(helpers)

REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")


def written(units: list[TranslationUnit], **settings: object) -> bytes:
    out = io.BytesIO()
    write_stream(out, units, TmxSettings(**settings))  # type: ignore[arg-type]
    return out.getvalue()


def test_output_validates_against_the_dtd(shared_data: Path, tmx_dtd: Path) -> None:
    data = written(helpers.flores_units(shared_data, 200), signature="aligner:test")
    dtd = etree.DTD(str(tmx_dtd))
    tree = etree.fromstring(data)
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    header = tree.find("header")
    assert all(header.get(a) for a in REQUIRED)
    assert header.get("srclang") == "ru" and header.get("segtype") == "sentence"
    assert header.get("datatype") == "plaintext"
    assert header.findtext("prop[@type='x-ruzh-signature']") == "aligner:test"


def test_translate_toolkit_reads_the_same_units(shared_data: Path) -> None:
    units = helpers.flores_units(shared_data)
    store = tmxfile(io.BytesIO(written(units, zh_tag="zh-Hans")))
    assert len(store.units) == len(units)
    for ours, theirs in zip(units, store.units, strict=True):
        assert theirs.source == ours.ru and theirs.target == ours.zh
        langs = [n.get("{http://www.w3.org/XML/1998/namespace}lang") for n in theirs.getlanguageNodes()]
        assert langs == ["ru", "zh-Hans"]
    assert store.getsourcelanguage() == "ru"


def test_read_back_gives_the_written_units(shared_data: Path) -> None:
    units = helpers.flores_units(shared_data, 300)
    back = list(TmxReader(io.BytesIO(written(units))))
    assert [replace(u, tuid="", created="") for u in back] == units
    assert all(u.tuid == stable_tuid(o.ru, o.zh, o.doc) for u, o in zip(back, units, strict=True))


def test_segments_hold_only_the_trimmed_text() -> None:
    data = written([TranslationUnit("  Первое предложение.\n", "\t第一句。 ")])
    segs = [s.text for s in etree.fromstring(data).iter("seg")]
    assert segs == ["Первое предложение.", "第一句。"]
    assert b"<seg>\xd0\x9f" in data  # no whitespace between <seg> and the text


def test_dates_and_bytes_are_pinned_by_source_date_epoch(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    units = helpers.flores_units(shared_data, 50)
    first, second = written(units), written(units)
    assert first == second
    assert b'creationdate="20231114T221320Z"' in first


def test_gzip_output_is_deterministic_and_read_back(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    units = helpers.flores_units(shared_data, 100)
    write_tmx(tmp_path / "a.tmx.gz", units)
    write_tmx(tmp_path / "b.tmx.gz", units)
    assert (tmp_path / "a.tmx.gz").read_bytes() == (tmp_path / "b.tmx.gz").read_bytes()
    assert gzip.decompress((tmp_path / "a.tmx.gz").read_bytes()).startswith(b"<?xml")
    assert len(list(TmxReader(tmp_path / "a.tmx.gz"))) == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tmx.gz", "b.tmx.gz"]


def test_illegal_characters_are_reported_and_never_written(tmx_dtd: Path) -> None:
    units = [
        TranslationUnit(
            "Отчёт\x0b за 2023 год.", "2023年\x00报告。", doc="otchet.txt", ru_line=12, zh_line=7
        ),
        TranslationUnit("Чистая строка.", "干净的一行。", doc="otchet.txt", ru_line=13, zh_line=8),
        TranslationUnit("Суррогат \ud800 здесь.", "代理\ufffe项。", doc="otchet.txt", ru_line=14, zh_line=9),
    ]
    out = io.BytesIO()
    report = write_stream(out, units)
    assert report.written == 3 and report.skipped == 0
    found = [(p.file, p.line, p.message.split()[0]) for p in report.problems]
    assert found == [
        ("otchet.txt", 12, "U+000B"),
        ("otchet.txt", 7, "U+0000"),
        ("otchet.txt", 14, "U+D800"),
        ("otchet.txt", 9, "U+FFFE"),
    ]
    assert etree.DTD(str(tmx_dtd)).validate(etree.fromstring(out.getvalue()))
    back = list(TmxReader(io.BytesIO(out.getvalue())))
    assert [u.ru for u in back] == ["Отчёт за 2023 год.", "Чистая строка.", "Суррогат  здесь."]


def test_strict_skips_units_with_illegal_characters() -> None:
    units = [
        TranslationUnit("Плохо\x01.", "坏。", doc="d.txt", ru_line=3),
        TranslationUnit("Хорошо.", "好。"),
    ]
    out = io.BytesIO()
    report = write_stream(out, units, TmxSettings(strict=True))
    assert (report.written, report.skipped) == (1, 1)
    assert any("skipped" in p.message and p.line == 3 for p in report.problems)
    assert [u.ru for u in TmxReader(io.BytesIO(out.getvalue()))] == ["Хорошо."]


def test_empty_side_is_reported_not_written() -> None:
    out = io.BytesIO()
    report = write_stream(out, [TranslationUnit("Только русский.", "  ", doc="x.txt", ru_line=5)])
    assert report.skipped == 1 and "Chinese side is empty" in report.problems[0].render()
    assert report.problems[0].render().startswith("x.txt:5:")


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    def units() -> object:
        yield TranslationUnit("Один.", "一。")
        raise RuntimeError("aligner failed")

    with pytest.raises(RuntimeError):
        write_tmx(tmp_path / "out.tmx", units())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
