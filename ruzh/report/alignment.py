"""Side-by-side view of each aligned passage: one table row per bead, Russian left, Chinese right
(on a narrow screen the CSS stacks them, Russian above Chinese).

A bead's number, type and score share one narrow cell; beads under :data:`LOW_SCORE` carry the class
``low`` and are highlighted. Each sentence is a ``<span class="s">`` with its canonical anchor (see
:mod:`ruzh.report.anchors`), glossary terms marked, and a flag linking to the findings inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruzh.align.types import Bead, Sentence
from ruzh.report.anchors import Anchors, bead_id, passage_id, sentence_id, sentence_key
from ruzh.report.html import Safe, fmt_score, join, tag
from ruzh.report.layout import BEADS_PER_PAGE
from ruzh.report.terms import TermMarker
from ruzh.results import AlignedPassage

LOW_SCORE = 0.5  # beads below this are shown as needing review


def is_low(bead: Bead) -> bool:
    """A bead a reviewer should look at first."""
    return bead.score < LOW_SCORE


def flag_links(anchors: Anchors, target: str, here: str) -> Safe:
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
        href=anchors.href(flags[0][0], here),
        title=f"{len(flags)} finding(s) in this sentence",
    )


def sentence_span(sentence: Sentence, lang: str, anchors: Anchors, marker: TermMarker, here: str) -> Safe:
    """One sentence: canonical id when this view owns it, marked terms, findings flag."""
    sid = sentence_id(*sentence_key(sentence))
    owned = anchors.owns(sid, here)
    return join(
        [
            tag(
                "span",
                marker.mark(sentence.text, lang),
                class_="s",
                id=sid if owned else None,
                title=f"{sentence.doc} {sentence.line}:{sentence.column} ({sentence.role})",
            ),
            flag_links(anchors, sid, here) if owned else None,
        ]
    )


def side_cell(
    indices: Sequence[int],
    sentences: Sequence[Sentence],
    lang: str,
    anchors: Anchors,
    marker: TermMarker,
    here: str,
) -> Safe:
    """The Russian or Chinese cell of a bead; an empty side shows a dash, a bad index says so."""
    if not indices:
        return tag("td", "—", class_=f"{lang} empty", lang=lang)
    parts: list[Safe] = []
    for i in indices:
        if 0 <= i < len(sentences):
            parts.append(sentence_span(sentences[i], lang, anchors, marker, here))
        else:
            parts.append(tag("span", f"[no sentence #{i + 1} in this passage]", class_="missing"))
    return tag("td", Safe(" ".join(parts)), class_=lang, lang=lang)


def bead_row(
    passage: AlignedPassage, k: int, bead: Bead, anchors: Anchors, marker: TermMarker, here: str
) -> Safe:
    """One bead as a table row: number, type and score in one cell, then both sides."""
    rid = bead_id(passage, k)
    classes = ["bead", f"k-{bead.kind}"] + (["low"] if is_low(bead) else [])
    return tag(
        "tr",
        tag(
            "td",
            tag("a", str(k), href=f"#{rid}", class_="num"),
            " ",
            tag("span", bead.kind, class_="kind"),
            " ",
            tag("span", fmt_score(bead.score), class_="score"),
            class_="bead-info",
        ),
        side_cell(bead.src, passage.ru_sentences, "ru", anchors, marker, here),
        side_cell(bead.tgt, passage.zh_sentences, "zh", anchors, marker, here),
        id=rid if anchors.claim(rid, here) else None,
        class_=" ".join(classes),
        data_kind=bead.kind,
        data_score=f"{bead.score:.4f}",
    )


def bead_pages(passage: AlignedPassage) -> list[range]:
    """The beads of each page of a passage (0-based), :data:`BEADS_PER_PAGE` a page."""
    count = len(passage.beads)
    return [range(k, min(count, k + BEADS_PER_PAGE)) for k in range(0, max(count, 1), BEADS_PER_PAGE)]


def passage_heading(passage: AlignedPassage, anchors: Anchors, here: str) -> Safe:
    """Kind, both documents (linked to their sentence lists) and the passage's score."""
    return tag(
        "h2",
        f"{passage.kind}: ",
        tag("a", passage.ru_doc, href=anchors.doc_link(passage.ru_doc, here), lang="ru"),
        " ↔ ",
        tag("a", passage.zh_doc, href=anchors.doc_link(passage.zh_doc, here), lang="zh"),
        " ",
        tag("span", f"score {fmt_score(passage.score)}", class_="badge"),
    )


def passage_view(
    passage: AlignedPassage, anchors: Anchors, marker: TermMarker, here: str, beads: range | None = None
) -> Safe:
    """The side-by-side table of a passage (or of the ``beads`` of one of its pages)."""
    pid = passage_id(passage)
    shown = beads if beads is not None else range(len(passage.beads))
    low = sum(1 for b in passage.beads if is_low(b))
    meta = tag(
        "p",
        f"{len(passage.beads)} beads, {low} below {LOW_SCORE:g}; "
        f"{len(passage.ru_sentences)} Russian and {len(passage.zh_sentences)} Chinese sentences; "
        f"{len(passage.unaligned())} without a partner. Rows with a score below {LOW_SCORE:g} are "
        "highlighted; marked words are glossary terms (hover for the counterpart); ⚑ links to the "
        "findings in a sentence.",
        class_="meta",
    )
    head = tag(
        "thead",
        tag("tr", tag("th", "# type score"), tag("th", "Русский", lang="ru"), tag("th", "中文", lang="zh")),
    )
    rows = [bead_row(passage, k + 1, passage.beads[k], anchors, marker, here) for k in shown]
    table = tag("table", head, tag("tbody", rows), class_="align")
    return tag(
        "section",
        passage_heading(passage, anchors, here),
        meta,
        table if rows else tag("p", "This passage has no beads.", class_="note"),
        id=pid if anchors.claim(pid, here) else None,
        class_="passage",
        data_kind=passage.kind,
    )
