"""Every document's sentences, on the document's own page, so every finding has a sentence to link to.

A sentence already shown in an alignment view keeps its anchor there; here it links to it instead,
so no id is written twice and a reader of the list can jump to the aligned pair. A long document is
cut into pages of :data:`~ruzh.report.layout.SENTENCES_PER_PAGE` sentences.
"""

from __future__ import annotations

from ruzh.align.types import Document, Sentence
from ruzh.report.alignment import flag_links
from ruzh.report.anchors import Anchors, doc_id, sentence_id, sentence_key
from ruzh.report.html import Safe, tag
from ruzh.report.layout import SENTENCES_PER_PAGE


def _sentence_item(sentence: Sentence, anchors: Anchors, here: str) -> Safe:
    key = sentence_key(sentence)
    sid = sentence_id(*key)
    shown_in = anchors.shown.get(key)
    own = shown_in is None and anchors.owns(sid, here)
    return tag(
        "li",
        tag("span", f"{sentence.line}:{sentence.column}", class_="pos"),
        " ",
        tag("span", f"{sentence.lang} {sentence.role}", class_="tags"),
        " ",
        tag(
            "span",
            sentence.text,
            class_="s",
            lang=sentence.lang if sentence.lang in ("ru", "zh", "en") else None,
        ),
        " ",
        tag("a", "→ aligned", href=anchors.href(sid, here), class_="aligned") if shown_in else None,
        flag_links(anchors, sid, here) if own else None,
        id=sid if own else None,
    )


def sentence_pages(doc: Document) -> list[range]:
    """The sentences of each page of a document (0-based)."""
    count = len(doc.sentences())
    return [range(k, min(count, k + SENTENCES_PER_PAGE)) for k in range(0, max(count, 1), SENTENCES_PER_PAGE)]


def document_view(doc: Document, anchors: Anchors, here: str, shown: range | None = None) -> Safe:
    """A document's heading and the list of its sentences (or of one page of them) with line:column."""
    did = doc_id(doc.name)
    sentences = doc.sentences()
    picked = shown if shown is not None else range(len(sentences))
    items = [_sentence_item(sentences[i], anchors, here) for i in picked]
    heading = tag(
        "h2",
        doc.name,
        flag_links(anchors, did, here) if anchors.flags.get(did) else None,
        id=did if anchors.owns(did, here) else None,
    )
    meta = tag(
        "p",
        f"{len(sentences)} sentences, {len(doc.blocks)} blocks, {doc.encoding}. ",
        tag("span", doc.path, class_="path"),
        class_="meta",
    )
    body = (
        tag("ol", items, class_="sentences", start=str(picked.start + 1))
        if items
        else tag("p", "No text was read.", class_="note")
    )
    return tag("section", heading, meta, body, class_="doc")
