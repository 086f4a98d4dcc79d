"""A build result made by the real components from the seeds, and helpers to read the report back."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest
from ruzh.align.aligner import align_sentences
from ruzh.align.reader import read_document
from ruzh.align.types import Document, Sentence
from ruzh.checks.runner import CheckInputs, run_checks
from ruzh.glossary.build import build_glossary
from ruzh.seeds import seed_paths

from ruzh.pipeline.model import AlignedPassage, BuildResult
from ruzh.report import report_html

SETTINGS = {"aligner": "ruzh-align", "version": "test"}


def aligned(pid: str, kind: str, ru: Sequence[Sentence], zh: Sequence[Sentence]) -> AlignedPassage:
    """A passage aligned by the project's aligner; its score is the mean bead score."""
    beads = align_sentences([s.text for s in ru], [s.text for s in zh])
    score = sum(b.score for b in beads) / len(beads) if beads else 0.0
    ru_doc = ru[0].doc if ru else ""
    zh_doc = zh[0].doc if zh else ""
    return AlignedPassage(pid, kind, ru_doc, zh_doc, score, tuple(ru), tuple(zh), tuple(beads))


@pytest.fixture(scope="session")
def seed_documents() -> tuple[Document, ...]:
    """The five seeds, read by the reader."""
    return tuple(read_document(p) for p in seed_paths())


@pytest.fixture(scope="session")
def seed_result(seed_documents: tuple[Document, ...]) -> BuildResult:
    """Seed 000's abstract pair aligned, the glossary of all seeds, the checks' findings on them."""
    first = seed_documents[0]
    abstract = aligned(
        "000-abstract", "abstract", first.sentences("ru", "abstract"), first.sentences("zh", "abstract")
    )
    glossary = build_glossary(seed_documents).entries
    findings = run_checks(CheckInputs(documents=tuple(Path(p) for p in seed_paths()))).findings
    return BuildResult(seed_documents, (abstract,), glossary, findings, SETTINGS)


@pytest.fixture(scope="session")
def seed_html(seed_result: BuildResult) -> str:
    """The report of the seeds as text."""
    return report_html(seed_result)


@pytest.fixture(scope="session")
def seed_page(seed_html: str) -> lxml.html.HtmlElement:
    """The report of the seeds, parsed."""
    return lxml.html.document_fromstring(seed_html)


def ids_of(page: lxml.html.HtmlElement) -> list[str]:
    """Every id in the page, repeats included."""
    return [e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id")]


def by_id(page: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    """Elements by id, built once (``get_element_by_id`` searches the whole tree every time)."""
    return {e.get("id"): e for e in page.iter() if isinstance(e.tag, str) and e.get("id")}


def squeeze(text: str) -> str:
    """Text without whitespace: the reader joins lines and drops stray spaces inside Chinese."""
    return "".join(text.split())


def check_abstract_side_by_side(page: lxml.html.HtmlElement, result: BuildResult) -> None:
    """The Russian and Chinese abstracts of seed 000 are the two cells of one row of its passage."""
    first = result.documents[0]
    ru = first.sentences("ru", "abstract")
    zh = first.sentences("zh", "abstract")
    assert ru and zh, "seed 000 has both abstracts"
    (section,) = page.xpath('//section[@class="passage"][@data-kind="abstract"]')
    rows = [
        tr
        for tr in section.xpath('.//tr[contains(@class, "bead")]')
        if any(s.text_content() == ru[0].text for s in tr.xpath('./td[@class="ru"]/span[@class="s"]'))
    ]
    assert len(rows) == 1
    ru_cell = [s.text_content() for s in rows[0].xpath('./td[@class="ru"]/span[@class="s"]')]
    zh_cell = [s.text_content() for s in rows[0].xpath('./td[@class="zh"]/span[@class="s"]')]
    assert ru_cell == [s.text for s in ru]
    assert zh_cell == [s.text for s in zh]
    assert rows[0].xpath('./td[@class="kind"]')[0].text_content() == f"{len(ru)}-{len(zh)}"


def check_links_resolve(page: lxml.html.HtmlElement) -> int:
    """Every in-page link points at an element that exists; returns how many links there are."""
    ids = set(ids_of(page))
    hrefs = [a.get("href") for a in page.iter("a") if (a.get("href") or "").startswith("#")]
    missing = sorted({h for h in hrefs if h[1:] not in ids})
    assert not missing, missing[:10]
    return len(hrefs)


def check_findings_link_to_sentences(page: lxml.html.HtmlElement, result: BuildResult) -> None:
    """Each finding of a seed links to an element holding the sentence where its text stands."""
    items = page.xpath('//li[contains(@class, "finding")]')
    assert len(items) == len(result.findings)
    elements = by_id(page)
    for li in items:
        (link,) = li.xpath('.//a[@class="loc"]')
        target = elements[link.get("href")[1:]]
        spans = [target] if "s" in (target.get("class") or "").split() else target.find_class("s")
        text = "".join(s.text_content() for s in spans)
        for quoted in li.xpath('.//q[@class="text"]'):
            assert squeeze(quoted.text_content()) in squeeze(text), (
                link.text_content(),
                quoted.text_content(),
            )


@pytest.fixture(scope="session")
def page_checks() -> SimpleNamespace:
    """The checks shared by the lxml and the Chromium tests."""
    return SimpleNamespace(
        abstract_side_by_side=check_abstract_side_by_side,
        links_resolve=check_links_resolve,
        findings_link_to_sentences=check_findings_link_to_sentences,
        ids_of=ids_of,
        by_id=by_id,
    )
