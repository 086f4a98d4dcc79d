"""Long passages, documents and finding lists are cut into pages that stay small and link to each other.

Built on FLORES-200 devtest (1012 sentence pairs): a passage of every sentence, a document holding
both languages, and 600 findings of one rule. Sizes are checked as counts, not times.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from ruzh.align.reader import document_from_lines
from ruzh.align.types import Bead, Document
from ruzh.checks.findings import Finding

from ruzh.report import describe, report_pages
from ruzh.report.anchors import sentence_id
from ruzh.report.layout import BEADS_PER_PAGE, FINDINGS_PER_PAGE, SENTENCES_PER_PAGE
from ruzh.results import AlignedPassage, BuildResult

MAX_ELEMENTS = 20_000
MAX_BYTES = 5_000_000


@pytest.fixture(scope="module")
def flores(shared_data: Path) -> tuple[Document, Document, Document]:
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    both = [line for pair in zip(ru, zh, strict=True) for line in pair]
    return (
        document_from_lines(ru, "flores_ru", one_per_line=True),
        document_from_lines(zh, "flores_zh", one_per_line=True),
        document_from_lines(both, "flores_both", one_per_line=True),
    )


@pytest.fixture(scope="module")
def big(flores: tuple[Document, Document, Document], page_checks: SimpleNamespace) -> SimpleNamespace:
    ru_doc, zh_doc, both = flores
    ru, zh = ru_doc.sentences(), zh_doc.sentences()
    n = min(len(ru), len(zh))
    beads = tuple(Bead((i,), (i,), 0.3 if i % 7 == 0 else 0.9) for i in range(n))
    passage = AlignedPassage(
        "flores_ru~flores_zh", "document", ru_doc.name, zh_doc.name, 0.8, tuple(ru), tuple(zh), beads
    )
    sentences = both.sentences()
    messages = ("space inside Chinese text", "half-width comma", "a message of its own")
    lonely = Finding(
        "zh-stray-space", "warning", messages[2], "flores_zh.txt", zh[-1].line, zh[-1].column, ""
    )
    findings = (
        *(
            Finding(
                "zh-stray-space",
                "warning",
                messages[0] if k % 3 else messages[1],
                "flores_both.txt",
                s.line,
                s.column,
                s.text[:4],
            )
            for k, s in enumerate(sentences[:600])
        ),
        lonely,
    )
    result = BuildResult((ru_doc, zh_doc, both), (passage,), (), findings)
    pages = report_pages(result)
    return SimpleNamespace(result=result, pages=pages, site=page_checks.site(pages), passage=passage)


def test_a_long_passage_is_cut_into_pages_with_every_bead_once(big) -> None:
    names = [n for n in big.site.names if n.startswith("report/pair-")]
    assert len(names) == -(-len(big.passage.beads) // BEADS_PER_PAGE) == 3
    rows = [tr for n in names for tr in big.site.pages[n].xpath('//tr[contains(@class, "bead")]')]
    assert [int(tr.xpath(".//a[@class='num']")[0].text) for tr in rows] == list(
        range(1, len(big.passage.beads) + 1)
    )
    for name in names:
        pager = big.site.pages[name].xpath('//nav[@class="pager"]/a')
        assert len(pager) == 3 and [a.get("aria-current") for a in pager].count("page") == 1
    last = big.passage.zh_sentences[big.passage.beads[-1].tgt[0]]
    ((name, _),) = big.site.element(sentence_id(last.doc, last.line, last.column))
    assert name == names[-1]


def test_a_long_document_is_cut_into_pages(big) -> None:
    both = big.result.documents[2]
    names = [n for n in big.site.names if n.startswith("report/doc-flores_both")]
    assert len(names) == -(-len(both.sentences()) // SENTENCES_PER_PAGE) == 2
    items = [li for n in names for li in big.site.pages[n].xpath('//ol[@class="sentences"]/li')]
    assert [li.xpath("./span[@class='s']")[0].text_content() for li in items] == [
        s.text for s in both.sentences()
    ]
    assert big.site.pages[names[1]].xpath('//ol[@class="sentences"]')[0].get("start") == str(
        SENTENCES_PER_PAGE + 1
    )


def test_many_findings_of_a_rule_are_paged_and_repeats_collapsed(big, page_checks) -> None:
    names = [n for n in big.site.names if n.startswith("report/rule-")]
    assert len(names) == -(-len(big.result.findings) // FINDINGS_PER_PAGE) == 2
    groups = big.site.xpath('//details[@class="group"]')
    counts = {
        g.xpath("./summary/span[@class='msg']")[0].text: g.xpath("./summary/span")[0].text for _, g in groups
    }
    assert counts == {"space inside Chinese text": "×400", "half-width comma": "×200"}
    assert len(groups) == 3, "the second group goes on past the first page"
    plain = big.site.xpath('//section[@class="findings"]/ul[@class="findings"]/li')
    assert [li.xpath(".//span[@class='msg']")[0].text for _, li in plain] == ["a message of its own"]
    page_checks.findings_link_to_sentences(big.site, big.result)


def test_every_page_keeps_to_the_budget_and_links_resolve(big, page_checks) -> None:
    assert page_checks.links_resolve(big.site) > 3000
    for name, page in big.site.pages.items():
        assert sum(1 for _ in page.iter()) <= MAX_ELEMENTS, name
        assert len(big.pages[name].encode("utf-8")) <= MAX_BYTES, name
    every = {a.get("href") for a in big.site.entry.xpath('//section[@id="documents"]//a')}
    assert {f"report/doc-{d.name}.html#doc-{d.name}" for d in big.result.documents} <= every
    assert describe(big.pages) == (
        "report.html and 12 pages in report/ (4 doc, 1 documents, 1 glossary, 3 pair, 1 pairs, 2 rule)"
    )
