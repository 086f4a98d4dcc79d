"""Glossary rows for review: one row per concept, the CSV that terminologists edit, and the merge.

The CSV is UTF-8 with a BOM (so Excel opens it as UTF-8), comma-separated, one header row. Variants
are ``|``-separated; a variant whose status is not ``admitted`` carries it in brackets, e.g.
``цифра (deprecated)``. Documents are ``;``-separated. Row statuses: ``termbase`` (curated entry),
``candidate`` (proposed by the program), ``approved`` and ``rejected`` (decided by a reviewer).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import regex
from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import InputError
from ruzh.core.inputs import read_input
from ruzh.core.spreadsheet import neutralise_row, refuse_formula_terms, restore_row
from ruzh.glossary.termbase import STATUSES, Concept, Term

COLUMNS = (
    "id", "ru", "zh", "en", "status", "ru_variants", "zh_variants", "ru_freq", "zh_freq",
    "ru_docs", "zh_docs", "ru_context", "zh_context", "domain", "score", "evidence", "note",
)  # fmt: skip
ROW_STATUSES = ("termbase", "candidate", "approved", "rejected")
HUMAN_FIELDS = ("ru", "zh", "en", "status", "ru_variants", "zh_variants", "domain", "note")
_VARIANT = regex.compile(r"^(.*?)\s*\((preferred|admitted|deprecated|forbidden)\)$")
_ID = regex.compile(r"^[A-Za-z0-9_.:-]+$")


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
    score: float | None = None
    evidence: str = ""
    note: str = ""

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
    return (m.group(1).strip(), m.group(2)) if m else (cell.strip(), "admitted")


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


def _row(entry: Entry) -> list[str]:
    score = "" if entry.score is None else f"{entry.score:g}"
    return [
        entry.id, entry.ru, entry.zh, entry.en, entry.status,
        "|".join(entry.ru_variants), "|".join(entry.zh_variants),
        str(entry.ru_freq), str(entry.zh_freq), ";".join(entry.ru_docs), ";".join(entry.zh_docs),
        entry.ru_context, entry.zh_context, entry.domain, score, entry.evidence, entry.note,
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


def read_csv(path: str | Path) -> list[Entry]:
    """Rows of a review CSV; malformed input raises :class:`InputError` with file, line and the fix."""
    name = str(path)
    try:
        raw = read_input(path)
    except OSError as exc:
        raise InputError(
            f"cannot read glossary CSV: {exc.strerror}", file=name, hint="check the path"
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            "glossary CSV is not UTF-8", file=name, line=line, hint="save it as CSV UTF-8"
        ) from exc
    return parse_csv(text, name)


def parse_csv(text: str, name: str = "<csv>") -> list[Entry]:
    """Rows of review CSV text; see :func:`read_csv`."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        try:
            values = restore_row(next(reader))
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(
                f"broken CSV quoting: {exc}", file=name, line=start, hint="close the quotes in that row"
            ) from exc
        if header is None:
            header = _header(values, name)
            continue
        if not any(v.strip() for v in values):
            continue
        entry = _entry(
            dict(zip(header, (v.strip() for v in values), strict=False)), values, header, name, start
        )
        if entry.id in seen:
            raise InputError(
                f"duplicate id {entry.id} (first on line {seen[entry.id]})",
                file=name,
                line=start,
                hint="give each concept its own id, or merge the two rows",
            )
        seen[entry.id] = start
        entries.append(entry)
    if header is None:
        raise InputError(
            "glossary CSV is empty", file=name, line=1, hint=f"the header is {','.join(COLUMNS)}"
        )
    return entries


def _header(values: Sequence[str], name: str) -> list[str]:
    cols = [v.strip().lower() for v in values]
    missing = [c for c in ("id", "ru", "zh", "status") if c not in cols]
    if missing:
        raise InputError(
            f"header lacks {', '.join(missing)}", file=name, line=1, hint=f"the header is {','.join(COLUMNS)}"
        )
    return cols


def _entry(row: dict[str, str], values: Sequence[str], header: Sequence[str], name: str, line: int) -> Entry:
    def fail(what: str, hint: str) -> InputError:
        return InputError(what, file=name, line=line, hint=hint)

    if len(values) > len(header):
        raise fail(f"{len(values)} fields, the header has {len(header)}", "quote cells that contain commas")
    cid = row.get("id", "")
    if not _ID.match(cid):
        raise fail(f"bad id {cid!r}", "ids are letters, digits and . _ : - (keep the id the program gave)")
    status = row.get("status", "")
    if status not in ROW_STATUSES:
        raise fail(f"unknown status {status!r} for {cid}", f"use one of {', '.join(ROW_STATUSES)}")
    for lang in ("ru", "zh"):
        main = row.get(lang, "")
        variants = tuple(v.strip() for v in row.get(f"{lang}_variants", "").split("|") if v.strip())
        extra = [v for v in variants if split_variant(v)[1] == "preferred"]
        refuse_formula_terms((main, *variants), file=name, line=line)
        if "|" in main or ";" in main or (main and extra) or len(extra) > 1:
            raise fail(
                f"two preferred {'Chinese' if lang == 'zh' else 'Russian'} terms for {cid}",
                f"keep one term in the {lang} column and move the others to {lang}_variants",
            )
        for v in variants:
            m = regex.match(r"^.*\((\w+)\)$", v)
            if m and m.group(1) not in STATUSES:
                raise fail(
                    f"unknown term status ({m.group(1)}) in {lang}_variants", f"use {', '.join(STATUSES)}"
                )
    try:
        score = float(row["score"]) if row.get("score") else None
        ru_freq, zh_freq = int(row.get("ru_freq") or 0), int(row.get("zh_freq") or 0)
    except ValueError as exc:
        raise fail(f"not a number: {exc}", "score and frequencies are numbers (or empty)") from exc
    return Entry(
        id=cid,
        ru=row.get("ru", ""),
        zh=row.get("zh", ""),
        en=row.get("en", ""),
        status=status,
        ru_variants=_split(row.get("ru_variants", ""), "|"),
        zh_variants=_split(row.get("zh_variants", ""), "|"),
        ru_freq=ru_freq,
        zh_freq=zh_freq,
        ru_docs=_split(row.get("ru_docs", ""), ";"),
        zh_docs=_split(row.get("zh_docs", ""), ";"),
        ru_context=row.get("ru_context", ""),
        zh_context=row.get("zh_context", ""),
        domain=row.get("domain", ""),
        score=score,
        evidence=row.get("evidence", ""),
        note=row.get("note", ""),
    )


def _split(cell: str, sep: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split(sep) if v.strip())


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
    from ruzh.glossary.matching import lemma_key

    keys = []
    if entry.ru:
        keys.append(("ru", " ".join(lemma_key(entry.ru))))
    if entry.zh:
        keys.append(("zh", entry.zh))
    return keys
