"""Glossary rows for review: one row per concept, the CSV that terminologists edit, and the merge.

The CSV is UTF-8 with a BOM (so Excel opens it as UTF-8), comma-separated, one header row
(reading, with the leniency spreadsheets need, is :mod:`glossary.review_csv`). Variants
are ``|``-separated; a variant whose status is not ``admitted`` carries it in brackets, e.g.
``цифра (deprecated)``. Documents are ``;``-separated. Row statuses: ``termbase`` (curated entry),
``candidate`` (proposed by the program), ``approved`` and ``rejected`` (decided by a reviewer).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import regex
from ruzh.core.atomicio import atomic_write
from ruzh.core.spreadsheet import neutralise_row
from ruzh.glossary.termbase import Concept, Term

COLUMNS = (
    "id", "ru", "zh", "en", "status", "ru_variants", "zh_variants", "ru_freq", "zh_freq",
    "ru_docs", "zh_docs", "ru_context", "zh_context", "domain", "termhood", "association", "method",
    "evidence", "note",
)  # fmt: skip
# A documents cell lists this many names and then "… +N more": cells stay far below what a
# spreadsheet (and the reader's MAX_CELL) accepts however many documents a term occurs in.
MAX_DOCS_LISTED = 20
_MORE = regex.compile(r"^… \+\d+ more$")
ROW_STATUSES = ("termbase", "candidate", "approved", "rejected")
HUMAN_FIELDS = ("ru", "zh", "en", "status", "ru_variants", "zh_variants", "domain", "note")
_VARIANT = regex.compile(r"^(.*?)\s*\((preferred|admitted|deprecated|forbidden)\)$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept as a review row: terms, decision, statistics of the corpus, evidence."""

    id: str
    ru: str = ""
    zh: str = ""
    en: str = ""
    status: str = "candidate"
    ru_variants: tuple[str, ...] = ()
    zh_variants: tuple[str, ...] = ()
    ru_freq: int = 0
    zh_freq: int = 0
    ru_docs: tuple[str, ...] = ()
    zh_docs: tuple[str, ...] = ()
    ru_context: str = ""
    zh_context: str = ""
    domain: str = ""
    termhood: float | None = None
    association: float | None = None
    method: str = ""
    evidence: str = ""
    note: str = ""

    @property
    def score(self) -> float | None:
        """One number to sort by: the association of a paired row, else its termhood."""
        return self.association if self.association is not None else self.termhood

    def terms(self) -> tuple[Term, ...]:
        """The row's terms with statuses: the ``ru``/``zh``/``en`` cells preferred, variants as marked."""
        out: list[Term] = []
        for lang, main, variants in (("ru", self.ru, self.ru_variants), ("zh", self.zh, self.zh_variants)):
            if main:
                out.append(Term(lang, main, "", "preferred"))
            out.extend(Term(lang, text, "", status) for text, status in map(split_variant, variants))
        if self.en:
            out.append(Term("en", self.en, "", "preferred"))
        return tuple(out)

    def concept(self) -> Concept:
        """The row as a termbase concept (for attestation and export)."""
        return Concept(self.id, self.domain, self.en, self.note, "review", self.terms())


def split_variant(cell: str) -> tuple[str, str]:
    """``"цифра (deprecated)"`` → ``("цифра", "deprecated")``; no bracket means admitted."""
    m = _VARIANT.match(cell.strip())
    return (m.group(1).strip(), m.group(2).lower()) if m else (cell.strip(), "admitted")


def join_variant(term: Term) -> str:
    """The inverse of :func:`split_variant`."""
    return term.text if term.status == "admitted" else f"{term.text} ({term.status})"


def candidate_id(lang: str, key: str) -> str:
    """A stable id for a candidate: a hash of its language and lemma key (or Chinese text)."""
    return "C" + hashlib.sha1(f"{lang}:{key}".encode()).hexdigest()[:10].upper()


def from_concept(concept: Concept, status: str = "termbase") -> Entry:
    """A review row for a termbase concept, without statistics."""
    ru, zh = concept.preferred("ru"), concept.preferred("zh")
    return Entry(
        id=concept.id,
        ru=ru.text if ru else "",
        zh=zh.text if zh else "",
        en=concept.en,
        status=status,
        ru_variants=tuple(join_variant(t) for t in concept.terms_of("ru") if t is not ru),
        zh_variants=tuple(join_variant(t) for t in concept.terms_of("zh") if t is not zh),
        domain=concept.domain,
        note=concept.note,
    )


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def docs_cell(docs: Sequence[str]) -> str:
    """At most :data:`MAX_DOCS_LISTED` document names, then how many more."""
    shown = list(docs[:MAX_DOCS_LISTED])
    if len(docs) > MAX_DOCS_LISTED:
        shown.append(f"… +{len(docs) - MAX_DOCS_LISTED} more")
    return ";".join(shown)


def is_more_marker(cell: str) -> bool:
    """Whether a documents item is the "… +N more" that :func:`docs_cell` appends."""
    return _MORE.match(cell) is not None


def _row(entry: Entry) -> list[str]:
    return [
        entry.id, entry.ru, entry.zh, entry.en, entry.status,
        "|".join(entry.ru_variants), "|".join(entry.zh_variants),
        str(entry.ru_freq), str(entry.zh_freq), docs_cell(entry.ru_docs), docs_cell(entry.zh_docs),
        entry.ru_context, entry.zh_context, entry.domain, _number(entry.termhood),
        _number(entry.association), entry.method, entry.evidence, entry.note,
    ]  # fmt: skip


def write_csv(entries: Iterable[Entry], target: str | Path | IO[str]) -> None:
    """Write rows as review CSV (with BOM); a path is written atomically, ``-`` is not special here."""
    if isinstance(target, (str, Path)):
        with atomic_write(target, "w", encoding="utf-8") as handle:
            _write(entries, handle)
    else:
        _write(entries, target)


def _write(entries: Iterable[Entry], handle: IO[str]) -> None:
    handle.write("\ufeff")
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(neutralise_row(_row(entry)))


def read_csv(path: str | Path, *, require_rows: bool = True) -> list[Entry]:
    """Rows of a review CSV file, read as spreadsheets save it (see :mod:`glossary.review_csv`)."""
    from ruzh.glossary.review_csv import read_csv as read

    return read(path, require_rows=require_rows)


def parse_csv(text: str, name: str = "<csv>") -> list[Entry]:
    """Rows of review CSV text (see :mod:`glossary.review_csv`)."""
    from ruzh.glossary.review_csv import parse_csv as parse

    return parse(text, name)


def _stats_cleared(entry: Entry) -> Entry:
    return replace(entry, ru_freq=0, zh_freq=0, ru_docs=(), zh_docs=(), ru_context="", zh_context="")


def merge(reviewed: Sequence[Entry], new: Sequence[Entry]) -> list[Entry]:
    """Reviewed rows with fresh statistics from ``new``, then new rows nobody has decided on yet.

    Human fields (terms, variants, status, English, domain, note) come from ``reviewed``; counts,
    documents, contexts, score and evidence from ``new`` (cleared when the concept no longer
    occurs). A new candidate that a reviewer rejected before, under its id or its terms, stays out.
    """
    fresh = {e.id: e for e in new}
    rejected_terms = {(lang, t) for e in reviewed if e.status == "rejected" for lang, t in _keys(e)}
    out: list[Entry] = []
    for old in reviewed:
        stats = fresh.pop(old.id, None)
        if stats is None:
            out.append(_stats_cleared(old) if old.status != "rejected" else old)
            continue
        out.append(replace(stats, **{f: getattr(old, f) for f in HUMAN_FIELDS}))
    known = {(lang, t) for e in reviewed for lang, t in _keys(e)}
    for entry in new:
        if entry.id not in fresh:
            continue
        keys = set(_keys(entry))
        if entry.status == "candidate" and keys and (keys & rejected_terms or keys <= known):
            continue
        out.append(entry)
    return out


def _keys(entry: Entry) -> list[tuple[str, str]]:
    from ruzh.align.morphology import lemma_key

    keys = []
    if entry.ru:
        keys.append(("ru", " ".join(lemma_key(entry.ru))))
    if entry.zh:
        keys.append(("zh", entry.zh))
    return keys
