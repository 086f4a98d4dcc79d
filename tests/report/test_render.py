"""The report of real builds, parsed back with lxml: structure, links, marks, escaping, determinism."""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest
from ruzh.align.morphology import lemma_key
from ruzh.align.reader import document_from_lines, read_document
from ruzh.align.types import Bead
from ruzh.checks.findings import SEVERITY_RANK, Finding
from ruzh.glossary.entries import Entry

from ruzh.report import render_report, report_pages
from ruzh.report.anchors import sentence_id
from ruzh.results import AlignedPassage, BuildResult

HOSTILE_RU = (
    'Аннотация. Статья о цифровой экономике <script>alert("ru")</script> и платформах. '
    '"><img src=x onerror=alert(1)> Второе предложение о цифровой экономике.'
)
HOSTILE_ZH = (
    '摘要。本文讨论数字经济<script>alert("zh")</script>的发展。'  # markup inside a Chinese sentence
    '"><img src=x onerror=alert(3)>数字经济是重要的。'
)


def site_of(result: BuildResult, page_checks: SimpleNamespace):
    """A result's report, parsed."""
    return page_checks.site(report_pages(result))


def test_abstract_pair_of_seed_000_is_one_row(seed_site, seed_result, page_checks: SimpleNamespace) -> None:
    ((name, _),) = seed_site.xpath('//section[@class="passage"]')
    assert name.startswith("report/pair-")
    page_checks.abstract_side_by_side(seed_site.pages[name], seed_result)


def test_every_link_resolves_and_ids_are_unique(seed_site, page_checks: SimpleNamespace) -> None:
    assert page_checks.links_resolve(seed_site) > 0


def test_findings_link_to_the_sentence_that_holds_them(seed_site, seed_result, page_checks) -> None:
    assert seed_result.findings, "the seeds have findings"
    page_checks.findings_link_to_sentences(seed_site, seed_result)


def test_finding_target_is_the_last_sentence_starting_before_it(seed_site, seed_result) -> None:
    """Checked against the documents directly, not against the report's own bookkeeping."""
    starts = {d.name: sorted((s.line, s.column) for s in d.sentences()) for d in seed_result.documents}
    items = seed_site.xpath('//li[contains(@class, "finding")]')
    assert items, "the seed report lists findings"
    for _, li in items:
        loc = li.xpath('.//a[@class="loc"]')[0]
        file, line, col = loc.text_content().rsplit(":", 2)
        doc = Path(file).stem
        k = bisect.bisect_right(starts[doc], (int(line), int(col))) - 1
        assert k >= 0
        assert loc.get("href").split("#")[1] == sentence_id(doc, *starts[doc][k])


def test_every_sentence_of_every_document_has_one_anchor_in_the_report(seed_site, seed_result) -> None:
    for doc in seed_result.documents:
        for s in doc.sentences():
            ((name, el),) = seed_site.element(sentence_id(s.doc, s.line, s.column))
            assert name.startswith(("report/pair-", "report/doc-"))
            spans = [el] if el.tag == "span" else el.find_class("s")
            assert [x.text_content() for x in spans] == [s.text]


def test_findings_of_a_rule_are_on_its_pages_with_repeats_collapsed(seed_site, seed_result) -> None:
    by_rule = Counter(f.rule for f in seed_result.findings)
    summaries = seed_site.entry.xpath('//section[@id="findings"]/details[@class="rule"]')
    assert [d.xpath("./summary/code")[0].text for d in summaries] == sorted(
        by_rule, key=lambda r: (-max(SEVERITY_RANK[f.severity] for f in seed_result.findings if f.rule == r),
                                -by_rule[r], r)
    )  # fmt: skip
    for summary in summaries:
        rule = summary.xpath("./summary/code")[0].text
        assert f"— {by_rule[rule]} in " in summary.xpath("./summary")[0].text_content()
    repeated = 0
    for rule, count in by_rule.items():
        messages = Counter(f.message for f in seed_result.findings if f.rule == rule)
        pages = [(n, p) for n, p in seed_site.pages.items() if p.xpath(f'//section[@data-rule="{rule}"]')]
        items = [li for _, p in pages for li in p.xpath("//li[contains(@class, 'finding')]")]
        assert len(items) == count and {li.get("data-rule") for li in items} == {rule}
        for _, page in pages:
            for group in page.xpath('//details[@class="group"]'):
                message = group.xpath("./summary/span[@class='msg']")[0].text_content()
                assert group.xpath("./summary/span[@class='count']")[0].text == f"×{messages[message]}"
                assert messages[message] > 1 and group.get("open") is None, "repeats start collapsed"
                assert {li.xpath(".//span[@class='msg']")[0].text_content() for li in group.iter("li")} == {
                    message
                }
                repeated += 1
    assert repeated, "some message repeats in the seeds (han-for-dash)"


def test_terms_marked_in_both_languages_with_counterpart(seed_site, seed_result) -> None:
    entries = {e.id: e for e in seed_result.glossary}
    ((_, section),) = seed_site.xpath('//section[@data-kind="abstract"]')
    marks = {lang: section.xpath(f'.//td[@class="{lang}"]//mark') for lang in ("ru", "zh")}
    assert marks["ru"] and marks["zh"]
    paired = 0
    for lang, other in (("ru", "zh"), ("zh", "ru")):
        for mark in marks[lang]:
            entry = entries[mark.get("data-concept")]
            forms = [t.text for t in entry.terms() if t.lang == lang]
            if lang == "ru":
                assert lemma_key(mark.text_content()) in {lemma_key(f) for f in forms}
            else:
                assert mark.text_content() in forms
            counterpart = getattr(entry, other)
            paired += bool(counterpart)
            assert (counterpart or "term yet") in mark.get("title")
    assert paired, "some terms of the abstracts have a counterpart"


def test_bead_rows_highlight_low_scores(seed_documents, page_checks) -> None:
    """A hand-made chain on real sentences: exactly the rows under 0.5 are marked low."""
    doc = seed_documents[0]
    ru, zh = doc.sentences("ru", "body")[:3], doc.sentences("zh", "body")[:3]
    scores = (0.2, 0.5, 0.93)
    beads = tuple(Bead((i,), (i,), sc) for i, sc in enumerate(scores))
    passage = AlignedPassage("hand", "document", doc.name, doc.name, 0.5, tuple(ru), tuple(zh), beads)
    site = site_of(BuildResult((doc,), (passage,), (), ()), page_checks)
    rows = [r for _, r in site.xpath('//tr[contains(@class, "bead")]')]
    assert [("low" in r.get("class").split()) for r in rows] == [sc < 0.5 for sc in scores]
    assert [r.xpath('./td/span[@class="score"]')[0].text for r in rows] == [f"{sc:.2f}" for sc in scores]


def test_charts_count_what_was_built(seed_site, seed_result) -> None:
    svgs = seed_site.entry.xpath('//section[@id="overview"]//svg')
    assert len(svgs) == 3
    bins = [
        int(m.group(1)) for t in svgs[0].xpath(".//rect/title") if (m := re.search(r": (\d+) bead", t.text))
    ]
    assert sum(bins) == sum(len(p.beads) for p in seed_result.passages)
    rows = seed_site.pages["report/documents.html"].xpath('//table[@class="grid"]/tbody/tr')
    assert len(rows) == len(seed_result.documents)


def test_glossary_rows_carry_filter_data_page_by_page(seed_site, seed_result) -> None:
    pages = [n for n in seed_site.names if n.startswith("report/glossary") and n.endswith(".html")]
    assert pages == ["report/glossary.html", "report/glossary-2.html"], "731 rows, 500 a page"
    rows = [r for n in pages for r in seed_site.pages[n].xpath('//table[@id="gloss-table"]/tbody/tr')]
    assert len(rows) == len(seed_result.glossary)
    for row, entry in zip(rows, seed_result.glossary, strict=True):
        assert row.get("data-status") == entry.status
        assert row.get("data-domain") == entry.domain
        assert int(row.get("data-freq")) == entry.ru_freq + entry.zh_freq
    for name in pages:
        form = seed_site.pages[name].get_element_by_id("gloss-filter")
        assert form.get("hidden") is not None, "controls stay hidden without the script"
        pager = seed_site.pages[name].xpath('//nav[@class="pager"]/a')
        assert [a.text for a in pager] == ["1", "2"]
        assert [a.get("aria-current") for a in pager].count("page") == 1


def hostile_result(tmp_path: Path) -> BuildResult:
    """A document, glossary row, finding and settings full of markup and control characters."""
    path = tmp_path / "hostile.txt"
    path.write_text(f"{HOSTILE_RU}\n\n{HOSTILE_ZH}\n", encoding="utf-8")
    doc = read_document(path)
    ru, zh = doc.sentences("ru"), doc.sentences("zh")
    beads = (Bead(tuple(range(len(ru))), tuple(range(len(zh))), 0.7),)
    passage = AlignedPassage('p"><b>1', "abstract", doc.name, doc.name, 0.7, tuple(ru), tuple(zh), beads)
    entry = Entry(
        id="DE0001", ru="цифровая экономика", zh="数字经济", en="<script>alert(4)</script>",
        status="candidate", domain='"><img src=x onerror=alert(5)>', note="bell\x07 here",
        evidence="<b>bold</b> \ud800", ru_docs=(doc.name,), zh_docs=(doc.name,), ru_freq=2, zh_freq=2,
    )  # fmt: skip
    finding = Finding(
        rule="x<i>rule</i>", severity="warning", message="<script>alert(6)</script>",
        file=str(path), line=3, column=45, text='"><img src=x onerror=alert(7)>',
        related=(f"<b>x</b> {path}:1:12",),
    )  # fmt: skip
    settings = {"note": "</script><script>alert(8)</script>"}
    return BuildResult((doc,), (passage,), (entry,), (finding,), settings)


def test_hostile_text_is_shown_as_text(tmp_path: Path, page_checks) -> None:
    result = hostile_result(tmp_path)
    out = tmp_path / "out"
    written = render_report(result, out)
    pages = {name: (out / name).read_text(encoding="utf-8") for name in written}
    site = page_checks.site(pages)
    for name, page in site.pages.items():
        scripts = page.xpath("//script")
        sources = [x.get("src") for x in scripts]
        expected = (
            ["glossary-data.js", "report.js"]
            if "glossary" in name
            else ["report.js" if "/" in name else "report/report.js"]
        )
        assert sources == expected and not any(x.text for x in scripts), name
        assert not page.xpath("//main//img | //main//b | //main//i"), name
        assert not [a for e in page.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")]
    sentences = [s for d in result.documents for s in d.sentences()]
    assert any("<script>" in s.text for s in sentences) and any("<img" in s.text for s in sentences)
    for s in sentences:
        ((_, el),) = site.element(sentence_id(s.doc, s.line, s.column))
        assert el.text_content() == s.text
    text = "".join(page.text_content() for page in site.pages.values())
    for hostile in (
        "<script>alert(4)</script>",
        "<b>bold</b> \ufffd",
        "<script>alert(6)</script>",
        "x<i>rule</i>",
        "</script><script>alert(8)</script>",
    ):
        assert hostile in text
    ((_, row),) = site.xpath('//table[@id="gloss-table"]/tbody/tr')
    assert row.get("data-domain") == '"><img src=x onerror=alert(5)>'
    assert "bell\u2407 here" in row.xpath('./td[@class="id"]')[0].get("title")
    page_checks.links_resolve(site)
    assert "<" not in pages["report/glossary-data.js"] and "alert(5)" in pages["report/glossary-data.js"]
    ((here, related),) = site.xpath('//div[@class="related"]//a')
    assert related.get("href").split("#")[1] == sentence_id(result.documents[0].name, 1, 12)
    assert site.resolve(here, related.get("href"))[1] is not None
    assert all((out / n).resolve().is_relative_to(out.resolve()) for n in written), "names stay in the folder"


def test_findings_outside_the_documents_link_by_text_or_not_at_all(seed_result, page_checks) -> None:
    """A unit check on memory.tmx: linked to the aligned sentence holding its text, else plain text."""
    zh = seed_result.passages[0].zh_sentences[0]
    quoted = zh.text[3:9]
    found = Finding("tm-inconsistent", "warning", "two translations", "out/memory.tmx", 12, 3, quoted)
    lost = replace(found, line=20, text="此文不在文中xyz")
    site = site_of(replace(seed_result, findings=(found, lost)), page_checks)
    (first, second) = [li for _, li in site.xpath('//li[contains(@class, "finding")]')]
    href = first.xpath(".//a[@class='loc']")[0].get("href")
    assert href.split("#")[1] == sentence_id(zh.doc, zh.line, zh.column)
    assert href.startswith("pair-")
    assert not second.xpath(".//a[@class='loc']")
    assert second.xpath(".//span[@class='loc']")[0].text == "out/memory.tmx:20:3"
    page_checks.links_resolve(site)


def test_output_is_deterministic_and_written_atomically(seed_result, seed_pages, tmp_path: Path) -> None:
    (tmp_path / "report").mkdir()
    (tmp_path / "report.html").write_text("old", encoding="utf-8")
    (tmp_path / "report" / "pair-gone.html").write_text("a page of an earlier build", encoding="utf-8")
    written = render_report(seed_result, tmp_path)
    assert {name: (tmp_path / name).read_text(encoding="utf-8") for name in written} == seed_pages
    assert seed_pages == report_pages(seed_result)
    on_disk = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert on_disk == sorted(seed_pages), "no .part file is left and the old page is gone"
    assert list(seed_pages)[-1] == "report.html", "the entry page is written last"


def test_failed_render_leaves_the_old_files(seed_result, tmp_path: Path) -> None:
    render_report(seed_result, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    broken = replace(
        seed_result, passages=(replace(seed_result.passages[0], beads=(Bead((0,), (0,), None),)),)
    )
    with pytest.raises(TypeError):
        render_report(broken, tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_empty_build_still_renders(page_checks) -> None:
    site = site_of(BuildResult((), (), (), ()), page_checks)
    assert site.entry.get_element_by_id("pairs").xpath(".//p[@class='note']")
    assert site.pages["report/glossary.html"].xpath("//p[@class='note']")
    page_checks.links_resolve(site)


def test_documents_table_counts_terms_and_big_corpora_keep_the_chart_small(
    seed_result, seed_site, page_checks
) -> None:
    rows = seed_site.pages["report/documents.html"].xpath('//table[@class="grid"]/tbody/tr')
    live = [e for e in seed_result.glossary if e.status != "rejected"]
    for row, doc in zip(rows, seed_result.documents, strict=True):
        ru = sum(doc.name in e.ru_docs for e in live)
        zh = sum(doc.name in e.zh_docs for e in live)
        assert row.xpath("./td")[-1].text == f"{ru} + {zh}"
    many = tuple(
        document_from_lines([f"Статья номер {k} о цифровой экономике."], f"doc{k:02d}") for k in range(55)
    )
    site = site_of(replace(seed_result, documents=many, findings=()), page_checks)
    chart = site.entry.xpath('//section[@id="overview"]//svg')[2]
    assert len(chart.xpath('.//rect[@class="part-a"]/title')) == 40
    assert len(site.pages["report/documents.html"].xpath('//table[@class="grid"]/tbody/tr')) == 55
    assert len(site.entry.xpath('//section[@id="documents"]//li/a')) == 55, "every document from the entry"
    assert site.entry.xpath('//section[@id="documents"]/details[@class="list"]')[0].get("open") is None
    assert (
        seed_site.entry.xpath('//section[@id="documents"]/details[@class="list"]')[0].get("open") is not None
    )
    page_checks.links_resolve(site)  # the seed passage names a document that is not in this result


def test_bad_bead_index_and_sentence_in_two_passages(seed_documents, page_checks) -> None:
    """A bead past the end of its passage says so; a sentence shown twice keeps one anchor."""
    doc = seed_documents[0]
    ru, zh = tuple(doc.sentences("ru", "abstract")), tuple(doc.sentences("zh", "abstract"))
    good = AlignedPassage("a", "abstract", doc.name, doc.name, 0.9, ru, zh, (Bead((0,), (0,), 0.9),))
    again = AlignedPassage("b", "document", doc.name, doc.name, 0.4, ru, zh, (Bead((0,), (0, 5), 0.4),))
    site = site_of(BuildResult((doc,), (good, again), (), ()), page_checks)
    sid = sentence_id(ru[0].doc, ru[0].line, ru[0].column)
    ((name, el),) = site.element(sid)
    assert name == "report/pair-a.html"
    assert el.xpath("ancestor::section[@class='passage']")[0].get("id") == "p-a"
    ((_, missing),) = site.xpath('//section[@id="p-b"]//span[@class="missing"]')
    assert "#6" in missing.text
    page_checks.links_resolve(site)


def test_glossary_data_holds_every_row_as_the_pages_do(seed_pages, seed_site, seed_result) -> None:
    """The script's copy of the glossary: the same row markup as the static pages, and no ``<`` in it."""
    text = seed_pages["report/glossary-data.js"]
    assert "<" not in text
    rows = json.loads(text.split("window.ruzhGlossary = ", 1)[1].rstrip().rstrip(";"))
    static = [
        lxml.html.tostring(r, encoding="unicode")
        for n in ("report/glossary.html", "report/glossary-2.html")
        for r in seed_site.pages[n].xpath('//table[@id="gloss-table"]/tbody/tr')
    ]
    assert len(rows) == len(static) == len(seed_result.glossary)
    for row, html, entry in zip(rows, static, seed_result.glossary, strict=True):
        parsed = lxml.html.fragment_fromstring(row["h"], create_parent="tbody")[0]
        assert lxml.html.tostring(parsed, encoding="unicode") == html
        assert (row["s"], row["d"], row["f"]) == (entry.status, entry.domain, entry.ru_freq + entry.zh_freq)
        assert entry.id.lower() in row["t"] and row["v"][0] == entry.id
