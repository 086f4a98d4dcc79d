"""The overview: the counts, three charts, and the tables of what was read and what was paired."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ruzh.align.types import LANGS, ROLES, Document
from ruzh.checks.findings import SEVERITIES
from ruzh.glossary.entries import ROW_STATUSES
from ruzh.report.alignment import LOW_SCORE, is_low
from ruzh.report.anchors import Anchors, passage_id, sentence_key
from ruzh.report.charts import bars, figure, histogram, stacked
from ruzh.report.html import Safe, fmt_score, tag
from ruzh.results import AlignedPassage, BuildResult

CHART_DOCS = 40  # documents drawn in the terms chart; more would make it taller than the page


def _ordered(counter: Counter[str], first: Iterable[str]) -> list[tuple[str, int]]:
    """Known keys in their usual order, then any others alphabetically; zero counts left out."""
    known = [k for k in first if counter.get(k)]
    return [(k, counter[k]) for k in known] + sorted(
        (k, v) for k, v in counter.items() if k not in known and v
    )


def _kind_order(kind: str) -> tuple[int, int, str]:
    a, _, b = kind.partition("-")
    return (0 if "0" not in (a, b) else 1, int(a or 0) + int(b or 0), kind)


def bead_kinds(result: BuildResult) -> list[tuple[str, int]]:
    """Beads per type, 1-1 first, then growing, then the unaligned 1-0 and 0-1."""
    counts = Counter(b.kind for p in result.passages for b in p.beads)
    return sorted(counts.items(), key=lambda kv: _kind_order(kv[0]))


def counts(result: BuildResult) -> list[tuple[str, str]]:
    """The headline numbers, as (label, value) rows."""
    beads = [b for p in result.passages for b in p.beads]
    in_passages = {sentence_key(s) for p in result.passages for s in (*p.ru_sentences, *p.zh_sentences)}
    sentences = [s for d in result.documents for s in d.sentences()]
    langs = Counter(s.lang for s in sentences)
    outside = sum(1 for s in sentences if sentence_key(s) not in in_passages)
    kinds = Counter(p.kind for p in result.passages)
    statuses = Counter(e.status for e in result.glossary)
    severities = Counter(f.severity for f in result.findings)

    def listing(items: list[tuple[str, int]]) -> str:
        return ", ".join(f"{k} {v}" for k, v in items) or "none"

    return [
        ("documents", str(len(result.documents))),
        ("sentences", f"{len(sentences)} ({listing(_ordered(langs, LANGS))})"),
        (
            "aligned passages",
            f"{len(result.passages)} ({listing(_ordered(kinds, ('abstract', 'document')))})",
        ),
        ("proposed pairs not aligned", str(len(result.rejected_pairs))),
        ("beads", f"{len(beads)} ({listing(bead_kinds(result))})"),
        (f"beads scored below {LOW_SCORE:g}", str(sum(1 for b in beads if is_low(b)))),
        ("translation units (beads with both sides)", str(sum(1 for b in beads if b.src and b.tgt))),
        ("unaligned sentences in passages (1-0, 0-1)", str(sum(len(p.unaligned()) for p in result.passages))),
        ("sentences outside any passage", str(outside)),
        ("glossary rows", f"{len(result.glossary)} ({listing(_ordered(statuses, ROW_STATUSES))})"),
        ("findings", f"{len(result.findings)} ({listing(_ordered(severities, SEVERITIES))})"),
    ]


def terms_per_document(result: BuildResult) -> list[tuple[str, int, int]]:
    """For each document: glossary rows attested in its Russian text and in its Chinese text."""
    ru: Counter[str] = Counter()
    zh: Counter[str] = Counter()
    for e in result.glossary:
        if e.status == "rejected":
            continue
        ru.update(set(e.ru_docs))
        zh.update(set(e.zh_docs))
    return [(d.name, ru[d.name], zh[d.name]) for d in result.documents]


def _terms_figure(per_doc: list[tuple[str, int, int]]) -> Safe:
    """The terms chart; a large corpus shows its documents with the most terms (all are in the table)."""
    caption = "Glossary rows attested per document, in Russian and in Chinese"
    if len(per_doc) > CHART_DOCS:
        top = sorted(range(len(per_doc)), key=lambda i: (-(per_doc[i][1] + per_doc[i][2]), i))[:CHART_DOCS]
        per_doc = [per_doc[i] for i in sorted(top)]
        caption += f" ({CHART_DOCS} documents with the most; every document is in the table below)"
    return figure(stacked(per_doc, "Glossary terms per document", ("ru", "zh")), caption)


def _doc_row(doc: Document, terms: tuple[int, int], anchors: Anchors, here: str) -> Safe:
    sentences = doc.sentences()
    langs = Counter(s.lang for s in sentences)
    roles = Counter(b.role for b in doc.blocks)
    lang_blocks = Counter(b.lang for b in doc.blocks)
    lang_cells = [
        tag("td", f"{langs[lang]} / {lang_blocks[lang]}" if lang_blocks[lang] else "", class_="n")
        for lang in LANGS
    ]
    role_text = ", ".join(f"{r} {n}" for r, n in _ordered(roles, ROLES))
    return tag(
        "tr",
        tag(
            "td",
            tag("a", doc.name, href=anchors.doc_link(doc.name, here)),
            tag("div", doc.path, class_="path"),
        ),
        tag("td", doc.encoding),
        tag("td", str(len(doc.blocks)), class_="n"),
        tag("td", str(len(sentences)), class_="n"),
        lang_cells,
        tag("td", role_text, class_="roles"),
        tag("td", f"{terms[0]} + {terms[1]}", class_="n"),
    )


def documents_table(result: BuildResult, shown: range, anchors: Anchors, here: str) -> Safe:
    """One row per document: encoding, blocks, sentences and blocks per language, blocks per role."""
    head = tag(
        "tr",
        tag("th", "document"),
        tag("th", "encoding"),
        tag("th", "blocks"),
        tag("th", "sentences"),
        [tag("th", f"{lang} (sent. / blocks)") for lang in LANGS],
        tag("th", "blocks by role"),
        tag("th", "glossary rows (ru + zh)"),
    )
    terms = {name: (ru, zh) for name, ru, zh in terms_per_document(result)}
    docs = [result.documents[i] for i in shown]
    rows = [_doc_row(d, terms[d.name], anchors, here) for d in docs]
    return tag("div", tag("table", tag("thead", head), tag("tbody", rows), class_="grid"), class_="scroll")


def pair_rows(result: BuildResult) -> list[tuple[AlignedPassage | None, str, str, float]]:
    """The rows of the pairs table: aligned passages, then proposed pairs left unaligned."""
    rows: list[tuple[AlignedPassage | None, str, str, float]] = [
        (p, p.ru_doc, p.zh_doc, p.score) for p in result.passages
    ]
    rows.extend((None, ru, zh, score) for ru, zh, score in result.rejected_pairs)
    return rows


def _pair_row(row: tuple[AlignedPassage | None, str, str, float], anchors: Anchors, here: str) -> Safe:
    passage, ru, zh, score = row
    if passage is None:
        cells = [tag("td", "–"), tag("td", "document")]
        tail = [tag("td", "", class_="n"), tag("td", "", class_="n"), tag("td", "not aligned: score too low")]
    else:
        cells = [
            tag("td", tag("a", passage.id, href=anchors.href(passage_id(passage), here))),
            tag("td", passage.kind),
        ]
        tail = [
            tag("td", str(len(passage.beads)), class_="n"),
            tag("td", str(sum(1 for b in passage.beads if is_low(b))), class_="n"),
            tag("td", "aligned"),
        ]
    return tag(
        "tr",
        cells,
        tag("td", tag("a", ru, href=anchors.doc_link(ru, here))),
        tag("td", tag("a", zh, href=anchors.doc_link(zh, here))),
        tag("td", fmt_score(score), class_="n"),
        tail,
        class_="rejected" if passage is None else None,
    )


def pairs_table(result: BuildResult, shown: range, anchors: Anchors, here: str) -> Safe:
    """What was paired with what: aligned passages with their scores, then proposals left unaligned."""
    head = tag(
        "tr",
        *(tag("th", h) for h in ("passage", "kind", "Russian", "Chinese", "score", "beads", "low", "status")),
    )
    all_rows = pair_rows(result)
    rows = [_pair_row(all_rows[i], anchors, here) for i in shown]
    if not rows:
        return tag("p", "No parallel material was found.", class_="note")
    return tag("div", tag("table", tag("thead", head), tag("tbody", rows), class_="grid"), class_="scroll")


def overview_section(result: BuildResult) -> Safe:
    """Counts and charts."""
    scores = [b.score for p in result.passages for b in p.beads]
    count_rows = [tag("tr", tag("th", k), tag("td", v)) for k, v in counts(result)]
    charts = tag(
        "div",
        figure(histogram(scores, "Bead scores"), f"Bead scores (bins of 0.1; below {LOW_SCORE:g} in red)"),
        figure(bars(bead_kinds(result), "Bead types"), "Beads by type (Russian-Chinese sentences)"),
        _terms_figure(terms_per_document(result)),
        class_="charts",
    )
    return tag(
        "section",
        tag("h2", "Overview"),
        tag("table", tag("tbody", count_rows), class_="counts"),
        charts,
        id="overview",
    )
