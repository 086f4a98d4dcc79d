"""Exports for translation tools: OmegaT's tab-separated glossary, and the set of glossary files.

OmegaT's glossary format is a UTF-8 text file with ``source<TAB>target<TAB>comment`` lines; lines
starting with ``#`` are comments (OmegaT writes one itself in a new glossary). OmegaT matches glossary
sources without regard to case and by stem, so a short all-capital abbreviation that is also a common
word in lower case (ПО and «по», ИИ and «и», ОН and «он») would be offered on nearly every sentence:
such sources are left out and listed in a comment. The TBX is :mod:`ruzh.glossary.tbx`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ruzh.core.atomicio import atomic_write
from ruzh.core.langtags import OutputTags
from ruzh.glossary.build import Glossary
from ruzh.glossary.candidates_ru import is_function_word
from ruzh.glossary.entries import Entry, write_csv
from ruzh.glossary.tbx import XCS_NAME, terms_of, write_tbx
from ruzh.glossary.termbase import Concept, Term

EXPORTED = ("termbase", "approved")
# Statuses a translator may be offered as a rendering: deprecated and forbidden forms never are.
RENDERABLE = ("preferred", "admitted")


def exportable(entries: Iterable[Entry], candidates: bool = False) -> list[Entry]:
    """Rows for translators: curated and approved (candidates when asked), with both ru and zh."""
    allowed = (*EXPORTED, "candidate") if candidates else EXPORTED
    return [e for e in entries if e.status in allowed and e.ru and e.zh]


def _cell(text: str) -> str:
    return " ".join(text.split())


def clashes_with_a_word(text: str) -> bool:
    """A short all-capital Russian abbreviation that is, lower-cased, a function word or a pronoun, or
    one less its last vowel (what a stemmer leaves of ``ии``): OmegaT would match it in most sentences."""
    if not (2 <= len(text) <= 4 and text.isupper() and text.isalpha()):
        return False
    low = text.lower()
    stems = [low, low[:-1]] if low[-1] in "аеёиоуыэюя" else [low]
    return any(stem and is_function_word(stem) for stem in stems)


def omegat_rows(
    entries: Iterable[Entry], concepts: Mapping[str, Concept] | None = None
) -> tuple[list[str], list[str]]:
    """``ru<TAB>zh<TAB>comment`` lines (every usable Russian form → the preferred Chinese; never a
    deprecated or forbidden Chinese form) and the Russian sources left out because they clash."""
    concepts = concepts or {}
    lines: list[str] = []
    left_out: list[str] = []
    for entry in entries:
        terms = terms_of(entry, concepts)
        zh = _rendering(terms, entry)
        if not zh:
            continue
        for term in (t for t in terms if t.lang == "ru"):
            if clashes_with_a_word(term.text):
                left_out.append(f"{term.text} ({zh}, {entry.id})")
                continue
            comment = "; ".join(
                p for p in (entry.en, entry.domain, "" if term.status == "preferred" else term.status) if p
            )
            lines.append(f"{_cell(term.text)}\t{_cell(zh)}\t{_cell(comment)}")
    return lines, left_out


def _rendering(terms: Iterable[Term], entry: Entry) -> str:
    """The preferred Chinese term, else the row's Chinese cell unless it is marked deprecated/forbidden."""
    zh = [t for t in terms if t.lang == "zh"]
    best = next((t for t in zh if t.status == "preferred"), None) or next(
        (t for t in zh if t.status in RENDERABLE), None
    )
    return best.text if best is not None else ""


def omegat_lines(entries: Iterable[Entry], concepts: Mapping[str, Concept] | None = None) -> list[str]:
    """The glossary lines alone (see :func:`omegat_rows`)."""
    return omegat_rows(entries, concepts)[0]


def write_omegat(
    path: str | Path, entries: Iterable[Entry], concepts: Mapping[str, Concept] | None = None
) -> list[str]:
    """Write OmegaT's tab-separated glossary (UTF-8) atomically; returns the sources left out, which a
    comment at the top of the file also lists."""
    lines, left_out = omegat_rows(entries, concepts)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write("# ruzh glossary for OmegaT: Russian<TAB>Chinese<TAB>comment\n")
        if left_out:
            handle.write(
                "# Left out: short capital abbreviations that OmegaT, matching without regard to case, "
                "would find in common words: " + "; ".join(_cell(x) for x in left_out) + "\n"
            )
        for line in lines:
            handle.write(line + "\n")
    return left_out


def write_outputs(
    glossary: Glossary, out_dir: str | Path, candidates: bool = False, tags: OutputTags | None = None
) -> list[Path]:
    """``glossary.csv`` (every row), ``glossary.tbx`` with its ``glossary.xcs``, and
    ``glossary-omegat.txt`` (exportable rows); the TBX uses the same language tags as the TMX."""
    out = Path(out_dir)
    concepts = {c.id: c for c in glossary.concepts}
    chosen = exportable(glossary.entries, candidates)
    paths = [out / "glossary.csv", out / "glossary.tbx", out / XCS_NAME, out / "glossary-omegat.txt"]
    write_csv(glossary.entries, paths[0])
    write_tbx(
        paths[1],
        chosen,
        concepts=concepts,
        attestations=glossary.attestations,
        signature=glossary.signature,
        tags=tags,
    )
    write_omegat(paths[3], chosen, concepts)
    return paths
