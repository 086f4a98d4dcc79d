"""Characters XML 1.0 cannot carry: find them, report where they are, strip them.

XML 1.0 (5th edition, production [2] ``Char``) allows TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
U+10000–U+10FFFF. Anything else (C0 controls, lone surrogates, U+FFFE, U+FFFF) is illegal even as a
character reference; OmegaT drops a whole TMX file that contains one, so the writer never emits them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The complement of production [2] Char; a lone surrogate can reach Python strings via surrogateescape
# or JSON, so it is listed too.
ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Character references to illegal code points (``&#1;``, ``&#x1F;``) in raw XML text.
ILLEGAL_CHAR_REF = re.compile(r"&#(?:x([0-9A-Fa-f]+)|([0-9]+));")


@dataclass(frozen=True, slots=True)
class IllegalChar:
    """One character XML cannot carry: its code point and its 0-based offset in the text."""

    codepoint: int
    offset: int

    def describe(self) -> str:
        """``U+0001`` style name used in messages."""
        return f"U+{self.codepoint:04X}"


def is_legal_codepoint(cp: int) -> bool:
    """Whether XML 1.0 allows this code point (as a character or as a reference)."""
    return (
        cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF
    )


def find_illegal(text: str) -> list[IllegalChar]:
    """Every illegal character of ``text`` with its offset, in order."""
    return [IllegalChar(ord(m.group()), m.start()) for m in ILLEGAL_XML_CHARS.finditer(text)]


def strip_illegal(text: str) -> tuple[str, list[IllegalChar]]:
    """``text`` without illegal characters, and the list of what was removed (empty when clean)."""
    found = find_illegal(text)
    if not found:
        return text, found
    return ILLEGAL_XML_CHARS.sub("", text), found


def find_illegal_refs(raw: str) -> list[IllegalChar]:
    """Character references in raw XML source that name an illegal code point (offsets in ``raw``)."""
    found = []
    for m in ILLEGAL_CHAR_REF.finditer(raw):
        hex_digits, dec_digits = m.groups()
        cp = int(hex_digits, 16) if hex_digits else int(dec_digits)
        if not is_legal_codepoint(cp):
            found.append(IllegalChar(cp, m.start()))
    return found


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHAR_REF_BYTES = re.compile(rb"&#(?:x([0-9A-Fa-f]+)|([0-9]+));")


def blank_illegal(data: bytes) -> bytes:
    """Raw XML in an ASCII-compatible encoding with each C0 control byte made a space and each
    reference to an illegal code point one to a space or a tab, of the same length: the lines and
    columns of everything else hold, and a parser reads past them (a checker that reports them
    itself still wants the rest of the file checked)."""

    def legal_ref(m: re.Match[bytes]) -> bytes:
        hex_digits, dec_digits = m.groups()
        if is_legal_codepoint(int(hex_digits, 16) if hex_digits else int(dec_digits)):
            return m.group()
        width = len(hex_digits or dec_digits)
        digits = (b"20" if hex_digits else b"32").rjust(width, b"0") if width >= 2 else b"9"
        return (b"&#x" if hex_digits else b"&#") + digits + b";"

    return _CHAR_REF_BYTES.sub(legal_ref, _CONTROL_BYTES.sub(b" ", data))
