"""Where translation units come from for the unit and memory checks: a file, or a build's memory.

A TMX or an aligned TSV file is streamed; its findings point at the line where the offending text
starts inside its ``<seg>`` (the ``<tu>`` line for findings about the whole memory), or the unit's
line in the TSV. The units a build holds are checked as they are (nothing is written and parsed
back), and their findings point at the unit's sentences in their documents: the Russian side's
document and line, or the Chinese side's, so a finding is keyed by the document it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding
from ruzh.checks.units import UnitChecker
from ruzh.checks.variants import Glossary
from ruzh.tmx.reader import TmxReader
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.units import units_from_tsv

_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True, slots=True)
class UnitFile:
    """A TMX or aligned TSV file, the name findings give it, and its kind (default: by its name)."""

    path: Path
    name: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class UnitMemory:
    """Translation units held in memory (a build's), and the name of the memory they make."""

    units: Sequence[TranslationUnit]
    name: str


def iter_units(
    path: str | Path, name: str, kind: str | None = None, problems: list[Finding] | None = None
) -> Iterator[tuple[int, TranslationUnit, Callable[[str, str | None], int] | None]]:
    """(line in the file, unit, where a text of it starts) from a TMX or an aligned TSV file.

    ``kind`` is ``tmx`` or ``tsv`` (default: by the file name). What the TMX reader had to skip or
    leave out (a unit without a Russian side, inline codes) is added to ``problems`` as findings,
    so nothing is dropped silently. The third item, for a TMX, gives the line of a text inside the
    unit's segments (``None`` for TSV, whose unit is one line).
    """
    p = str(path)
    if (kind or ("tmx" if p.endswith((".tmx", ".tmx.gz", ".xml")) else "tsv")) == "tmx":
        reader = TmxReader(p, name)  # its last_line is the line of the <tu> just yielded
        for unit in reader:
            yield reader.last_line, unit, reader.text_line
        if problems is not None:
            problems.extend(
                finding("tmx-read-problem", pr.message, name, pr.line or 1, 1, "", context=pr.message)
                for pr in reader.problems
            )
    else:
        for unit in units_from_tsv(p, name):
            yield unit.ru_line, unit, None


def _side_of(f: Finding) -> str | None:
    """Which side of its unit a finding is about: the side its message names first ("'5' in the
    Russian side has no equal in the Chinese side" is about the Russian side), else Chinese when its
    text has Han characters (``None``: either)."""
    ru, zh = f.message.find("Russian side"), f.message.find("Chinese side")
    if ru >= 0 and (zh < 0 or ru < zh):
        return "ru"
    if zh >= 0 or _HAN.search(f.text):
        return "zh"
    return None


def check_unit_file(
    path: str | Path, name: str, glossary: Glossary | None = None, kind: str | None = None
) -> Iterator[Finding]:
    """Every finding of a TMX or aligned TSV file, streamed; memory-wide findings come last."""
    checker = UnitChecker(name, glossary)
    problems: list[Finding] = []
    for line, unit, locate in iter_units(path, name, kind, problems):
        found = checker.check(line, unit)
        if locate is not None:
            found = [replace(f, line=locate(f.text, _side_of(f))) if f.text else f for f in found]
        yield from found
    yield from problems
    yield from checker.finish()


def check_memory(units: Sequence[TranslationUnit], glossary: Glossary | None = None) -> Iterator[Finding]:
    """Every finding of units held in memory, at their sentences' places; memory-wide ones last."""

    def place(k: int, side: str | None) -> tuple[str, int]:
        unit = units[k - 1]
        if side == "zh":
            return unit.zh_doc or unit.doc, unit.zh_line
        return unit.doc, unit.ru_line

    def label(k: int) -> str:
        return "{}:{}".format(*place(k, None))

    def moved(f: Finding) -> Finding:
        file, line = place(f.line, _side_of(f))
        return replace(f, file=file, line=line)

    checker = UnitChecker("", glossary)
    for k, unit in enumerate(units, 1):
        yield from map(moved, checker.check(k, unit))
    yield from map(moved, checker.finish(label))


def check_units(units: UnitFile | UnitMemory, glossary: Glossary | None = None) -> Iterator[Finding]:
    """The unit and memory rules over a file of units or units in memory."""
    if isinstance(units, UnitFile):
        return check_unit_file(units.path, units.name, glossary, units.kind)
    return check_memory(units.units, glossary)
