"""A build result made by the real components from the seeds, and helpers to read the report back."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from types import SimpleNamespace

import lxml.html
import pytest
from ruzh.align.aligner import align_sentences
from ruzh.align.reader import read_document
from ruzh.align.types import Document, Sentence
from ruzh.checks.runner import run_checks
from ruzh.checks.variants import load_glossary
from ruzh.glossary.build import build_glossary
from ruzh.seeds import seed_paths

from ruzh.report import report_pages
from ruzh.report.layout import ENTRY
from ruzh.results import AlignedPassage, BuildResult

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
    findings = run_checks([read_document(p, name=str(p)) for p in seed_paths()], (), load_glossary()).findings
    return BuildResult(seed_documents, (abstract,), glossary, findings, SETTINGS)


@pytest.fixture(scope="session")
def seed_pages(seed_result: BuildResult) -> dict[str, str]:
    """Every file of the seeds' report by name."""
    return report_pages(seed_result)


class ParsedSite:
    """The HTML pages of a report parsed with lxml, with links followed across pages."""

    def __init__(self, pages: Mapping[str, str]) -> None:
        self.names = list(pages)
        self.pages = {
            name: lxml.html.document_fromstring(text)
            for name, text in pages.items()
            if name.endswith(".html")
        }
        self._ids = {name: by_id(page) for name, page in self.pages.items()}

    @property
    def entry(self) -> lxml.html.HtmlElement:
        return self.pages[ENTRY]

    def xpath(self, query: str) -> list[tuple[str, lxml.html.HtmlElement]]:
        """``(page, element)`` for every match on every page, pages in report order."""
        return [(name, el) for name, page in self.pages.items() for el in page.xpath(query)]

    def resolve(self, here: str, href: str) -> tuple[str, lxml.html.HtmlElement | None]:
        """The page a relative link from ``here`` goes to, and the element its fragment names."""
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
        assert target in self.names, (here, href)
        if not fragment:
            return target, None
        return target, self._ids.get(target, {}).get(fragment)

    def element(self, element_id: str) -> list[tuple[str, lxml.html.HtmlElement]]:
        """Every element with that id anywhere in the report (one, when ids are unique)."""
        return [(name, ids[element_id]) for name, ids in self._ids.items() if element_id in ids]


@pytest.fixture(scope="session")
def seed_site(seed_pages: dict[str, str]) -> ParsedSite:
    """The seeds' report, parsed."""
    return ParsedSite(seed_pages)


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
    assert rows[0].xpath('./td/span[@class="kind"]')[0].text_content() == f"{len(ru)}-{len(zh)}"


def check_links_resolve(site: ParsedSite) -> int:
    """Every link, stylesheet and script of every page points at a file of the report and at an
    element that exists there; ids are unique in each page. Returns how many links there are."""
    count = 0
    for name, page in site.pages.items():
        ids = ids_of(page)
        assert len(ids) == len(set(ids)), (name, [i for i in ids if ids.count(i) > 1][:5])
        refs = [a.get("href") for a in page.iter("a", "link") if a.get("href") is not None]
        refs += [s.get("src") for s in page.iter("script") if s.get("src")]
        for href in refs:
            assert "://" not in href and not href.startswith("//"), (name, href)  # nothing from a network
            _, element = site.resolve(name, href)
            if "#" in href and href.split("#", 1)[1]:
                assert element is not None, (name, href)
            count += 1
    return count


def check_findings_link_to_sentences(site: ParsedSite, result: BuildResult) -> None:
    """Each finding is listed once and links to an element holding the sentence where its text stands."""
    items = site.xpath('//li[contains(@class, "finding")]')
    assert len(items) == len(result.findings)
    for here, li in items:
        (link,) = li.xpath('.//a[@class="loc"]')
        _, target = site.resolve(here, link.get("href"))
        assert target is not None
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
        site=ParsedSite,
    )
