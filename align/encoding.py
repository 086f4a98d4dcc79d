"""Decode the bytes of a text document: UTF-8 (with or without BOM), UTF-16/32 with BOM, cp1251, GB18030.

Detection is deliberately small and explainable rather than statistical: a BOM decides; otherwise
strict UTF-8; otherwise whichever of cp1251 and GB18030 decodes strictly *and* looks like its
language (real Russian is mostly lower-case Cyrillic; real Chinese is mostly common Han characters
from the basic block). Anything else is refused with the byte offset where decoding failed.
"""

from __future__ import annotations

import codecs

import regex
from ruzh.core.errors import ConfigError, InputError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of binary formats users are likely to pass by mistake, with what to do instead.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file: extract its text first (e.g. pdftotext -layout FILE.pdf)"),
    (b"PK\x03\x04", "a ZIP container: only .docx is read among ZIP formats; rename it to .docx if it is one"),
    (b"\xd0\xcf\x11\xe0", "an old binary Office file (.doc): save it as .docx or .txt"),
    (b"{\\rtf", "an RTF file: save it as .docx or .txt"),
)

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LOWER_CYR = regex.compile(r"[а-яё]")
_CYR = regex.compile(r"\p{Cyrillic}")
_BASIC_HAN = regex.compile(r"[\u4e00-\u9fff]")
_ANY_HAN_OR_RARE = regex.compile(r"[\p{Han}\p{Co}\p{Cn}\u3400-\u4dbf]")

# Thresholds of plausibility, measured on the seeds (Russian ≈ 0.93 lower-case; GB18030 Chinese
# decoded as cp1251 ≈ 0.5) and on cp1251 Russian decoded as GB18030 (few basic Han).
MIN_LOWER_CYRILLIC = 0.75
MIN_BASIC_HAN = 0.9
MAX_CONTROL_SHARE = 0.01


def _binary_reason(data: bytes) -> str | None:
    for magic, reason in BINARY_MAGIC:
        if data.startswith(magic):
            return reason
    return None


def _looks_russian(text: str) -> bool:
    cyr = len(_CYR.findall(text))
    return cyr > 0 and len(_LOWER_CYR.findall(text)) / cyr >= MIN_LOWER_CYRILLIC


def _looks_chinese(text: str) -> bool:
    """Common Han characters, or (GB18030 also encodes Cyrillic) Russian without stray rare Han."""
    han = len(_ANY_HAN_OR_RARE.findall(text))
    if han == 0:
        return _looks_russian(text)
    return len(_BASIC_HAN.findall(text)) / han >= MIN_BASIC_HAN


def _check_controls(text: str, name: str) -> None:
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        first = _CONTROL.search(text)
        offset = first.start() if first else 0
        raise InputError(
            "file looks binary (control characters in the text)",
            file=name,
            offset=offset,
            hint="give a plain-text or .docx file, or force an encoding with --encoding",
        )


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a document; return ``(text, encoding_name)`` or raise :class:`InputError`."""
    if not data.strip():
        raise InputError("file is empty", file=name, hint="give a document with text in it")
    reason = _binary_reason(data)
    if reason and encoding is None:
        raise InputError(f"not a text file: {reason}", file=name, offset=0)
    if encoding is not None:
        return _decode_forced(data, name, encoding), encoding
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _decode_forced(data, name, codec)
            return text, codec
    if b"\x00" in data[:4096]:
        raise InputError(
            "file looks binary (NUL bytes) and has no UTF-16 byte-order mark",
            file=name,
            offset=data.index(b"\x00"),
            hint="save it as UTF-8, or as UTF-16 with a BOM, or force an encoding with --encoding",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc.start
    else:
        _check_controls(text, name)
        return text, "utf-8"
    for codec, plausible in (("gb18030", _looks_chinese), ("cp1251", _looks_russian)):
        candidate = _strict(data, codec)
        if candidate is not None and plausible(candidate):
            _check_controls(candidate, name)
            return candidate, codec
    raise InputError(
        "cannot decode: not UTF-8, and neither cp1251 Russian nor GB18030 Chinese",
        file=name,
        offset=first_error,
        hint="re-save the file as UTF-8, or name its encoding with --encoding (e.g. --encoding koi8-r)",
    )


def text_codec(encoding: str) -> str:
    """The codec's canonical name; an unknown name, or a codec that does not turn bytes into text
    (``rot13``, ``hex``, ``zlib``), raises :class:`ConfigError` (exit 2)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        what = "unknown encoding" if info is None else "not a text encoding"
        raise ConfigError(
            f"{what} {encoding!r}", hint="use a Python codec name such as utf-8, cp1251, gb18030, koi8-r"
        )
    return info.name


def _decode_forced(data: bytes, name: str, encoding: str) -> str:
    text_codec(encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode as {encoding}: {exc.reason}",
            file=name,
            offset=exc.start,
            hint="check the encoding, or let ruzh detect it by leaving out --encoding",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_controls(text, name)
    return text
