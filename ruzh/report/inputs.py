"""What a pair or document page is made of, as one digest, so that a rebuild can keep a page whose
inputs did not change instead of rendering it again.

A page of a passage reads its passage, the page each of its sentences and documents lives on, the
findings that point at its sentences (and their pages), the glossary's terms (for the marks) and the
report's version; a document page reads its document, where each of its sentences is shown, and the
findings pointing at them. The digest covers all of that and the page's place in its series, so an
edit elsewhere in the corpus (a finding moving to another page of its rule, a new glossary term) is
a new digest. It does not cover the code: the caller adds its own code version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from ruzh.align.types import Document
from ruzh.glossary.entries import Entry
from ruzh.report.anchors import Anchors, doc_id, sentence_id, sentence_key
from ruzh.results import AlignedPassage


def digest(parts: Iterable[str]) -> str:
    """One hash of several strings (each ended, so that no two lists of parts share a digest)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def terms_digest(entries: Iterable[Entry]) -> str:
    """What the term marks read of the glossary: every row that is not rejected, as a concept. The
    marks do not depend on the rows' order when their ids are unique (hits are ordered by place and
    concept), so then neither does the digest: an edit that only reorders rows keeps the pages."""
    live = [e for e in entries if e.status != "rejected" and (e.ru or e.zh)]
    rows = [repr((e.id, e.status, e.ru, e.zh, e.concept())) for e in live]
    return digest(sorted(rows) if len({e.id for e in live}) == len(live) else rows)


def _links(anchors: Anchors, element_id: str) -> str:
    """Where an element lives and the findings that point at it, with the pages they live on."""
    flags = [(fid, severity, anchors.page_of.get(fid)) for fid, severity in anchors.flags.get(element_id, ())]
    return repr((element_id, anchors.page_of.get(element_id), flags))


def _passage(passage: AlignedPassage, ru: str | None, zh: str | None) -> str:
    """A passage as a string: with both documents' content keys (``ru``, ``zh``), its pairing and
    beads and the keys, since a passage's sentences are those of its kind in its documents (the key
    includes the code that picks them); else all of it."""
    if ru is None or zh is None:
        return repr(passage)
    counts = (len(passage.ru_sentences), len(passage.zh_sentences))
    return repr(
        (
            passage.id,
            passage.kind,
            passage.ru_doc,
            passage.zh_doc,
            passage.score,
            ru,
            zh,
            counts,
            passage.beads,
        )
    )


def passage_inputs(
    passage: AlignedPassage,
    beads: range,
    here: str,
    series: Sequence[str],
    anchors: Anchors,
    common: str,
    ru_key: str | None = None,
    zh_key: str | None = None,
) -> str:
    """The digest of one page of a passage's alignment view; ``common`` is what every page reads
    (version, glossary terms); ``ru_key`` and ``zh_key`` are its documents' content keys if known."""
    parts = [
        common,
        here,
        repr(tuple(series)),
        _passage(passage, ru_key, zh_key),
        repr((beads.start, beads.stop)),
    ]
    for k in beads:
        bead = passage.beads[k]
        for side, indices in ((passage.ru_sentences, bead.src), (passage.zh_sentences, bead.tgt)):
            parts.extend(
                _links(anchors, sentence_id(*sentence_key(side[i]))) for i in indices if 0 <= i < len(side)
            )
    parts.extend(repr(anchors.doc_link(name, here)) for name in (passage.ru_doc, passage.zh_doc))
    return digest(parts)


def document_inputs(
    doc: Document,
    shown: range,
    here: str,
    series: Sequence[str],
    anchors: Anchors,
    common: str,
    content_key: str | None = None,
) -> str:
    """The digest of one page of a document's sentence list; ``content_key``: the document's content
    key (which names all of it, see :class:`~ruzh.results.BuildResult`), if known."""
    whole = f"key:{content_key}" if content_key is not None else repr(doc)
    parts = [common, here, repr(tuple(series)), whole, repr((shown.start, shown.stop))]
    parts.append(_links(anchors, doc_id(doc.name)))
    sentences = doc.sentences()
    for i in shown:
        key = sentence_key(sentences[i])
        parts.append(repr(anchors.shown.get(key)))
        parts.append(_links(anchors, sentence_id(*key)))
    return digest(parts)
