"""Side-by-side view of each aligned passage: one table row per bead, Russian left, Chinese right.

A bead's type and score are in their own cells; beads under :data:`LOW_SCORE` carry the class
``low`` and are highlighted. Each sentence is a ``<span class="s">`` with its canonical anchor (see
:mod:`ruzh.report.anchors`), glossary terms marked, and a flag linking to the findings inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruzh.align.types import Bead, Sentence
from ruzh.pipeline.model import AlignedPassage
from ruzh.report.anchors import Anchors, bead_id, passage_id, sentence_id, sentence_key
from ruzh.report.html import Safe, fmt_score, join, tag
from ruzh.report.terms import TermMarker

LOW_SCORE = 0.5  # beads below this are shown as needing review


def is_low(bead: Bead) -> bool:
    """A bead a reviewer should look at first."""
    return bead.score < LOW_SCORE


def flag_links(anchors: Anchors, target: str) -> Safe:
    """Small links from a sentence to the findings that point at it (worst severity gives the colour)."""
    flags = anchors.flags.get(target)
    if not flags:
        return Safe("")
    worst = next((s for s in ("error", "warning", "info") if any(sev == s for _, sev in flags)), "info")
    label = f"⚑{len(flags)}"
    return tag(
        "a",
        label,
        class_=f"flag sev-{worst}",
        href=f"#{flags[0][0]}",
        title=f"{len(flags)} finding(s) in this sentence",
    )


def sentence_span(sentence: Sentence, lang: str, anchors: Anchors, marker: TermMarker, owner: str) -> Safe:
    """One sentence: canonical id when this view owns it, marked terms, findings flag."""
    sid = sentence_id(*sentence_key(sentence))
    owned = anchors.shown.get(sentence_key(sentence)) == owner and anchors.claim(sid)
    return join(
        [
            tag(
                "span",
                marker.mark(sentence.text, lang),
                class_="s",
                id=sid if owned else None,
                title=f"{sentence.doc} {sentence.line}:{sentence.column} ({sentence.role})",
            ),
            flag_links(anchors, sid) if owned else None,
        ]
    )


def side_cell(
    indices: Sequence[int],
    sentences: Sequence[Sentence],
    lang: str,
    anchors: Anchors,
    marker: TermMarker,
    owner: str,
) -> Safe:
    """The Russian or Chinese cell of a bead; an empty side shows a dash, a bad index says so."""
    if not indices:
        return tag("td", "—", class_=f"{lang} empty", lang=lang)
    parts: list[Safe] = []
    for i in indices:
        if 0 <= i < len(sentences):
            parts.append(sentence_span(sentences[i], lang, anchors, marker, owner))
        else:
            parts.append(tag("span", f"[no sentence #{i + 1} in this passage]", class_="missing"))
    return tag("td", Safe(" ".join(parts)), class_=lang, lang=lang)


def bead_row(passage: AlignedPassage, k: int, bead: Bead, anchors: Anchors, marker: TermMarker) -> Safe:
    """One bead as a table row with its type, score and both sides."""
    owner = passage_id(passage)
    rid = bead_id(passage, k)
    classes = ["bead", f"k-{bead.kind}"] + (["low"] if is_low(bead) else [])
    return tag(
        "tr",
        tag("td", tag("a", str(k), href=f"#{rid}"), class_="num"),
        tag("td", bead.kind, class_="kind"),
        tag("td", fmt_score(bead.score), class_="score"),
        side_cell(bead.src, passage.ru_sentences, "ru", anchors, marker, owner),
        side_cell(bead.tgt, passage.zh_sentences, "zh", anchors, marker, owner),
        id=rid if anchors.claim(rid) else None,
        class_=" ".join(classes),
        data_kind=bead.kind,
        data_score=f"{bead.score:.4f}",
    )


def passage_view(passage: AlignedPassage, anchors: Anchors, marker: TermMarker) -> Safe:
    """The whole side-by-side table of one passage, under a heading naming both documents."""
    pid = passage_id(passage)
    low = sum(1 for b in passage.beads if is_low(b))
    heading = tag(
        "h3",
        f"{passage.kind}: ",
        tag("a", passage.ru_doc, href=anchors.doc_link(passage.ru_doc)),
        " ↔ ",
        tag("a", passage.zh_doc, href=anchors.doc_link(passage.zh_doc)),
        " ",
        tag("span", f"score {fmt_score(passage.score)}", class_="badge"),
    )
    meta = tag(
        "p",
        f"{len(passage.beads)} beads, {low} below {LOW_SCORE:g}; "
        f"{len(passage.ru_sentences)} Russian and {len(passage.zh_sentences)} Chinese sentences; "
        f"{len(passage.unaligned())} without a partner.",
        class_="meta",
    )
    head = tag(
        "thead",
        tag(
            "tr",
            tag("th", "#"),
            tag("th", "type"),
            tag("th", "score"),
            tag("th", "Русский", lang="ru"),
            tag("th", "中文", lang="zh"),
        ),
    )
    rows = [bead_row(passage, k, b, anchors, marker) for k, b in enumerate(passage.beads, 1)]
    table = tag("table", head, tag("tbody", rows), class_="align")
    return tag(
        "section",
        heading,
        meta,
        tag("div", table, class_="scroll"),
        id=pid if anchors.claim(pid) else None,
        class_="passage",
        data_kind=passage.kind,
    )


def alignment_section(passages: Sequence[AlignedPassage], anchors: Anchors, marker: TermMarker) -> Safe:
    """All passages; says so plainly when nothing was aligned."""
    body: list[Safe] = [tag("h2", "Alignment")]
    if not passages:
        body.append(tag("p", "No parallel passages were found, so nothing was aligned.", class_="note"))
    body.append(
        tag(
            "p",
            f"Rows with a score below {LOW_SCORE:g} are highlighted. Marked words are glossary terms; "
            "hover for the counterpart. ⚑ links to the findings in a sentence.",
            class_="note",
        )
    )
    body.extend(passage_view(p, anchors, marker) for p in passages)
    return tag("section", body, id="alignment")
