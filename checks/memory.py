"""Where translation units come from for the unit and memory checks: a file, or a build's memory.

A TMX or an aligned TSV file is streamed; its findings point at the line where the offending text
starts inside its ``<seg>`` (the ``<tu>`` line for findings about the whole memory), or the unit's
line in the TSV. The units a build holds are checked as they are (nothing is written and parsed
back), and their findings point at the unit's sentences in their documents: the Russian side's
document, line and column, or the Chinese side's, so a finding is keyed by the document it is about.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import regex
from ruzh.align.types import Document
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


class _Columns:
    """Where a unit's sentence starts on its line: the column of the sentence of that document and
    line whose text opens the unit's side (units keep only lines), else 1."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.starts: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
        for document in documents:
            for sentence in document.sentences():
                self.starts[(document.name, sentence.line)].append((sentence.column, sentence.text))

    def column(self, doc: str, line: int, text: str) -> int:
        found = self.starts.get((doc, line), [])
        return next((column for column, start in found if text.startswith(start)), 1)


# How the per-unit findings of a run of units are computed: ``memo(units, compute)`` returns
# ``compute()`` or a kept result of it (lines counted from 1 within the run; they depend only on
# the units' texts and the glossary, see :meth:`UnitChecker.findings`).
UnitMemo = Callable[[Sequence[TranslationUnit], Callable[[], tuple[Finding, ...]]], Sequence[Finding]]


def fresh(units: Sequence[TranslationUnit], compute: Callable[[], tuple[Finding, ...]]) -> Sequence[Finding]:
    """The memo that keeps nothing."""
    return compute()


def check_memory(
    units: Sequence[TranslationUnit],
    glossary: Glossary | None = None,
    documents: Iterable[Document] = (),
    memo: UnitMemo = fresh,
) -> Iterator[Finding]:
    """Every finding of units held in memory, at their sentences' places (``documents``: where the
    units come from, for the column); memory-wide ones last. The per-unit findings of each
    passage's run of units go through ``memo``, so a build can keep them with the texts."""
    columns = _Columns(documents)

    def place(k: int, side: str | None) -> tuple[str, int, int]:
        unit = units[k - 1]
        if side == "zh":
            doc, line, text = unit.zh_doc or unit.doc, unit.zh_line, unit.zh
        else:
            doc, line, text = unit.doc, unit.ru_line, unit.ru
        return doc, line, columns.column(doc, line, text.strip())

    def label(k: int) -> str:
        doc, line, _ = place(k, None)
        return f"{doc}:{line}"

    def moved(f: Finding, shift: int = 0) -> Finding:
        file, line, column = place(f.line + shift, _side_of(f))
        return replace(f, file=file, line=line, column=column)

    checker = UnitChecker("", glossary)
    for start, end in passage_runs(units):
        group = units[start:end]
        for k, unit in enumerate(group, start + 1):
            checker.note(k, unit.ru.strip(), unit.zh.strip())
        found = memo(group, partial(run_findings, checker, group))
        yield from (moved(f, start) for f in found)
    yield from map(moved, checker.finish(label))


def passage_runs(units: Sequence[TranslationUnit]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of units from one pair of documents (a passage's units)."""
    start = 0
    for k in range(1, len(units) + 1):
        if k == len(units) or (units[k].doc, units[k].zh_doc) != (units[start].doc, units[start].zh_doc):
            yield start, k
            start = k


def run_findings(checker: UnitChecker, group: Sequence[TranslationUnit]) -> tuple[Finding, ...]:
    """The per-unit findings of a run of units, their lines counted from 1 within the run."""
    return tuple(f for k, u in enumerate(group, 1) for f in checker.findings(k, u.ru.strip(), u.zh.strip()))


def check_units(
    units: UnitFile | UnitMemory,
    glossary: Glossary | None = None,
    documents: Sequence[Document] = (),
    memo: UnitMemo = fresh,
) -> Iterator[Finding]:
    """The unit and memory rules over a file of units or units in memory (``documents``: those the
    units in memory come from; ``memo``: see :func:`check_memory`)."""
    if isinstance(units, UnitFile):
        return check_unit_file(units.path, units.name, glossary, units.kind)
    return check_memory(units.units, glossary, documents, memo)
