"""``report.html``: the review report of a build as one self-contained, deterministic HTML file.

CSS and the small script are inlined from package data; charts are inline SVG; nothing is fetched.
All text from documents, glossary and findings goes through :mod:`ruzh.report.html`, which escapes
it. Nothing depends on the clock: the same result and settings give the same bytes (a date appears
only when the build passes one in ``settings``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources

from ruzh.core.atomicio import atomic_write
from ruzh.pipeline.model import BuildResult
from ruzh.report.alignment import alignment_section
from ruzh.report.anchors import Anchors
from ruzh.report.documents import documents_section
from ruzh.report.findings import findings_section
from ruzh.report.glossary_table import glossary_section
from ruzh.report.html import Safe, tag, void
from ruzh.report.overview import overview_section
from ruzh.report.terms import TermMarker

TITLE = "ruzh build report"
SECTIONS = (
    ("overview", "Overview"), ("alignment", "Alignment"), ("glossary", "Glossary"),
    ("findings", "Findings"), ("documents", "Documents"),
)  # fmt: skip


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    """A packaged CSS or JS file, read once."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    # Inlined code must never close its own element; "<\/" means the same inside JS strings and CSS.
    return text.replace("</", "<\\/")


def _header(result: BuildResult) -> Safe:
    settings = [tag("tr", tag("th", k), tag("td", str(v))) for k, v in sorted(result.settings.items())]
    return tag(
        "header",
        tag("h1", TITLE),
        tag("nav", [tag("a", label, href=f"#{sid}") for sid, label in SECTIONS]),
        tag(
            "details",
            tag("summary", "Build settings"),
            tag("table", tag("tbody", settings), class_="settings"),
        )
        if settings
        else None,
    )


def report_html(result: BuildResult) -> str:
    """The whole report as text."""
    anchors = Anchors(result)
    marker = TermMarker(result.glossary)
    # The alignment is rendered before the document lists: it claims the anchors of the sentences it shows.
    alignment = alignment_section(result.passages, anchors, marker)
    findings = findings_section(result, anchors)
    documents = documents_section(result, anchors)
    head = tag(
        "head",
        void("meta", charset="utf-8"),
        void("meta", name="viewport", content="width=device-width, initial-scale=1"),
        void("meta", name="generator", content=result.settings.get("version", "ruzh")),
        tag("title", TITLE),
        tag("style", Safe(_asset("report.css"))),
    )
    body = tag(
        "body",
        _header(result),
        tag(
            "main",
            overview_section(result),
            alignment,
            glossary_section(result.glossary),
            findings,
            documents,
        ),
        tag("script", Safe(_asset("report.js"))),
    )
    return "<!DOCTYPE html>\n" + tag("html", head, body, lang="en") + "\n"


def render_report(result: BuildResult, path: str | os.PathLike[str]) -> None:
    """Write the report to ``path`` atomically (a temporary file renamed into place)."""
    text = report_html(result)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(text)
