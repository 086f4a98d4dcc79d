"""The seed report in a real browser: headless Chromium's DOM after the script ran, the layout at
1400 px and at 420 px (a phone: loaded in a 420 px iframe, since a headless window cannot be that
narrow), and screenshots saved in ``build/screenshots/``."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import lxml.html
import pytest

from ruzh.report import render_report
from ruzh.report.layout import ENTRY, JS
from ruzh.results import BuildResult

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "build" / "screenshots"

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(
        shutil.which("chromium") is None, reason="chromium is not on PATH (apt-get install chromium)"
    ),
]


def _probe_module() -> ModuleType:
    """``bench/chromium_probe.py``: the same measurements the benchmark makes."""
    spec = importlib.util.spec_from_file_location("chromium_probe", REPO / "bench" / "chromium_probe.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


probe = _probe_module()


@pytest.fixture(scope="module")
def report_dir(seed_result: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    render_report(seed_result, out)
    return out


@pytest.fixture(scope="module")
def pair_page(report_dir: Path) -> Path:
    (page,) = sorted((report_dir / "report").glob("pair-*.html"))
    return page


def dom(page: Path, query: str = "", fragment: str = "") -> lxml.html.HtmlElement:
    """The DOM of a page after its script ran."""
    url = page.as_uri() + query + fragment
    with_profile = page.parent / f".profile-{abs(hash(url))}"
    try:
        return lxml.html.document_fromstring(probe.chromium(with_profile, "--dump-dom", url).decode("utf-8"))
    finally:
        shutil.rmtree(with_profile, ignore_errors=True)


def test_dom_in_chromium(
    report_dir: Path, pair_page: Path, seed_pages: dict[str, str], seed_result, page_checks: SimpleNamespace
) -> None:
    names = (ENTRY, str(pair_page.relative_to(report_dir)), "report/glossary.html")
    live = {name: lxml.html.tostring(dom(report_dir / name), encoding="unicode") for name in names}
    site = page_checks.site({**seed_pages, **live})
    page_checks.abstract_side_by_side(site.pages[names[1]], seed_result)
    assert page_checks.links_resolve(site) > 0
    page_checks.findings_link_to_sentences(site, seed_result)
    assert site.pages[names[2]].get_element_by_id("gloss-filter").get("hidden") is None, (
        "the script shows them"
    )


def test_readable_with_scripts_off(
    report_dir: Path, seed_result: BuildResult, page_checks, tmp_path: Path
) -> None:
    """Without the script (the shared file removed from a copy) all content is there."""
    bare = tmp_path / "bare"
    shutil.copytree(report_dir, bare)
    (bare / JS).unlink()
    page = dom(bare / "report" / "glossary.html")
    assert page.get_element_by_id("gloss-filter").get("hidden") is not None
    assert len(page.xpath('//table[@id="gloss-table"]/tbody/tr[not(@hidden)]')) == 500
    (pair,) = sorted((bare / "report").glob("pair-*.html"))
    page_checks.abstract_side_by_side(dom(pair), seed_result)


def test_link_into_a_collapsed_group_opens_it(report_dir: Path, seed_site) -> None:
    """A repeated finding sits in a closed group on its rule's page; arriving at it opens the group."""
    grouped = [
        (name, li.get("id"))
        for name, li in seed_site.xpath('//details[@class="group"]//li[contains(@class, "finding")]')
    ]
    assert grouped, "han-for-dash repeats one message in the seeds"
    name, fid = grouped[-1]
    page = dom(report_dir / name, fragment=f"#{fid}")
    opened = page.xpath('//details[@class="group"][@open]')
    assert len(opened) == 1 and opened[0].xpath(f'.//*[@id="{fid}"]')


def test_glossary_filter_and_sort_from_the_address(report_dir: Path, seed_result: BuildResult) -> None:
    """``?status=candidate&sort=-ru freq`` on the first page: the candidates of every page, most
    frequent first (the seeds' candidates run on from the first page onto the second)."""
    candidates = [e for e in seed_result.glossary if e.status == "candidate"]
    assert candidates and any(seed_result.glossary.index(e) >= 500 for e in candidates)
    page = dom(report_dir / "report" / "glossary.html", query="?status=candidate&sort=-ru%20freq")
    rows = page.xpath('//table[@id="gloss-table"]/tbody/tr')
    assert len(rows) == len(candidates) and {r.get("data-status") for r in rows} == {"candidate"}
    assert sorted(r.get("id") for r in rows) == sorted(f"g-{e.id}" for e in candidates)
    freqs = [int(r.xpath("./td")[6].get("data-v")) for r in rows]
    assert freqs == sorted(freqs, reverse=True)
    assert page.xpath('//form[@id="gloss-filter"]//output')[0].text_content() == f"{len(rows)} rows"
    assert page.xpath('//nav[@class="pager"]')[0].get("hidden") is not None, "the result has its own pages"


def test_glossary_sorted_whole_shows_500_rows_at_a_time(report_dir: Path, seed_result: BuildResult) -> None:
    page = dom(report_dir / "report" / "glossary-2.html", query="?sort=-zh%20freq")
    rows = page.xpath('//table[@id="gloss-table"]/tbody/tr')
    assert len(rows) == 500
    top = sorted(seed_result.glossary, key=lambda e: -e.zh_freq)[0]
    assert int(rows[0].xpath("./td")[7].get("data-v")) == top.zh_freq
    assert [b.text for b in page.xpath('//p[@class="pages"]/button')] == ["next ›"]
    assert f"of {len(seed_result.glossary)}" in page.xpath('//p[@class="pages"]')[0].text_content()
    plain = dom(report_dir / "report" / "glossary-2.html")
    assert len(plain.xpath('//table[@id="gloss-table"]/tbody/tr')) == len(seed_result.glossary) - 500


@pytest.mark.parametrize("width", [1400, 420])
def test_nothing_overflows_and_beads_stack_when_narrow(report_dir: Path, pair_page: Path, width: int) -> None:
    entry = probe.measure(report_dir / ENTRY, width, selectors=["nav.top a:last-child"])
    assert not entry.overflows, (entry.scroll_width, entry.wide)
    nav = entry.rects["nav.top a:last-child"]
    assert nav is not None and nav[2] <= width
    pair = probe.measure(pair_page, width, selectors=["tr.bead td.ru", "tr.bead td.zh"])
    assert not pair.overflows, (pair.scroll_width, pair.wide)
    ru, zh = pair.rects["tr.bead td.ru"], pair.rects["tr.bead td.zh"]
    assert ru is not None and zh is not None
    if width < 640:  # stacked: Russian above Chinese, each as wide as the row
        assert ru[3] <= zh[1] and abs(ru[0] - zh[0]) < 1 and ru[2] - ru[0] > 0.8 * (width - 40)
    else:  # side by side, Russian on the left
        assert ru[2] <= zh[0] and abs(ru[1] - zh[1]) < 1


@pytest.mark.parametrize("width", [1400, 420])
def test_screenshots(report_dir: Path, pair_page: Path, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, page in (("entry", report_dir / ENTRY), ("pair", pair_page)):
        data = probe.screenshot(page, width, SHOTS / f"{name}-{width}.png")
        assert len(data) > 10_000 and data.startswith(b"\x89PNG\r\n\x1a\n")
