"""TM consistency: the same source with different targets, the same target with different sources.

Reported as groups (one finding per source with all its translations), not pair by pair. For each
distinct segment only a 64-bit hash of it (Python's string hash), a 32-bit hash of its partner and
the line of its first unit are kept, in an open-addressing table of two unboxed 64-bit arrays
(16 bytes a slot instead of ~100 for a dict entry with two int objects): a million units cost
about 64 MB for both directions. Texts are kept only once a segment is known to conflict, so the
first unit of a group is known by its line only.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding

# Short targets (是。, 好的) legitimately translate many sources; below this many Han characters a
# shared target is not reported.
SAME_TARGET_MIN_HAN = 6
_ENOUGH_HAN = regex.compile(r"\p{Han}(?:[^\p{Han}]*\p{Han}){" + str(SAME_TARGET_MIN_HAN - 1) + "}")
MAX_RELATED = 20
_LINE_BITS = 32


class PackedTable:
    """A map from non-zero 64-bit keys to 64-bit values in two ``array('Q')``, linear probing."""

    def __init__(self, capacity: int = 1 << 16) -> None:
        self.keys = array("Q", bytes(8 * capacity))
        self.values = array("Q", bytes(8 * capacity))
        self.mask = capacity - 1
        self.size = 0

    def _slot(self, key: int) -> int:
        i = (key ^ (key >> 29)) & self.mask
        keys = self.keys
        while keys[i] and keys[i] != key:
            i = (i + 1) & self.mask
        return i

    def get(self, key: int) -> int | None:
        """The value of ``key``, or ``None``."""
        i = self._slot(key)
        return self.values[i] if self.keys[i] else None

    def setdefault(self, key: int, value: int) -> int | None:
        """The value of ``key`` if it is there; else store ``value`` and return ``None`` (one probe)."""
        mask, keys = self.mask, self.keys
        i = (key ^ (key >> 29)) & mask
        k = keys[i]
        while k:
            if k == key:
                return self.values[i]
            i = (i + 1) & mask
            k = keys[i]
        keys[i] = key
        self.values[i] = value
        self.size += 1
        if 3 * self.size > 2 * (mask + 1):
            self._grow()
        return None

    def put(self, key: int, value: int) -> None:
        """Set ``key`` (which must not be 0) to ``value``; grows at two-thirds full."""
        i = self._slot(key)
        if not self.keys[i]:
            self.size += 1
            if 3 * self.size > 2 * (self.mask + 1):
                self._grow()
                i = self._slot(key)
        self.keys[i] = key
        self.values[i] = value

    def __len__(self) -> int:
        return self.size

    def _grow(self) -> None:
        old_keys, old_values = self.keys, self.values
        capacity = 2 * (self.mask + 1)
        self.keys = array("Q", bytes(8 * capacity))
        self.values = array("Q", bytes(8 * capacity))
        self.mask = capacity - 1
        for k, v in zip(old_keys, old_values, strict=True):
            if k:
                i = self._slot(k)
                self.keys[i] = k
                self.values[i] = v


def _h(text: str, bits: int) -> int:
    # Python's own string hash: 64 bits, fast, and stable within one run, which is all a group needs.
    return (hash(text) & 0xFFFFFFFFFFFFFFFF) >> (64 - bits)


@dataclass
class _Side:
    """One direction (source -> targets): packed first partner per key, groups once they conflict."""

    first: PackedTable = field(default_factory=PackedTable)
    groups: dict[int, dict[int, tuple[int, str]]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)

    def add(self, key_text: str, other: str, line: int) -> None:
        key, partner = _h(key_text, 64) or 1, _h(other, 32)
        packed = self.first.setdefault(key, (partner << _LINE_BITS) | (line & 0xFFFFFFFF))
        if packed is None:
            return
        first_partner, first_line = packed >> _LINE_BITS, packed & 0xFFFFFFFF
        if partner == first_partner and key not in self.groups:
            return
        group = self.groups.setdefault(key, {first_partner: (first_line, "")})
        self.texts.setdefault(key, key_text)
        if partner not in group:
            group[partner] = (line, other)


@dataclass
class TmGroups:
    """Collects both directions while units stream past."""

    by_source: _Side = field(default_factory=_Side)
    by_target: _Side = field(default_factory=_Side)

    def add(self, line: int, ru: str, zh: str) -> None:
        """Record one unit (whitespace-normalised)."""
        if not ru or not zh:
            return
        ru_n = ru if "  " not in ru and "\t" not in ru else " ".join(ru.split())
        zh_n = zh if "  " not in zh and "\t" not in zh else " ".join(zh.split())
        self.by_source.add(ru_n, zh_n, line)
        if _ENOUGH_HAN.search(zh_n):
            self.by_target.add(zh_n, ru_n, line)

    def findings(self, name: str, label: Callable[[int], str] | None = None) -> list[Finding]:
        """One finding per conflicting group, at the line of its first unit; ``label`` names a unit
        by its line in messages (default: the line number)."""
        named = label or str
        out = []
        for rule, side, what, other in (
            ("tm-inconsistent-target", self.by_source, "source", "translations"),
            ("tm-inconsistent-source", self.by_target, "translation", "sources"),
        ):
            for key, group in side.groups.items():
                members = sorted(group.values())
                lines = [ln for ln, _ in members]
                shown = ", ".join(map(named, lines[:MAX_RELATED])) + (
                    ", …" if len(lines) > MAX_RELATED else ""
                )
                prefix = "line " if label is None else ""
                related = tuple(
                    f"{prefix}{named(ln)}: {txt}" if txt else f"{prefix}{named(ln)}"
                    for ln, txt in members[:MAX_RELATED]
                )
                text = side.texts[key]
                out.append(
                    finding(
                        rule,
                        f"the same {what} has {len(members)} different {other} (lines {shown})",
                        name,
                        lines[0],
                        1,
                        text,
                        related=related,
                        context=text[:80],
                    )
                )
        return out
