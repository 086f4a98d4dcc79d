"""Count each document on its own, in parallel when asked, and hand the parts back in order.

Attestation and candidate tallies of one document do not depend on the others; merging the parts
in corpus order gives exactly what one pass over the corpus gives (see the ``merge`` methods).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ruzh.align.types import Document
from ruzh.core.xmlchars import ILLEGAL_XML_CHARS
from ruzh.glossary.attest import Attester, _Tally
from ruzh.glossary.candidates_zh import ZhCollector
from ruzh.glossary.collect_ru import RuCollector
from ruzh.glossary.termbase import Concept

# Documents a worker counts per task: enough to amortise sending the results back.
CHUNK = 8


@dataclass
class DocumentPart:
    """What one document contributes: termbase attestations, Russian and Chinese candidates."""

    name: str
    attested: dict[tuple[str, str], _Tally]
    ru: RuCollector
    zh: ZhCollector
    zh_texts: list[tuple[str, int, str]]
    notices: list[str]
    ru_texts: list[str]
    members: tuple[str, ...] = ()  # the documents of a combined part (else just ``name``)

    @property
    def documents(self) -> tuple[str, ...]:
        """The names of the documents whose counts this part holds, in order."""
        return self.members or (self.name,)


def count_document(document: Document, attester: Attester) -> DocumentPart:
    """The tallies of one document."""
    ru, zh = RuCollector(), ZhCollector()
    zh_texts: list[tuple[str, int, str]] = []
    ru_texts: list[str] = []
    notices: list[str] = []
    for block in document.blocks:
        for sentence in block.sentences:
            bad = sorted({f"U+{ord(c):04X}" for c in ILLEGAL_XML_CHARS.findall(sentence.text)})
            if bad:
                notices.append(
                    f"{document.name}:{sentence.line}: control character {', '.join(bad)} "
                    "removed from the glossary contexts"
                )
            if block.lang in ("ru", "mixed"):
                ru.add(document.name, sentence.line, sentence.text)
                ru_texts.append(sentence.text)
            if block.lang in ("zh", "mixed"):
                zh.add(document.name, sentence.line, sentence.text)
                zh_texts.append((document.name, sentence.line, sentence.text))
    return DocumentPart(document.name, attester.document_part(document), ru, zh, zh_texts, notices, ru_texts)


def combined(parts: Sequence[DocumentPart]) -> DocumentPart:
    """Consecutive documents' parts as one part, which merges into a corpus as they would one after
    another: every merge is associative (sums; first-seen orders; unions; the first examples of new
    documents; the attestations' offers, see :func:`glossary.attest.offers`). A build keeps groups
    of documents merged, so that an edit merges one group again, not every document."""
    ru, zh = RuCollector(), ZhCollector()
    attested: dict[tuple[str, str], _Tally] = {}
    for part in parts:
        ru.merge(part.ru)
        zh.merge(part.zh)
        for key, tally in part.attested.items():
            attested.setdefault(key, _Tally()).joined(tally)
    return DocumentPart(
        parts[0].name,
        attested,
        ru,
        zh,
        [t for p in parts for t in p.zh_texts],
        [n for p in parts for n in p.notices],
        [t for p in parts for t in p.ru_texts],
        tuple(n for p in parts for n in p.documents),
    )


def load_models() -> None:
    """Load jieba's dictionary and word tags and pymorphy3's dictionaries now: called before worker
    processes fork, they share one copy instead of each loading its own (seconds per process)."""
    from ruzh.align.morphology import analyzer
    from ruzh.glossary.candidates_zh import tagged

    tagged("词")
    analyzer()


_WORKER_ATTESTER: Attester | None = None


def _start_worker(concepts: Sequence[Concept]) -> None:
    global _WORKER_ATTESTER
    _WORKER_ATTESTER = Attester(concepts)


def _count_in_worker(document: Document) -> DocumentPart:
    assert _WORKER_ATTESTER is not None
    return count_document(document, _WORKER_ATTESTER)


def document_parts(
    documents: Iterable[Document], concepts: Sequence[Concept], attester: Attester, workers: int = 1
) -> Iterator[DocumentPart]:
    """Each document's part, in the documents' order; ``workers`` > 1 counts them in processes."""
    if workers <= 1:
        for document in documents:
            yield count_document(document, attester)
        return
    load_models()
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(list(concepts),)) as pool:
        yield from pool.map(_count_in_worker, documents, chunksize=CHUNK)
