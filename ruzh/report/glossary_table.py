"""The glossary as tables of one page each that sort by column and filter by status, domain, text,
frequency and documents.

Rows carry what the filters need as data attributes (``data-status``, ``data-domain``,
``data-freq``, ``data-docs``); sortable cells carry their sort value in ``data-v``. The filter form
is ``hidden`` in the markup and shown by the script, so with scripts off the page shows the plain,
complete table and no controls that do nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruzh.glossary.entries import ROW_STATUSES, Entry
from ruzh.report.html import Safe, fmt_score, slug, tag, void

COLUMNS = (
    ("id", "text"), ("Russian", "text"), ("Chinese", "text"), ("English", "text"), ("status", "text"),
    ("domain", "text"), ("ru freq", "num"), ("zh freq", "num"), ("docs", "num"), ("score", "num"),
    ("evidence", "text"),
)  # fmt: skip


def _terms(main: str, variants: Sequence[str], lang: str) -> Safe:
    return tag(
        "td",
        tag("span", main, class_="main") if main else tag("span", "—", class_="none"),
        [tag("div", v, class_="variant") for v in variants],
        lang=lang,
    )


def _docs(entry: Entry) -> tuple[str, ...]:
    return tuple(sorted(set(entry.ru_docs) | set(entry.zh_docs)))


def glossary_row(entry: Entry) -> Safe:
    """One concept: terms with variants, status, domain, frequencies, documents and evidence."""
    docs = _docs(entry)
    freq = entry.ru_freq + entry.zh_freq
    score = -1.0 if entry.score is None else entry.score
    return tag(
        "tr",
        tag("td", entry.id, class_="id", title=entry.note or None),
        _terms(entry.ru, entry.ru_variants, "ru"),
        _terms(entry.zh, entry.zh_variants, "zh"),
        tag("td", entry.en),
        tag("td", tag("span", entry.status, class_=f"status st-{entry.status}")),
        tag("td", entry.domain),
        tag("td", str(entry.ru_freq), class_="n", data_v=str(entry.ru_freq)),
        tag("td", str(entry.zh_freq), class_="n", data_v=str(entry.zh_freq)),
        tag("td", str(len(docs)), class_="n", data_v=str(len(docs)), title="; ".join(docs) or None),
        tag("td", fmt_score(entry.score), class_="n", data_v=f"{score:.4f}"),
        tag("td", entry.evidence, class_="evidence"),
        id=f"g-{slug(entry.id)}",
        class_=f"row st-{entry.status}",
        data_status=entry.status,
        data_domain=entry.domain,
        data_freq=str(freq),
        data_docs=str(len(docs)),
    )


def _select(name: str, label: str, values: Sequence[str]) -> Safe:
    options = [tag("option", f"any {label}", value="")] + [
        tag("option", v or "(none)", value=v) for v in values
    ]
    return tag("label", f"{label} ", tag("select", options, name=name))


def filter_form(entries: Sequence[Entry]) -> Safe:
    """Controls for the script; hidden until the script shows them."""
    present = {e.status for e in entries}
    statuses = [s for s in ROW_STATUSES if s in present] + sorted(present - set(ROW_STATUSES))
    domains = sorted({e.domain for e in entries})
    return tag(
        "form",
        _select("status", "status", statuses),
        _select("domain", "domain", domains),
        tag("label", "text ", void("input", type="search", name="text", placeholder="term, id, English…")),
        tag("label", "min. frequency ", void("input", type="number", name="freq", min="0", value="0")),
        tag("label", "min. documents ", void("input", type="number", name="docs", min="0", value="0")),
        tag("output", f"{len(entries)} rows", name="count"),
        id="gloss-filter",
        class_="filters",
        hidden=True,
    )


def glossary_view(entries: Sequence[Entry], shown: range) -> Safe:
    """The filter form and the sortable table of the glossary rows ``shown`` (one page of them)."""
    head = tag(
        "tr",
        [
            tag("th", name, data_type=kind, tabindex="0", aria_sort="none", title="click to sort")
            for name, kind in COLUMNS
        ],
    )
    picked = [entries[i] for i in shown]
    if not picked:
        body = tag("p", "The glossary is empty.", class_="note")
    else:
        rows = [glossary_row(e) for e in picked]
        body = tag(
            "div",
            tag("table", tag("thead", head), tag("tbody", rows), id="gloss-table", class_="grid sortable"),
            class_="scroll",
        )
    where = f"Rows {shown.start + 1}–{shown.stop} of {len(entries)}. " if len(shown) < len(entries) else ""
    return tag(
        "section",
        tag(
            "p",
            where,
            "Frequencies count occurrences in the documents; docs counts the documents a term occurs in "
            "(hover for their names). Click a column header to sort; the filters apply to this page.",
            class_="note",
        ),
        filter_form(picked),
        body,
        id="glossary",
    )
