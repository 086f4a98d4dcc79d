"""The seed report in a real browser: headless Chromium's DOM after the script ran, and a screenshot."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest

from ruzh.pipeline.model import BuildResult
from ruzh.report import render_report

CHROMIUM = shutil.which("chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
)  # fmt: skip

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (apt-get install chromium)"),
]


def chromium(tmp_path: Path, *args: str) -> bytes:
    """Run headless Chromium with a fresh profile; its stdout."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def report_file(seed_result: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    render_report(seed_result, out)
    return out


def test_dom_in_chromium(report_file: Path, seed_result: BuildResult, page_checks: SimpleNamespace) -> None:
    dom = chromium(report_file.parent, "--dump-dom", report_file.as_uri()).decode("utf-8")
    page = lxml.html.document_fromstring(dom)
    page_checks.abstract_side_by_side(page, seed_result)
    assert page_checks.links_resolve(page) > 0
    page_checks.findings_link_to_sentences(page, seed_result)
    ids = page_checks.ids_of(page)
    assert len(ids) == len(set(ids))
    assert page.get_element_by_id("gloss-filter").get("hidden") is None, "the script shows the filters"


def test_readable_with_scripts_off(report_file: Path, seed_result: BuildResult, page_checks) -> None:
    """Without the script (removed from a copy: --dump-dom itself needs scripting) all content is there."""
    text = report_file.read_text(encoding="utf-8")
    start, end = text.index("<script>"), text.index("</script>") + len("</script>")
    bare = report_file.with_name("report-noscript.html")
    bare.write_text(text[:start] + text[end:], encoding="utf-8")
    page = lxml.html.document_fromstring(chromium(bare.parent, "--dump-dom", bare.as_uri()).decode("utf-8"))
    assert not page.xpath("//script")
    page_checks.abstract_side_by_side(page, seed_result)
    page_checks.findings_link_to_sentences(page, seed_result)
    assert page.get_element_by_id("gloss-filter").get("hidden") is not None
    assert len(page.xpath('//table[@id="gloss-table"]/tbody/tr[not(@hidden)]')) == len(seed_result.glossary)


def test_link_into_a_closed_document_list_opens_it(report_file: Path, seed_page) -> None:
    """A finding outside the alignment view links into a collapsed list; arriving there opens it."""
    targets = [a.get("href") for a in seed_page.xpath('//li[contains(@class, "finding")]//a[@class="loc"]')]
    inside = [h for h in targets if seed_page.xpath(f'//details[@class="doc"]//*[@id="{h[1:]}"]')]
    assert inside, "some findings of the seeds lie outside the aligned abstracts"
    url = report_file.as_uri() + inside[-1]
    page = lxml.html.document_fromstring(chromium(report_file.parent, "--dump-dom", url).decode("utf-8"))
    opened = page.xpath('//details[@class="doc"][@open]')
    assert len(opened) == 1 and opened[0].xpath(f'.//*[@id="{inside[-1][1:]}"]')


def test_glossary_filter_and_sort_from_the_address(report_file: Path, seed_result: BuildResult) -> None:
    """``?status=candidate&sort=-ru freq``: only candidates visible, most frequent first."""
    statuses = {e.status for e in seed_result.glossary}
    assert "candidate" in statuses and len(statuses) > 1, "the seeds give candidates and termbase rows"
    url = report_file.as_uri() + "?status=candidate&sort=-ru%20freq"
    page = lxml.html.document_fromstring(chromium(report_file.parent, "--dump-dom", url).decode("utf-8"))
    rows = page.xpath('//table[@id="gloss-table"]/tbody/tr')
    assert len(rows) == len(seed_result.glossary)
    shown = [r for r in rows if r.get("hidden") is None]
    assert {r.get("data-status") for r in shown} == {"candidate"}
    assert len(shown) == sum(e.status == "candidate" for e in seed_result.glossary)
    freqs = [int(r.xpath("./td")[6].get("data-v")) for r in rows]
    assert freqs == sorted(freqs, reverse=True)
    assert page.xpath('//form[@id="gloss-filter"]//output')[0].text_content() == f"{len(shown)} rows"


def test_screenshot(report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,2000", report_file.as_uri())
    data = shot.read_bytes()
    assert len(data) > 10_000 and data.startswith(b"\x89PNG\r\n\x1a\n")
