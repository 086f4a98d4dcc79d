"""Find the parallel passages of a corpus: abstract pairs inside a document (Аннотация ↔ 摘要).

Document-level pairing (which Russian document translates which Chinese one) is scored by the
aligner's pairing; this module turns both into :class:`PassageSpec` for alignment.
"""

from __future__ import annotations

from collections.abc import Sequence

from align.types import Document
from ruzh.pipeline.passages import PassageSpec


def abstract_passages(documents: Sequence[Document]) -> list[PassageSpec]:
    """One passage per document that has both a Russian and a Chinese abstract."""
    specs = []
    for document in documents:
        ru = tuple(s for b in document.blocks if b.role == "abstract" and b.lang == "ru" for s in b.sentences)
        zh = tuple(s for b in document.blocks if b.role == "abstract" and b.lang == "zh" for s in b.sentences)
        if ru and zh:
            specs.append(
                PassageSpec(
                    f"{document.name}#abstract", "abstract", document.name, document.name, 1.0, ru, zh
                )
            )
    return specs
