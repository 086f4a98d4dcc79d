"""The review report of a build: an entry page and a folder of small pages, deterministic and offline.

``report.html`` holds the counts, the charts, the findings by rule and a link to every passage and
every document; ``report/`` beside it holds a page per aligned passage and per document, the
glossary and each rule's findings in pages, the tables of documents and pairs, and the shared CSS
and script (see :mod:`ruzh.report.layout` for what goes where). Links are relative, nothing is
fetched, and the pages read as files (no server). All text from documents, glossary and findings
goes through :mod:`ruzh.report.html`, which escapes it. Nothing depends on the clock: the same
result gives the same bytes.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Protocol

from ruzh.align.types import Document
from ruzh.checks.variants import checked
from ruzh.core.atomicio import atomic_write
from ruzh.glossary.entries import Entry
from ruzh.report import entry
from ruzh.report.alignment import bead_pages, passage_view
from ruzh.report.anchors import Anchors
from ruzh.report.documents import document_view, sentence_pages
from ruzh.report.findings import rule_page
from ruzh.report.glossary_table import glossary_data, glossary_view
from ruzh.report.html import Safe, tag, void
from ruzh.report.inputs import digest, document_inputs, passage_inputs, terms_digest
from ruzh.report.layout import (
    CSS,
    ENTRY,
    FOLDER,
    GLOSSARY_DATA,
    GLOSSARY_PER_PAGE,
    JS,
    TABLE_ROWS_PER_PAGE,
    RuleGroup,
    page_name,
    parts,
    url,
)
from ruzh.report.overview import documents_table, pair_rows, pairs_table
from ruzh.report.terms import TermMarker
from ruzh.results import AlignedPassage, BuildResult

TITLE = "ruzh build report"
PageBody = Callable[[str], Safe]  # the body of a page, given the page's own name


class PageProgress(Protocol):
    """What :func:`report_pages` reports its progress to (``ruzh.progress.Progress`` is one)."""

    def grow(self, extra: int) -> None: ...
    def advance(self, step: int = 1) -> None: ...


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    """A packaged CSS or JS file, read once."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _ranges(count: int, size: int) -> list[range]:
    return [range(k * size, min(count, (k + 1) * size)) for k in range(parts(count, size))]


def pager(names: list[str], here: str, label: str = "page") -> Safe | None:
    """Links to every page of a multi-page view, the current one marked."""
    if len(names) < 2:
        return None
    links = [
        tag("a", str(k + 1), href=url(here, name), aria_current="page" if name == here else None)
        for k, name in enumerate(names)
    ]
    return tag("nav", f"{label}s: ", links, class_="pager", aria_label=f"{label}s")


class Site:
    """Every page of the report by name (relative to the output folder), rendered on demand."""

    def __init__(self, result: BuildResult) -> None:
        """Decide the pages and where every anchor lives; nothing is rendered yet."""
        self.result = result
        self.anchors = Anchors(result)
        self._pages: dict[str, Callable[[], str]] = {
            CSS: partial(asset, "report.css"),
            JS: partial(asset, "report.js"),
        }
        self._inputs: dict[str, Callable[[], str]] = {}  # digests of the pages worth keeping
        for passage in result.passages:
            title = f"{passage.ru_doc} ↔ {passage.zh_doc}"
            beads = bead_pages(passage)
            names = [page_name("pair", passage.id, k) for k in range(len(beads))]
            self._series(names, title, [partial(self._passage, passage, b) for b in beads])
            for name, b in zip(names, beads, strict=True):
                self._inputs[name] = partial(self._passage_inputs, passage, b, name, names)
        for doc in result.documents:
            shown = sentence_pages(doc)
            names = [page_name("doc", doc.name, k) for k in range(len(shown))]
            self._series(names, doc.name, [partial(self._document, doc, r) for r in shown])
            for name, r in zip(names, shown, strict=True):
                self._inputs[name] = partial(self._document_inputs, doc, r, name, names)
        self._pages[GLOSSARY_DATA] = partial(glossary_data, result.glossary)
        self._paged("glossary", "Glossary", len(result.glossary), GLOSSARY_PER_PAGE, self._glossary)
        self._paged("documents", "Documents", len(result.documents), TABLE_ROWS_PER_PAGE, self._documents)
        self._paged("pairs", "Pairs", len(pair_rows(result)), TABLE_ROWS_PER_PAGE, self._pairs)
        for group in self.anchors.rules:
            names = group.pages()
            bodies = [partial(self._rule, group, k) for k in range(len(names))]
            self._series(names, f"Findings: {group.rule}", bodies)
        self._series([ENTRY], "Overview", [partial(entry.entry_body, self)])

    @cached_property
    def marked(self) -> list[Entry]:
        """The glossary rows whose terms are marked: those the checks hold units to (a big corpus's
        tail of unreviewed candidates would mark nearly every noun; the glossary pages list it)."""
        return checked(self.result.glossary)

    @cached_property
    def marker(self) -> TermMarker:
        """Glossary term matchers, built once and only when a passage page is rendered."""
        return TermMarker(self.marked)

    @cached_property
    def _version(self) -> str:
        return self.result.settings.get("version", "ruzh")

    @cached_property
    def _terms(self) -> str:
        return digest([self._version, terms_digest(self.marked)])

    def prepare(self) -> None:
        """Compute what every page's key reads (before forking workers that each read it)."""
        self._terms  # noqa: B018

    def inputs(self, name: str) -> str | None:
        """A digest of everything page ``name`` is made of (see :mod:`ruzh.report.inputs`), for the
        pages of passages and documents, which are most of a large report; ``None`` for the others,
        which read corpus-wide lists and are cheap or few."""
        inputs = self._inputs.get(name)
        return inputs() if inputs is not None else None

    def _passage_inputs(self, passage: AlignedPassage, beads: range, here: str, series: list[str]) -> str:
        known = self.result.fingerprints
        return passage_inputs(
            passage,
            beads,
            here,
            series,
            self.anchors,
            self._terms,
            known.get(passage.ru_doc),
            known.get(passage.zh_doc),
        )

    def _document_inputs(self, doc: Document, shown: range, here: str, series: list[str]) -> str:
        known = self.result.fingerprints.get(doc.name)
        return document_inputs(doc, shown, here, series, self.anchors, self._version, known)

    def names(self) -> list[str]:
        """Every file of the report; the entry page comes last so it is written last."""
        return list(self._pages)

    def render(self, name: str) -> str:
        """The text of one file."""
        return self._pages[name]()

    def _series(self, names: list[str], title: str, bodies: Sequence[PageBody]) -> None:
        """Pages of one view, each with a pager to the others when there are several."""
        for name, body in zip(names, bodies, strict=True):
            self._pages[name] = partial(self._page, name, title, body, names)

    def _page(self, here: str, title: str, body: PageBody, series: list[str]) -> str:
        return self.shell(here, title, join_page(pager(series, here), body(here)))

    def _paged(
        self, kind: str, title: str, count: int, size: int, body: Callable[[range, str], Safe]
    ) -> None:
        ranges = _ranges(count, size)
        names = [page_name(kind, None, k) for k in range(len(ranges))]
        self._series(names, title, [partial(body, r) for r in ranges])

    def _passage(self, passage: AlignedPassage, beads: range, here: str) -> Safe:
        return passage_view(passage, self.anchors, self.marker, here, beads)

    def _document(self, doc: Document, shown: range, here: str) -> Safe:
        return document_view(doc, self.anchors, here, shown)

    def _rule(self, group: RuleGroup, part: int, here: str) -> Safe:
        return rule_page(group, part, self.result.findings, self.anchors)

    def _glossary(self, shown: range, here: str) -> Safe:
        return glossary_view(self.result.glossary, shown)

    def _documents(self, shown: range, here: str) -> Safe:
        return documents_table(self.result, shown, self.anchors, here)

    def _pairs(self, shown: range, here: str) -> Safe:
        return pairs_table(self.result, shown, self.anchors, here)

    def nav(self, here: str) -> Safe:
        """The links at the top of every page; they wrap on a narrow screen."""
        items = [
            ("Overview", url(here, ENTRY)),
            ("Pairs", url(here, ENTRY, "pairs")),
            ("Documents", url(here, ENTRY, "documents")),
            ("Glossary", url(here, page_name("glossary"))),
            ("Findings", url(here, ENTRY, "findings")),
        ]
        return tag("nav", [tag("a", label, href=href) for label, href in items], class_="top")

    def shell(self, here: str, title: str, body: Safe) -> str:
        """A whole page: head with the shared CSS, header with navigation, body, the shared script."""
        head = tag(
            "head",
            void("meta", charset="utf-8"),
            void("meta", name="viewport", content="width=device-width, initial-scale=1"),
            void("meta", name="generator", content=self._version),
            tag("title", TITLE if here == ENTRY else f"{title} — {TITLE}"),
            void("link", rel="stylesheet", href=url(here, CSS)),
        )
        header = tag(
            "header",
            tag(
                "h1",
                tag("a", TITLE, href=url(here, ENTRY)),
                None if here == ENTRY else tag("span", f" · {title}", class_="sub"),
            ),
            self.nav(here),
            entry.settings_box(self.result) if here == ENTRY else None,
        )
        scripts = [GLOSSARY_DATA, JS] if here.startswith(page_name("glossary")[: -len(".html")]) else [JS]
        page = tag("body", header, tag("main", body), [tag("script", src=url(here, s)) for s in scripts])
        return "<!DOCTYPE html>\n" + tag("html", head, page, lang="en") + "\n"


def join_page(*parts_: Safe | None) -> Safe:
    """Parts of a page body one after the other."""
    return Safe("".join(p for p in parts_ if p))


def report_pages(result: BuildResult, progress: PageProgress | None = None) -> dict[str, str]:
    """Every file of the report by name (relative to the output folder), the entry page last."""
    site = Site(result)
    names = site.names()
    if progress is not None:
        progress.grow(len(names))
    pages: dict[str, str] = {}
    for name in names:
        pages[name] = site.render(name)
        if progress is not None:
            progress.advance()
    return pages


def write_report(pages: dict[str, str], folder: str | os.PathLike[str]) -> list[str]:
    """Write the files into ``folder``, each atomically, in order (the entry page last); returns their
    names relative to ``folder``. A build that stages its outputs writes them into the staging folder
    and calls :func:`prune_report` on the final folder once they are moved there."""
    root = Path(folder)
    for name, text in pages.items():
        with atomic_write(root / name, "w", encoding="utf-8") as handle:
            handle.write(text)
    return list(pages)


def prune_report(folder: str | os.PathLike[str], names: Iterable[str]) -> list[str]:
    """Remove the pages of an earlier report that this one no longer has; returns their names."""
    keep = set(names)
    pages_dir = Path(folder) / FOLDER
    gone = [f"{FOLDER}/{p.name}" for p in sorted(pages_dir.glob("*.html"))] if pages_dir.is_dir() else []
    gone = [name for name in gone if name not in keep]
    for name in gone:
        (Path(folder) / name).unlink()
    return gone


def render_report(result: BuildResult, folder: str | os.PathLike[str]) -> list[str]:
    """Render the whole report, write it into ``folder`` and drop stale pages; the names written."""
    names = write_report(report_pages(result), folder)
    prune_report(folder, names)
    return names


def describe(names: Iterable[str]) -> str:
    """What a report consists of, for the build summary: ``report.html + 500 pair, 1005 doc … pages``."""
    kinds = Counter(
        Path(n).stem.split("-")[0] for n in names if n.startswith(f"{FOLDER}/") and n.endswith(".html")
    )
    listing = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return f"{ENTRY} and {sum(kinds.values())} pages in {FOLDER}/ ({listing})"
