"""The glossary as tables of one page each that sort by column and filter by status, domain, text,
frequency and documents, over the whole glossary.

Rows carry what the filters need as data attributes (``data-status``, ``data-domain``,
``data-freq``, ``data-docs``); sortable cells carry their sort value in ``data-v``. The filter form
is ``hidden`` in the markup and shown by the script, so with scripts off the page shows the plain,
complete table and no controls that do nothing. ``report/glossary-data.js`` holds every row, as the
same escaped HTML the pages hold, with what the filters and sorting read, so that the script can
filter and sort the whole glossary from any page and show the result 500 rows at a time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ruzh.glossary.entries import ROW_STATUSES, Entry
from ruzh.report.html import Safe, clean, fmt_score, slug, tag, void

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


def filter_form(entries: Sequence[Entry], shown: int) -> Safe:
    """Controls for the script over the whole glossary; hidden until the script shows them."""
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
        tag("output", f"{shown} rows", name="count"),
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
            "(hover for their names). Click a column header to sort; sorting and the filters take every "
            "row of the glossary, not only this page's.",
            class_="note",
        ),
        filter_form(entries, len(picked)),
        body,
        id="glossary",
    )


def _sort_values(entry: Entry) -> list[str | float]:
    """What each column sorts by, in :data:`COLUMNS` order."""
    docs = len(_docs(entry))
    score = -1.0 if entry.score is None else entry.score
    return [
        entry.id, entry.ru, entry.zh, entry.en, entry.status, entry.domain,
        entry.ru_freq, entry.zh_freq, docs, score, entry.evidence,
    ]  # fmt: skip


def glossary_data(entries: Sequence[Entry]) -> str:
    """``report/glossary-data.js``: every row for the script; text is cleaned as on the pages (controls
    visible, lone surrogates replaced) and ``<`` is written ``\\u003c``, so no text can close a script."""
    rows = []
    for e in entries:
        words = (e.id, e.ru, *e.ru_variants, e.zh, *e.zh_variants, e.en, e.status, e.domain, e.evidence)
        rows.append(
            {
                "h": glossary_row(e),
                "s": clean(e.status),
                "d": clean(e.domain),
                "f": e.ru_freq + e.zh_freq,
                "n": len(_docs(e)),
                "t": clean(" ".join(words).lower()),
                "v": [clean(v) if isinstance(v, str) else v for v in _sort_values(e)],
            }
        )
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    head = "/* ruzh review report: every glossary row, for sorting and filtering across pages */"
    return f"{head}\nwindow.ruzhGlossary = {data};\n"
