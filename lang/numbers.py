"""Quantities as written and as valued, and the notation rules both languages share.

A quantity keeps its text and offsets (for findings) and its value (for comparison); ``also`` holds the
other values it may stand for. Ranges write a scale once (4,2–3,9 млн, 420 万至 390 万): the first end
then takes the scale of the second, and keeps its bare value in ``also``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written (``text`` at ``start`` in the segment) and its value."""

    text: str
    start: int
    value: float
    also: tuple[float, ...] = ()
    end: int = 0
    scale: float = 1.0

    def values(self) -> tuple[float, ...]:
        """The value and the other values it may legitimately appear as (a 12-hour hour)."""
        return (self.value, *self.also)


def same(a: float, b: float) -> bool:
    """Equal values, up to floating-point noise of the scale multiplications."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


_TIME = re.compile(r"(?<![\d:])(\d{1,2})[:：](\d{2})(?![\d:])")


def clock_times(text: str) -> list[Quantity]:
    """Clock times as hours (and minutes unless :00); 21:19 also matches a 12-hour 9 点 19 分."""
    out = []
    for m in _TIME.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 24 or minute > 59:
            continue
        out.append(Quantity(m.group(0), m.start(), float(hour), (float(hour - 12),) if hour > 12 else ()))
        if minute:
            out.append(Quantity(m.group(0), m.start(), float(minute)))
    return out


# Between the two ends of a range: 4,2–3,9 млн, 2–3 тыс., 5至6万, 4.2～3.9万.
_RANGE_GAP = re.compile(r"\s*(?:[-–—~～至到]|до)\s*")


def carry_range_scales(found: list[Quantity], text: str) -> list[Quantity]:
    """Sorted by position; the first end of a range takes the scale written only after the second."""
    found.sort(key=lambda q: q.start)
    if not found:
        return found
    out = []
    for q, nxt in zip(found, [*found[1:], None], strict=True):
        if (
            nxt is not None
            and q.scale == 1.0
            and nxt.scale != 1.0
            and q.end
            and _RANGE_GAP.fullmatch(text[q.end : nxt.start])
        ):
            q = replace(q, value=q.value * nxt.scale, also=(*q.also, q.value), scale=nxt.scale)
        out.append(q)
    return out


@cache
def data_table(name: str) -> tuple[tuple[str, float], ...]:
    """``key<TAB>number`` rows of a data file in ``lang/data`` (``#`` lines are comments)."""
    text = (resources.files("ruzh.lang") / "data" / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("\t")[:2]
            rows.append((key, float(value)))
    return tuple(rows)
