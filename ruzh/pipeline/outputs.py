"""Write the files of a build: TMX, unaligned sentences, findings. Each lands atomically."""

from __future__ import annotations

import contextlib
import csv
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ruzh.align.types import Document, Sentence
from ruzh.core.atomicio import atomic_write
from ruzh.core.langtags import OutputTags
from ruzh.core.spreadsheet import neutralise_row
from ruzh.pipeline.pool import worker_pool
from ruzh.results import AlignedPassage
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.units import units_from_beads
from ruzh.tmx.writer import TmxSettings, WriteReport, tmx_date, write_tmx

UNALIGNED_HEADER = ("doc", "line", "column", "lang", "role", "reason", "text")


def passage_units(passages: Iterable[AlignedPassage]) -> tuple[list[TranslationUnit], list[Sentence]]:
    """Translation units of every passage, and the sentences its 1-0/0-1 beads left alone."""
    units: list[TranslationUnit] = []
    lonely: list[Sentence] = []
    for passage in passages:
        found, alone = units_from_beads(passage.beads, passage.ru_sentences, passage.zh_sentences)
        units.extend(found)
        lonely.extend(alone)
    return units, lonely


def write_memory(
    path: Path, units: Sequence[TranslationUnit], signature: str, tags: OutputTags
) -> WriteReport:
    """``memory.tmx`` with the settings signature in its header, in the tags the TBX uses too."""
    return write_tmx(path, units, TmxSettings.for_tags(tags, signature=signature))


_ASIDE: tuple[Path, Sequence[TranslationUnit], str, OutputTags] | None = None  # for the forked writer


def _write_aside() -> WriteReport:
    assert _ASIDE is not None
    return write_memory(*_ASIDE)


@contextlib.contextmanager
def memory_aside(
    path: Path | None, units: Sequence[TranslationUnit], signature: str, tags: OutputTags, jobs: int
) -> Iterator[None]:
    """``memory.tmx`` written (unless ``path`` is ``None``) while the block runs: on a forked worker
    with ``jobs`` > 1 (nothing later in the build reads the file, and writing every unit is serial
    work the main process need not wait for), here otherwise. The block ends once the file is
    written; an error of the writer is raised, and a failing block stops the writer at once."""
    global _ASIDE
    if path is None:
        yield
        return
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        write_memory(path, units, signature, tags)
        yield
        return
    tmx_date()  # a bad SOURCE_DATE_EPOCH is a usage error here, before anything is forked
    _ASIDE = (path, units, signature, tags)
    try:
        with worker_pool(1, context=multiprocessing.get_context("fork")) as pool:
            written = pool.submit(_write_aside)
            yield
            written.result()
    finally:
        _ASIDE = None


def unaligned_rows(
    documents: Sequence[Document], passages: Sequence[AlignedPassage], lonely: Sequence[Sentence]
) -> list[tuple[str, ...]]:
    """Every sentence that is in no translation unit, with why: nothing is silently dropped."""
    in_units: set[tuple[str, int, int]] = set()
    for passage in passages:
        for bead in passage.beads:
            if bead.src and bead.tgt:
                in_units.update(
                    (s.doc, s.line, s.column) for s in (passage.ru_sentences[i] for i in bead.src)
                )
                in_units.update(
                    (s.doc, s.line, s.column) for s in (passage.zh_sentences[i] for i in bead.tgt)
                )
    lonely_keys = {(s.doc, s.line, s.column) for s in lonely}
    rows: list[tuple[str, ...]] = []
    for document in documents:
        for sentence in document.sentences():
            where = (sentence.doc, sentence.line, sentence.column)
            if where in in_units:
                continue
            reason = "no-partner-in-passage" if where in lonely_keys else "no-parallel-passage"
            rows.append(
                (
                    document.name,
                    str(sentence.line),
                    str(sentence.column),
                    sentence.lang,
                    sentence.role,
                    reason,
                    sentence.text,
                )
            )
        rows.extend(furniture_rows(document))
    return rows


def furniture_rows(document: Document) -> list[tuple[str, ...]]:
    """Page numbers and running headers the reader took out of the text flow, with their lines."""
    return [
        (document.name, str(b.line), str(b.column), b.lang, b.role, "page-furniture", b.text)
        for b in document.blocks
        if b.role == "furniture"
    ]


def write_unaligned(path: Path, rows: Iterable[Sequence[str]]) -> None:
    """``unaligned.tsv``: a header, then one sentence per line (tabs and newlines in text escaped; cells
    that a spreadsheet would run as formulas quoted, see :mod:`ruzh.core.spreadsheet`)."""
    with atomic_write(path) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(UNALIGNED_HEADER)
        writer.writerows(neutralise_row(row) for row in rows)


def write_text(path: Path, text: str) -> None:
    """A text output (findings.json, findings.sarif), atomically."""
    with atomic_write(path) as handle:
        handle.write(text)
