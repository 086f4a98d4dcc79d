"""Encodings of real seed text, and the files the reader must refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.encoding import decode_bytes
from ruzh.align.reader import read_document
from ruzh.core.errors import ConfigError, InputError


@pytest.mark.parametrize(
    ("prefix", "encoding", "expected"),
    [
        ("000", "utf-8", "utf-8"),  # plain UTF-8
        ("000", "utf-8-sig", "utf-8-sig"),  # UTF-8 with BOM (Windows editors)
        ("001", "utf-16", "utf-16"),  # UTF-16 with BOM (Word "Unicode text")
        ("002", "gb18030", "gb18030"),  # Chinese legacy encoding
        ("004", "gb18030", "gb18030"),  # GB18030 also encodes Cyrillic
    ],
)
def test_seed_text_decodes_back(seed_path, prefix: str, encoding: str, expected: str) -> None:
    text = seed_path(prefix).read_text(encoding="utf-8")
    decoded, detected = decode_bytes(text.encode(encoding), "x.txt")
    assert decoded == text
    assert detected == expected


def test_cp1251_russian_is_detected(seed_path) -> None:
    # 004 has characters cp1251 lacks (‒), so compare with what cp1251 can carry
    data = seed_path("004").read_text(encoding="utf-8").encode("cp1251", errors="ignore")
    decoded, detected = decode_bytes(data, "x.txt")
    assert detected == "cp1251"
    assert "Китайское определение цифро-" in decoded


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\x00\x01\x02binary\x00", "NUL"),
        (bytes(range(128, 256)) * 4 + b"\x98\x98", "cannot decode"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert words in info.value.what
    assert "bad.txt" in info.value.render()


def test_undecodable_reports_the_byte_offset() -> None:
    data = "Цифровая экономика".encode() + b"\xff\xfe\xfd\x98\x98\x98" * 3
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.offset == len("Цифровая экономика".encode())
    assert "byte" in info.value.render()


def test_forced_wrong_encoding_names_the_offset() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes("数字经济".encode("gb18030"), "zh.txt", encoding="utf-8")
    assert info.value.offset == 0


def test_unknown_forced_encoding_is_a_usage_error() -> None:
    with pytest.raises(ConfigError):
        decode_bytes(b"text", "a.txt", encoding="no-such-codec")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)
