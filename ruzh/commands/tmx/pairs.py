"""``ruzh tmx build`` from documents: keep each side's language, align, convert beads to units.

The sentence aligner (``align.aligner``) decides the beads and ``tmx.units`` turns them into units; this
module, on the command's side, only picks the Russian sentences of the Russian document and the Chinese
sentences of the Chinese one and hands them over (so the TMX library never imports the aligner).
Sentences in another language and sentences of 1-0/0-1 beads are counted and returned, never dropped
silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ruzh.align.aligner import Weights, align_sentences
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Document, Sentence
from ruzh.core.errors import InputError
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.units import units_from_beads


@dataclass
class PairUnits:
    """Units of one document pair and what could not become a unit."""

    units: list[TranslationUnit] = field(default_factory=list)
    unaligned: list[Sentence] = field(default_factory=list)
    other_language: list[Sentence] = field(default_factory=list)


def align_documents(
    ru_doc: Document,
    zh_doc: Document,
    weights: Weights | None = None,
    lexicon: Lexicon | None = None,
    scorer: str = "lexical",
) -> PairUnits:
    """Align the Russian sentences of ``ru_doc`` with the Chinese sentences of ``zh_doc``."""
    ru = ru_doc.sentences(lang="ru")
    zh = zh_doc.sentences(lang="zh")
    other = [s for s in ru_doc.sentences() if s.lang != "ru"] + [
        s for s in zh_doc.sentences() if s.lang != "zh"
    ]
    texts = [s.text for s in ru], [s.text for s in zh]
    beads = align_sentences(*texts, lexicon, weights=weights, scorer=scorer)
    units, unaligned = units_from_beads(beads, ru, zh)
    return PairUnits(units, unaligned, other)


def read_pair_list(path: str | os.PathLike[str]) -> list[tuple[Path, Path]]:
    """``ru_path<TAB>zh_path`` lines (relative paths start at the list's folder); blank lines skipped."""
    listing = Path(path)
    try:
        text = listing.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the pair list is not UTF-8", file=str(path), hint="save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path), hint="check the path") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise InputError(
                f"expected 'ru_path<TAB>zh_path', found {len(parts)} field(s)",
                file=str(path),
                line=number,
                hint="one pair of documents per line, separated by a tab",
            )
        ru, zh = (listing.parent / p.strip() for p in parts)
        pairs.append((ru, zh))
    return pairs
