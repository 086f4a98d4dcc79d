"""Every document's sentences, in collapsible lists, so every finding has a sentence to link to.

A sentence already shown in an alignment view keeps its anchor there; here it links to it instead,
so no id is written twice and a reader of the list can jump to the aligned pair.
"""

from __future__ import annotations

from ruzh.align.types import Document, Sentence
from ruzh.pipeline.model import BuildResult
from ruzh.report.alignment import flag_links
from ruzh.report.anchors import Anchors, doc_id, sentence_id, sentence_key
from ruzh.report.html import Safe, tag


def _sentence_item(sentence: Sentence, anchors: Anchors) -> Safe:
    key = sentence_key(sentence)
    sid = sentence_id(*key)
    shown_in = anchors.shown.get(key)
    own = shown_in is None and anchors.claim(sid)
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
        tag("a", "→ aligned", href=f"#{sid}", class_="aligned") if shown_in else None,
        flag_links(anchors, sid) if own else None,
        id=sid if own else None,
    )


def document_list(doc: Document, anchors: Anchors) -> Safe:
    """One collapsible list of a document's sentences with their line:column."""
    did = doc_id(doc.name)
    sentences = doc.sentences()
    items = [_sentence_item(s, anchors) for s in sentences]
    summary = tag(
        "summary",
        tag("strong", doc.name),
        f" — {len(sentences)} sentences, {len(doc.blocks)} blocks, {doc.encoding}",
        tag("span", doc.path, class_="path"),
        flag_links(anchors, did) if anchors.flags.get(did) else None,
    )
    body = tag("ol", items, class_="sentences") if items else tag("p", "No text was read.", class_="note")
    return tag("details", summary, body, id=did if anchors.claim(did) else None, class_="doc")


def documents_section(result: BuildResult, anchors: Anchors) -> Safe:
    """All documents, collapsed; links into them open the list."""
    return tag(
        "section",
        tag("h2", "Documents"),
        tag("p", "Each document's sentences with their line:column in the original file.", class_="note"),
        [document_list(d, anchors) for d in result.documents],
        id="documents",
    )
