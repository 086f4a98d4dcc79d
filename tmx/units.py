"""Translation units from what an aligner produces: beads over sentences, or aligned TSV lines.

The beads and sentences are taken by their shape (:class:`AlignedSentence`, :class:`SentenceBead`; the
aligner's ``Bead`` and the reader's ``Sentence`` have it), so the TMX library does not import the aligner.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Protocol, TypeVar

from ruzh.core.errors import InputError
from ruzh.tmx.types import TranslationUnit


class AlignedSentence(Protocol):
    """What a unit keeps of a sentence: its text and where it comes from."""

    @property
    def text(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def line(self) -> int: ...


class SentenceBead(Protocol):
    """A step of an alignment: indices into each side's sentences, a confidence and a type (``2-1``)."""

    @property
    def src(self) -> tuple[int, ...]: ...
    @property
    def tgt(self) -> tuple[int, ...]: ...
    @property
    def score(self) -> float: ...
    @property
    def kind(self) -> str: ...


S = TypeVar("S", bound=AlignedSentence)

# How the sentences of a 2-1 or 1-2 bead are joined: Russian words are separated by spaces, Chinese
# text is written without spaces between sentences.
RU_JOINER = " "
ZH_JOINER = ""


def units_from_beads(
    beads: Iterable[SentenceBead], ru: Sequence[S], zh: Sequence[S]
) -> tuple[list[TranslationUnit], list[S]]:
    """Units for beads with both sides, and the sentences of 1-0/0-1 beads (unaligned, for reporting)."""
    units: list[TranslationUnit] = []
    unaligned: list[S] = []
    for bead in beads:
        ru_side = [ru[i] for i in bead.src]
        zh_side = [zh[i] for i in bead.tgt]
        if not ru_side or not zh_side:
            unaligned.extend(ru_side or zh_side)
            continue
        first_ru, first_zh = ru_side[0], zh_side[0]
        units.append(
            TranslationUnit(
                ru=RU_JOINER.join(s.text.strip() for s in ru_side),
                zh=ZH_JOINER.join(s.text.strip() for s in zh_side),
                doc=first_ru.doc,
                zh_doc=first_zh.doc,
                role=first_ru.role,
                bead=bead.kind,
                score=round(bead.score, 4),
                ru_line=first_ru.line,
                zh_line=first_zh.line,
            )
        )
    return units, unaligned


def _parse_score(field: str, name: str, number: int) -> float | None:
    if not field.strip():
        return None  # ``ruzh tmx cat`` prints no score for units that have none
    try:
        score = float(field)
    except ValueError:
        raise InputError(
            f"the first of three fields should be a score, got {field[:40]!r}",
            file=name,
            line=number,
            hint="write 'score<TAB>ru<TAB>zh' or 'ru<TAB>zh' lines",
        ) from None
    if not 0.0 <= score <= 1.0:
        raise InputError(
            f"score {score} is outside [0, 1]",
            file=name,
            line=number,
            hint="scores are alignment confidences between 0 and 1",
        )
    return score


def units_from_tsv(
    source: str | os.PathLike[str] | IO[bytes], name: str | None = None
) -> Iterator[TranslationUnit]:
    """Units from ``ru<TAB>zh`` or ``score<TAB>ru<TAB>zh`` lines (as ``ruzh align --format tsv`` prints).

    Blank lines are skipped; any other malformed line raises :class:`InputError` with its line number.
    Each unit records the TSV file as its document and the TSV line as its line on both sides.
    """
    label = name or (str(source) if isinstance(source, (str, os.PathLike)) else "<stdin>")
    doc = Path(label).name
    handle: IO[bytes] = open(source, "rb") if isinstance(source, (str, os.PathLike)) else source  # noqa: SIM115
    try:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not UTF-8 (byte {exc.start + 1} of the line)",
                    file=label,
                    line=number,
                    hint="convert the file to UTF-8, e.g. with iconv",
                ) from None
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            score: float | None = None
            if len(fields) == 3:
                score = _parse_score(fields[0], label, number)
                fields = fields[1:]
            elif len(fields) != 2:
                raise InputError(
                    f"expected 2 or 3 tab-separated fields, found {len(fields)}",
                    file=label,
                    line=number,
                    hint="write 'ru<TAB>zh' or 'score<TAB>ru<TAB>zh'; tabs inside a sentence are not allowed",
                )
            yield TranslationUnit(
                ru=fields[0].strip(),
                zh=fields[1].strip(),
                doc=doc,
                bead="",
                score=score,
                ru_line=number,
                zh_line=number,
            )
    finally:
        if handle is not source:
            handle.close()
