"""Bead files in vecalign's format: one bead per line, ``[0]:[0, 1]:0.873`` (score optional)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import pairwise

import regex
from ruzh.align.types import Bead
from ruzh.core.errors import InputError

_LINE = regex.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]\s*(?::\s*(\S+))?\s*$")


def format_bead(bead: Bead) -> str:
    """``[0]:[0, 1]:0.873``: indices 0-based, score with three decimals."""
    src = ", ".join(map(str, bead.src))
    tgt = ", ".join(map(str, bead.tgt))
    return f"[{src}]:[{tgt}]:{bead.score:.3f}"


def _indices(text: str, name: str, number: int) -> tuple[int, ...]:
    """Indices of one side: increasing and consecutive, as a bead covers adjacent sentences."""
    parts = text.split(",") if text.strip() else []
    if any(not p.strip() for p in parts):
        raise InputError("empty index in a bead", file=name, line=number, hint="write [0, 1], not [0,]")
    found = tuple(int(p) for p in parts)
    if any(b != a + 1 for a, b in pairwise(found)):
        raise InputError(
            f"bead indices {list(found)} are not consecutive and increasing",
            file=name,
            line=number,
            hint="a bead joins adjacent sentences, e.g. [3, 4]",
        )
    return found


def parse_beads(lines: Iterable[str], name: str = "<beads>") -> list[Bead]:
    """Beads of a bead file; blank and ``#`` lines are skipped, anything malformed is an error."""
    beads: list[Bead] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        m = _LINE.match(raw)
        if m is None:
            raise InputError(
                "not a bead line",
                file=name,
                line=number,
                hint="write [ru indices]:[zh indices]:score, e.g. [0]:[0, 1]:0.873",
            )
        score = 1.0
        if m.group(3) is not None:
            try:
                score = float(m.group(3))
            except ValueError:
                score = math.nan
            if not 0.0 <= score <= 1.0:
                raise InputError(
                    f"bad score {m.group(3)!r}",
                    file=name,
                    line=number,
                    hint="the score is a number between 0 and 1",
                ) from None
        src, tgt = _indices(m.group(1), name, number), _indices(m.group(2), name, number)
        if not src and not tgt:
            raise InputError(
                "a bead with no sentence on either side",
                file=name,
                line=number,
                hint="every bead names at least one sentence",
            )
        beads.append(Bead(src, tgt, score))
    return beads


def read_beads(path: str) -> list[Bead]:
    """Read a bead file (``-`` is not accepted here: the caller opens stdin itself)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_beads(handle, path)
    except UnicodeDecodeError as exc:
        raise InputError("bead file is not UTF-8", file=path, hint="save it as UTF-8") from exc
