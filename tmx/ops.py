"""Operations on translation memories: merge, deduplicate with provenance, filter, split, statistics.

Everything works on iterables of :class:`TranslationUnit` so a TM of any size streams through; only
deduplication keeps a digest per distinct pair (two passes over a re-readable source).
"""

from __future__ import annotations

import fnmatch
import hashlib
import itertools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ruzh.core.errors import ConfigError
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import TmxSettings, TmxWriter, WriteReport, normalise_text, open_output

UnitSource = Callable[[], Iterable[TranslationUnit]]


def merge(sources: Iterable[Iterable[TranslationUnit]]) -> Iterator[TranslationUnit]:
    """The units of several memories one after the other, in the order given."""
    return itertools.chain.from_iterable(sources)


def _digest(*texts: str) -> bytes:
    return hashlib.blake2b(
        "\x1f".join(normalise_text(t) for t in texts).encode("utf-8", "surrogatepass"), digest_size=12
    ).digest()


@dataclass
class Conflict:
    """One Russian source found with several different Chinese targets (all kept)."""

    ru: str
    targets: list[tuple[str, str]]  # (zh, tuid of its first unit)


@dataclass
class DedupeReport:
    """How many units came in and went out, how many duplicates were folded, which sources conflict."""

    read: int = 0
    written: int = 0
    folded: int = 0
    conflicts: list[Conflict] = field(default_factory=list)


def _provenance(unit: TranslationUnit) -> list[str]:
    return [d for d in (unit.doc, *unit.also_in) if d]


def dedupe(source: UnitSource, report: DedupeReport | None = None) -> Iterator[TranslationUnit]:
    """Identical pairs (after NFC and whitespace folding) become one unit naming all their documents.

    The first occurrence is kept with its fields; the documents of the later ones go to ``also_in``. The
    same source with different targets is kept and listed in ``report.conflicts``. ``source`` is called
    twice, so it must return a fresh iterable each time.
    """
    report = report if report is not None else DedupeReport()
    docs: dict[bytes, list[str]] = {}
    first_target: dict[bytes, bytes] = {}  # source digest -> digest of its first target
    conflicted: set[bytes] = set()
    for unit in source():
        report.read += 1
        key = _digest(unit.ru, unit.zh)
        seen = docs.setdefault(key, [])
        seen.extend(d for d in _provenance(unit) if d not in seen)
        src_key, zh_key = _digest(unit.ru), _digest(unit.zh)
        if first_target.setdefault(src_key, zh_key) != zh_key:
            conflicted.add(src_key)
    conflicts: dict[bytes, Conflict] = {}
    emitted: set[bytes] = set()
    for unit in source():
        key = _digest(unit.ru, unit.zh)
        if key in emitted:
            report.folded += 1
            continue
        emitted.add(key)
        src_key = _digest(unit.ru)
        if src_key in conflicted:
            if src_key not in conflicts:
                conflicts[src_key] = Conflict(unit.ru, [])
                report.conflicts.append(conflicts[src_key])
            conflicts[src_key].targets.append((unit.zh, unit.tuid))
        provenance = docs[key]
        doc = unit.doc or (provenance[0] if provenance else "")
        report.written += 1
        yield replace(unit, doc=doc, also_in=tuple(d for d in provenance if d != doc))


_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "{}{}{}T000000Z"),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), "{}{}{}T000000Z"),
    (re.compile(r"^(\d{8}T\d{6}Z)$"), "{}"),
)


def parse_date(text: str) -> str:
    """A TMX date from ``YYYY-MM-DD``, ``YYYYMMDD`` or ``YYYYMMDDThhmmssZ`` (comparable as strings)."""
    for pattern, form in _DATE_FORMS:
        match = pattern.match(text.strip())
        if match:
            value = form.format(*match.groups())
            try:
                datetime.strptime(value, "%Y%m%dT%H%M%SZ")
            except ValueError:
                break  # the shape is right but the day or time does not exist (2020-13-45)
            return value
    raise ConfigError(f"cannot read the date {text!r}", hint="write YYYY-MM-DD or YYYYMMDDThhmmssZ")


@dataclass(frozen=True, slots=True)
class UnitFilter:
    """Which units to keep. Units without a score (or date) fail a score (or date) condition."""

    min_score: float | None = None
    max_score: float | None = None
    docs: tuple[str, ...] = ()  # shell patterns matched against every document of the unit
    since: str | None = None  # TMX dates, inclusive
    until: str | None = None

    def accepts(self, unit: TranslationUnit) -> bool:
        """Whether ``unit`` meets every condition given."""
        if self.min_score is not None and (unit.score is None or unit.score < self.min_score):
            return False
        if self.max_score is not None and (unit.score is None or unit.score > self.max_score):
            return False
        if self.docs:
            names = [n for n in (unit.doc, unit.zh_doc, *unit.also_in) if n]
            if not any(fnmatch.fnmatchcase(n, p) for n in names for p in self.docs):
                return False
        if self.since is not None and (not unit.created or unit.created < self.since):
            return False
        return self.until is None or bool(unit.created and unit.created <= self.until)


def filter_units(units: Iterable[TranslationUnit], condition: UnitFilter) -> Iterator[TranslationUnit]:
    """The units ``condition`` accepts, in order."""
    return (u for u in units if condition.accepts(u))


def split_names(target: str | os.PathLike[str], count: int) -> Iterator[Path]:
    """``out.tmx`` → ``out.001.tmx``, ``out.002.tmx`` …; ``out.tmx.gz`` → ``out.001.tmx.gz`` …"""
    path = Path(target)
    name = path.name
    stem, dot, ext = name.partition(".")
    width = max(3, len(str(count)))
    for i in itertools.count(1):
        yield path.with_name(f"{stem}.{i:0{width}d}{dot}{ext}")


def split(
    units: Iterable[TranslationUnit], size: int, target: str | os.PathLike[str], settings: TmxSettings
) -> tuple[list[Path], WriteReport]:
    """Write ``units`` into files of at most ``size`` units named after ``target``; returns the files."""
    if size < 1:
        raise ConfigError(f"cannot split into files of {size} units", hint="give a positive number of units")
    total = WriteReport()
    written: list[Path] = []
    names = split_names(target, 999)
    iterator = iter(units)
    try:
        while True:
            chunk = list(itertools.islice(iterator, size))
            if not chunk:
                break
            name = next(names)
            with open_output(name) as handle, TmxWriter(handle, settings) as writer:
                for unit in chunk:
                    writer.write(unit)
            written.append(name)
            total.written += writer.report.written
            total.skipped += writer.report.skipped
            total.problems.extend(writer.report.problems)
    except BaseException:
        for name in written:  # a bad input half-way leaves no parts: all or nothing
            name.unlink(missing_ok=True)
        raise
    return written, total


@dataclass
class TmStats:
    """Counts over a memory: units, documents, bead types, roles, scores (ten bins of 0.1) and dates."""

    units: int = 0
    docs: Counter[str] = field(default_factory=Counter)
    beads: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    score_bins: list[int] = field(default_factory=lambda: [0] * 10)
    no_score: int = 0
    ru_chars: int = 0
    zh_chars: int = 0
    first_date: str = ""
    last_date: str = ""

    def as_dict(self, languages: dict[str, int], skipped: int = 0) -> dict[str, object]:
        """Plain data for JSON or text output; ``languages`` are the tag counts the readers saw."""
        return {
            "units": self.units,
            "languages": languages,
            "documents": dict(self.docs.most_common()),
            "beads": dict(self.beads.most_common()),
            "roles": dict(self.roles.most_common()),
            "score_histogram": {f"{i / 10:.1f}-{(i + 1) / 10:.1f}": n for i, n in enumerate(self.score_bins)},
            "no_score": self.no_score,
            "ru_chars": self.ru_chars,
            "zh_chars": self.zh_chars,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "skipped": skipped,
        }


def score_bin(score: float) -> int:
    """The histogram bin (0-9) of a score; out-of-range scores (1e308, -5) go to the end bins."""
    if not score < 1.0:  # also NaN, which a reader never hands over but a caller might
        return 9
    return 0 if score < 0.0 else int(score * 10)


def collect_stats(units: Iterable[TranslationUnit]) -> TmStats:
    """Statistics of ``units`` in one pass."""
    stats = TmStats()
    for unit in units:
        stats.units += 1
        stats.docs[unit.doc or "(none)"] += 1
        stats.beads[unit.bead or "(none)"] += 1
        stats.roles[unit.role or "(none)"] += 1
        if unit.score is None:
            stats.no_score += 1
        else:
            stats.score_bins[score_bin(unit.score)] += 1
        stats.ru_chars += len(unit.ru)
        stats.zh_chars += len(unit.zh)
        if unit.created:
            if not stats.first_date or unit.created < stats.first_date:
                stats.first_date = unit.created
            stats.last_date = max(stats.last_date, unit.created)
    return stats
