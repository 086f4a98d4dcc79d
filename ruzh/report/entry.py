"""The entry page: overview and charts, findings by rule, and a link to every passage and document.

The lists are one link per line so that the page stays small on a large corpus (about three
elements per document), and a long list is collapsed; the full tables with their counts are on
their own pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruzh.report.alignment import is_low
from ruzh.report.anchors import passage_id
from ruzh.report.findings import rules_summary
from ruzh.report.html import Safe, fmt_score, join, tag
from ruzh.report.layout import TABLE_ROWS_PER_PAGE, page_name, parts, url
from ruzh.report.overview import overview_section, pair_rows
from ruzh.results import BuildResult

OPEN_LIST = 50  # lists this short start open

if TYPE_CHECKING:
    from ruzh.report.render import Site


def settings_box(result: BuildResult) -> Safe | None:
    """The settings that changed results, collapsed."""
    rows = [tag("tr", tag("th", k), tag("td", str(v))) for k, v in sorted(result.settings.items())]
    if not rows:
        return None
    return tag(
        "details", tag("summary", "Build settings"), tag("table", tag("tbody", rows), class_="settings")
    )


def collapsed(label: str, body: Safe) -> Safe:
    """A long list behind one click: a closed ``<details>`` is parsed but not laid out, which keeps
    the entry page of a large corpus quick to open (measured by ``bench/bench_report.py``); a short
    list starts open."""
    return tag("details", tag("summary", label), body, class_="list", open=body.count("<li") <= OPEN_LIST)


def _table_pages(kind: str, count: int, here: str) -> Safe:
    names = [page_name(kind, None, k) for k in range(parts(count, TABLE_ROWS_PER_PAGE))]
    links = [tag("a", f"{k + 1}", href=url(here, n)) for k, n in enumerate(names)]
    return tag("p", f"The table of all {kind} with their counts, pages: ", links, class_="pages")


def pairs_list(site: Site, here: str) -> Safe:
    """Every aligned passage: its documents, score and low beads, linked to its page."""
    result, anchors = site.result, site.anchors
    items = []
    for p in result.passages:
        low = sum(1 for b in p.beads if is_low(b))
        items.append(
            tag(
                "li",
                tag("a", f"{p.ru_doc} ↔ {p.zh_doc}", href=anchors.href(passage_id(p), here)),
                f" {p.kind}, score {fmt_score(p.score)}, {len(p.beads)} beads, {low} low",
            )
        )
    body = (
        collapsed(f"all {len(items)} aligned passages", tag("ol", items, class_="links"))
        if items
        else tag("p", "No parallel passages were found, so nothing was aligned.", class_="note")
    )
    rejected = len(result.rejected_pairs)
    note = (
        tag("p", f"{rejected} proposed pair(s) were not aligned (score too low).", class_="note")
        if rejected
        else None
    )
    return tag(
        "section",
        tag("h2", f"Pairs ({len(result.passages)} aligned passages)"),
        body,
        note,
        _table_pages("pairs", len(pair_rows(result)), here),
        id="pairs",
    )


def documents_list(site: Site, here: str) -> Safe:
    """Every document, linked to its sentence list."""
    docs = site.result.documents
    items = [tag("li", tag("a", d.name, href=site.anchors.doc_link(d.name, here))) for d in docs]
    return tag(
        "section",
        tag("h2", f"Documents ({len(docs)})"),
        collapsed(f"all {len(items)} documents", tag("ul", items, class_="links cols"))
        if items
        else tag("p", "No documents.", class_="note"),
        _table_pages("documents", len(docs), here),
        id="documents",
    )


def entry_body(site: Site, here: str) -> Safe:
    """Overview, findings, pairs, documents."""
    findings = tag(
        "section",
        tag("h2", "Findings"),
        rules_summary(site.result.findings, site.anchors, here),
        id="findings",
    )
    return join([overview_section(site.result), findings, pairs_list(site, here), documents_list(site, here)])
