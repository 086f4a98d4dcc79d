"""The curated ru-zh-en termbase: concepts with their terms, read from a CSV file.

The shipped file ``glossary/data/termbase.csv`` has one row per term (header
``concept,lang,term,pos,status,domain,note,source``); rows of one concept share its id. The
file is read only when first asked for, and every malformed row is reported with file and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ruzh.core.errors import InputError
from ruzh.core.inputs import read_input

STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
TERM_LANGS = ("ru", "zh", "en")
HEADER = ("concept", "lang", "term", "pos", "status", "domain", "note", "source")


@dataclass(frozen=True, slots=True)
class Term:
    """One written form of a concept in one language, with its usage status."""

    lang: str
    text: str
    pos: str = ""
    status: str = "preferred"


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept: stable id, domain, English gloss, note, where its usage is confirmed, its terms."""

    id: str
    domain: str = ""
    en: str = ""
    note: str = ""
    source: str = ""
    terms: tuple[Term, ...] = ()

    def terms_of(self, lang: str) -> tuple[Term, ...]:
        """All terms of one language, preferred first, then in file order."""
        own = [t for t in self.terms if t.lang == lang]
        return tuple(sorted(own, key=lambda t: STATUSES.index(t.status)))

    def preferred(self, lang: str) -> Term | None:
        """The preferred term of a language, or ``None`` when the concept has none there."""
        for term in self.terms:
            if term.lang == lang and term.status == "preferred":
                return term
        return None

    def label(self, lang: str) -> str:
        """The preferred text of a language, else its first term, else ``""``."""
        term = self.preferred(lang)
        if term is not None:
            return term.text
        others = self.terms_of(lang)
        return others[0].text if others else ""


def default_path() -> Path:
    """Where the shipped termbase lives inside the package."""
    return Path(str(resources.files("ruzh.glossary") / "data" / "termbase.csv"))


def load_termbase(path: str | Path | None = None) -> list[Concept]:
    """Concepts of a termbase CSV in file order (default: the shipped file, read once and cached).

    Raises :class:`~align.errors.InputError` with file and line for a missing header, an unknown
    language or status, an empty term, or a second preferred term of one language in a concept.
    """
    if path is None:
        return list(_load_cached(str(default_path())))
    return list(_load_cached(str(path)))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> tuple[Concept, ...]:
    try:
        raw = read_input(path)
    except OSError as exc:
        raise InputError(
            f"cannot read termbase: {exc.strerror}", file=path, hint="check the path and permissions"
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("termbase is not UTF-8", file=path, line=line, hint="save it as UTF-8") from exc
    return tuple(parse_termbase(text, path))


def parse_termbase(text: str, name: str = "<termbase>") -> list[Concept]:
    """Concepts from termbase CSV text; ``name`` is used in error messages."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"broken CSV: {exc}", file=name, line=1, hint="fix the quoting") from exc
    if header is None:
        return []
    cols = [h.strip().lower() for h in header]
    missing = [h for h in ("concept", "lang", "term", "status") if h not in cols]
    if missing:
        raise InputError(
            f"termbase header lacks {', '.join(missing)}",
            file=name,
            line=1,
            hint=f"the first row must be {','.join(HEADER)}",
        )
    order: list[str] = []
    rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(
                f"broken CSV: {exc}", file=name, line=reader.line_num, hint="close the quotes of that row"
            ) from exc
        if not any(v.strip() for v in values):
            continue
        lineno = reader.line_num
        if len(values) > len(cols):
            raise InputError(
                f"row has {len(values)} fields, the header has {len(cols)}",
                file=name,
                line=lineno,
                hint="quote fields that contain commas",
            )
        row = {c: (values[i].strip() if i < len(values) else "") for i, c in enumerate(cols)}
        _check_row(row, name, lineno)
        cid = row["concept"]
        if cid not in rows:
            order.append(cid)
            rows[cid] = []
        rows[cid].append((lineno, row))
    return [_concept(cid, rows[cid], name) for cid in order]


def _check_row(row: dict[str, str], name: str, lineno: int) -> None:
    for column, what in (("concept", "has no concept id"), ("term", "has an empty term")):
        if not row[column]:
            raise InputError(f"row {what}", file=name, line=lineno, hint=f"fill the {column} column")
    for column, what, allowed in (("lang", "language", TERM_LANGS), ("status", "status", STATUSES)):
        if row[column] not in allowed:
            raise InputError(
                f"unknown {what} {row[column]!r}",
                file=name,
                line=lineno,
                hint=f"use one of {', '.join(allowed)}",
            )


def _concept(cid: str, rows: list[tuple[int, dict[str, str]]], name: str) -> Concept:
    terms: list[Term] = []
    seen_preferred: dict[str, int] = {}
    first = {"domain": "", "note": ""}
    sources: list[str] = []  # every row's source counts: the Chinese term may be attested elsewhere
    for lineno, row in rows:
        lang, status = row["lang"], row["status"]
        if status == "preferred":
            if lang in seen_preferred:
                raise InputError(
                    f"concept {cid} has a second preferred {lang} term {row['term']!r} "
                    f"(the first is on line {seen_preferred[lang]})",
                    file=name,
                    line=lineno,
                    hint="mark one of them admitted",
                )
            seen_preferred[lang] = lineno
        if any(t.lang == lang and t.text == row["term"] for t in terms):
            continue  # the same form listed twice adds nothing
        terms.append(Term(lang=lang, text=row["term"], pos=row.get("pos", ""), status=status))
        for key in first:
            if not first[key] and row.get(key):
                first[key] = row[key]
        for part in row.get("source", "").split(";"):
            if part.strip() and part.strip() not in sources:
                sources.append(part.strip())
    en = next((t.text for t in terms if t.lang == "en" and t.status == "preferred"), "")
    if not en:
        en = next((t.text for t in terms if t.lang == "en"), "")
    return Concept(
        id=cid,
        domain=first["domain"],
        en=en,
        note=first["note"],
        source=";".join(sources),
        terms=tuple(terms),
    )


def term_pairs(concepts: Iterable[Concept]) -> list[tuple[str, str]]:
    """Every (Russian term, Chinese term) pair within each concept, all statuses included: texts use
    deprecated forms too, and the aligner should recognise them as translations."""
    return [(ru.text, zh.text) for c in concepts for ru in c.terms_of("ru") for zh in c.terms_of("zh")]
