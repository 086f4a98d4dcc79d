"""Reading a review CSV the way spreadsheets save it, and refusing a broken one with file, line and fix.

LibreOffice and Excel in a Russian locale save ``;``-separated files, some with a BOM, with CRLF
line ends, and capitalise cells (``Approved``). The delimiter is sniffed from the header row, the
BOM and CRLF are accepted, statuses are compared case-insensitively. What cannot be read safely
is refused before anything is written: a file in cp1251 or UTF-16, unknown or repeated columns, a
header without rows, broken quoting, a cell over :data:`MAX_CELL` characters, duplicate ids, two
preferred terms of one language, an unknown status.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import regex
from ruzh.core.errors import InputError
from ruzh.core.inputs import read_input
from ruzh.core.spreadsheet import refuse_formula_terms, restore_row
from ruzh.glossary.entries import COLUMNS, ROW_STATUSES, Entry, is_more_marker, split_variant
from ruzh.glossary.termbase import STATUSES

# A reviewer's cell longer than this is refused; ruzh keeps its own cells well below it (see
# entries.MAX_DOCS_LISTED), so a longer one is a paste accident, not a term.
MAX_CELL = 10_000
# Columns an earlier ruzh wrote: accepted and ignored (statistics are recomputed on every build).
LEGACY_COLUMNS = ("score",)
REQUIRED = ("id", "ru", "zh", "status")
_ID = regex.compile(r"^[A-Za-z0-9_.:-]+$")
_STATUS_MARK = regex.compile(r"^.*\((\w+)\)$")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def read_csv(path: str | Path, *, require_rows: bool = True) -> list[Entry]:
    """Rows of a review CSV file; anything malformed raises :class:`InputError` with file and line."""
    name = str(path)
    try:
        raw = read_input(path)
    except OSError as exc:
        raise InputError(
            f"cannot read glossary CSV: {exc.strerror}", file=name, hint="check the path"
        ) from exc
    entries = parse_csv(decode(raw, name), name)
    if require_rows and not entries:
        raise InputError(
            "glossary CSV has a header but no rows",
            file=name,
            line=2,
            hint="give the glossary.csv that 'ruzh build' or 'ruzh glossary build' wrote, with its rows",
        )
    return entries


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text with or without a BOM; cp1251 and UTF-16 files get a message that says so."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "glossary CSV is UTF-16 (a spreadsheet's 'Unicode text'), not UTF-8",
            file=name,
            line=1,
            hint="save it as 'CSV UTF-8' (LibreOffice: character set Unicode (UTF-8))",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        legacy = _CYRILLIC.search(raw.decode("cp1251", errors="replace")) is not None
        what = (
            "glossary CSV is in Windows Cyrillic (cp1251), not UTF-8"
            if legacy
            else "glossary CSV is not UTF-8"
        )
        raise InputError(
            what,
            file=name,
            line=line,
            hint="save it as 'CSV UTF-8' (LibreOffice: character set Unicode (UTF-8))",
        ) from exc


def sniff_delimiter(text: str) -> str:
    """``;``, tab or ``,``: whichever separates the header row's cells (outside quotes)."""
    head, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted:
            head.append(ch)
    counts = {d: head.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv(text: str, name: str = "<csv>") -> list[Entry]:
    """Rows of review CSV text (an empty list for a header alone); see :func:`read_csv`."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    header: list[str] | None = None
    for start, values in _records(text.lstrip("\ufeff"), name):
        if header is None:
            header = _header(values, name)
            continue
        if not any(v.strip() for v in values):
            continue
        entry = _entry(values, header, name, start)
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


def _records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """``(first line, cells)`` of each record; the csv module's field limit is lifted while reading
    (ruzh's own cells may be long) and every cell is held to :data:`MAX_CELL` instead."""
    old = csv.field_size_limit(sys.maxsize)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
        while True:
            start = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(
                    f"broken CSV quoting: {exc}", file=name, line=start, hint="close the quotes in that row"
                ) from exc
            for column, cell in enumerate(values, 1):
                if len(cell) > MAX_CELL:
                    raise InputError(
                        f"cell {column} holds {len(cell):,} characters (at most {MAX_CELL:,})",
                        file=name,
                        line=start,
                        hint="shorten that cell; it looks like a paste accident",
                    )
            yield start, restore_row(values)
    finally:
        csv.field_size_limit(old)


def _header(values: Sequence[str], name: str) -> list[str]:
    cols = [v.strip().lower() for v in values]
    hint = f"the header is {','.join(COLUMNS)}"
    for i, col in enumerate(cols):
        if col in cols[:i]:
            raise InputError(
                f"column {col!r} appears twice (columns {cols.index(col) + 1} and {i + 1})",
                file=name,
                line=1,
                hint="delete or rename one of them",
            )
        if col not in COLUMNS and col not in LEGACY_COLUMNS:
            raise InputError(
                f"unknown column {col!r}", file=name, line=1, hint=f"remove or rename it; {hint}"
            )
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise InputError(f"header lacks {', '.join(missing)}", file=name, line=1, hint=hint)
    return cols


def _entry(values: Sequence[str], header: Sequence[str], name: str, line: int) -> Entry:
    def fail(what: str, hint: str) -> InputError:
        return InputError(what, file=name, line=line, hint=hint)

    if len(values) > len(header):
        raise fail(
            f"{len(values)} fields, the header has {len(header)}", "quote cells that contain the separator"
        )
    row = dict(zip(header, (v.strip() for v in values), strict=False))
    cid = row.get("id", "")
    if not _ID.match(cid):
        raise fail(f"bad id {cid!r}", "ids are letters, digits and . _ : - (keep the id the program gave)")
    status = row.get("status", "").lower()
    if status not in ROW_STATUSES:
        raise fail(
            f"unknown status {row.get('status', '')!r} for {cid}", f"use one of {', '.join(ROW_STATUSES)}"
        )
    variants = {lang: _variants(row, lang, cid, (name, line), fail) for lang in ("ru", "zh")}
    try:
        numbers = {k: float(row[k]) if row.get(k) else None for k in ("termhood", "association")}
        ru_freq, zh_freq = int(row.get("ru_freq") or 0), int(row.get("zh_freq") or 0)
    except ValueError as exc:
        raise fail(
            f"not a number: {exc}", "termhood, association and frequencies are numbers (or empty)"
        ) from exc
    return Entry(
        id=cid,
        ru=row.get("ru", ""),
        zh=row.get("zh", ""),
        en=row.get("en", ""),
        status=status,
        ru_variants=variants["ru"],
        zh_variants=variants["zh"],
        ru_freq=ru_freq,
        zh_freq=zh_freq,
        ru_docs=_docs(row.get("ru_docs", "")),
        zh_docs=_docs(row.get("zh_docs", "")),
        ru_context=row.get("ru_context", ""),
        zh_context=row.get("zh_context", ""),
        domain=row.get("domain", ""),
        termhood=numbers["termhood"],
        association=numbers["association"],
        method=row.get("method", ""),
        evidence=row.get("evidence", ""),
        note=row.get("note", ""),
    )


def _variants(
    row: dict[str, str], lang: str, cid: str, where: tuple[str, int], fail: Callable[[str, str], InputError]
) -> tuple[str, ...]:
    """The ``|``-separated variants of a language, statuses lower-cased; one preferred term at most."""
    name, line = where
    main = row.get(lang, "")
    out: list[str] = []
    for cell in (v.strip() for v in row.get(f"{lang}_variants", "").split("|")):
        if not cell:
            continue
        m = _STATUS_MARK.match(cell)
        if m and m.group(1).lower() not in STATUSES:
            raise fail(f"unknown term status ({m.group(1)}) in {lang}_variants", f"use {', '.join(STATUSES)}")
        text, status = split_variant(cell)
        out.append(text if status == "admitted" else f"{text} ({status})")
    refuse_formula_terms((main, *out), file=name, line=line)
    preferred = [v for v in out if split_variant(v)[1] == "preferred"]
    if "|" in main or ";" in main or (main and preferred) or len(preferred) > 1:
        raise fail(
            f"two preferred {'Chinese' if lang == 'zh' else 'Russian'} terms for {cid}",
            f"keep one term in the {lang} column and move the others to {lang}_variants",
        )
    return tuple(out)


def _docs(cell: str) -> tuple[str, ...]:
    return tuple(d for d in (v.strip() for v in cell.split(";")) if d and not is_more_marker(d))
