"""The translation unit that crosses from the aligner to the TMX writer and the checks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """A Russian-Chinese pair with its provenance.

    ``ru_line``/``zh_line`` are 1-based lines in the original documents (0 when unknown, e.g. a
    unit read from a TMX written elsewhere); ``bead`` is the bead type such as ``1-2``.
    ``also_in`` names further documents holding the same pair when duplicates were merged.
    """

    ru: str
    zh: str
    doc: str = ""
    zh_doc: str = ""
    role: str = ""
    bead: str = "1-1"
    score: float | None = None
    ru_line: int = 0
    zh_line: int = 0
    tuid: str = ""
    created: str = ""
    also_in: tuple[str, ...] = ()
