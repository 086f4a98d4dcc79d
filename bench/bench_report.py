"""Benchmark the review report on the corpus of ``bench_build.py`` (500 document pairs + the seeds).

Builds the corpus once (``ruzh build`` with a cache in the work folder, so later runs only redo the
report), then renders the report again to time it, and measures what a reader gets: number of
pages, largest page, total size, elements per page (lxml), whether every document can be reached
from the entry page by following links (and in how many clicks), and in headless Chromium the entry
page's load time and element count and the horizontal overflow of the entry page and the largest
pair page at 1400 px and at 420 px.

    python bench/bench_report.py [--pairs 500] [--data ../shared/data] [--work bench/work/report]
"""

from __future__ import annotations

import argparse
import posixpath
import statistics
import sys
import time
from collections import deque
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chromium_probe
from bench_build import build_corpus

from ruzh.pipeline.build import BuildOptions, build
from ruzh.report import report_pages, write_report
from ruzh.report.layout import ENTRY

BUDGET_BYTES, BUDGET_ELEMENTS, BUDGET_LOAD_MS = 5_000_000, 20_000, 1000


def links(name: str, page: lxml.html.HtmlElement) -> set[str]:
    """The report pages a page links to."""
    out = set()
    for a in page.iter("a"):
        href = (a.get("href") or "").split("#")[0]
        if href:
            out.add(posixpath.normpath(posixpath.join(posixpath.dirname(name), href)))
    return out


def clicks_from_entry(parsed: dict[str, lxml.html.HtmlElement]) -> dict[str, int]:
    """Breadth-first over the links: how many clicks each page is from the entry page."""
    depth = {ENTRY: 0}
    todo = deque([ENTRY])
    while todo:
        name = todo.popleft()
        for target in links(name, parsed[name]):
            if target in parsed and target not in depth:
                depth[target] = depth[name] + 1
                todo.append(target)
    return depth


def measure_pages(out: Path, pages: dict[str, str], documents: list[str]) -> None:
    html = {n: t for n, t in pages.items() if n.endswith(".html")}
    sizes = {n: len(t.encode("utf-8")) for n, t in pages.items()}
    parsed = {n: lxml.html.document_fromstring(t) for n, t in html.items()}
    elements = {n: sum(1 for _ in p.iter()) for n, p in parsed.items()}
    big = max(html, key=lambda n: sizes[n])
    crowded = max(html, key=lambda n: elements[n])
    print(f"files: {len(pages)} ({len(html)} HTML pages + CSS and script)")
    print(f"total size: {sum(sizes.values()) / 1e6:.1f} MB; entry page {sizes[ENTRY] / 1e3:.0f} kB")
    print(f"largest page: {big} {sizes[big] / 1e6:.2f} MB (budget {BUDGET_BYTES / 1e6:.0f} MB)")
    print(f"most elements: {crowded} {elements[crowded]} (budget {BUDGET_ELEMENTS}); entry {elements[ENTRY]}")
    depth = clicks_from_entry(parsed)
    doc_pages = {n for n in html if n.startswith("report/doc-")}
    reached = {n for n in doc_pages if n in depth}
    print(
        f"documents reachable from the entry page: {len(reached)}/{len(doc_pages)} document pages "
        f"for {len(documents)} documents, in at most {max(depth[n] for n in reached)} click(s); "
        f"pages reachable: {len(depth)}/{len(html)}"
    )
    over = [n for n in html if sizes[n] > BUDGET_BYTES or elements[n] > BUDGET_ELEMENTS]
    print(f"pages over budget: {len(over)} {over[:5]}")


def measure_browser(out: Path, pages: dict[str, str], runs: int) -> None:
    if chromium_probe.CHROMIUM is None:
        print("chromium not installed: browser figures skipped (apt-get install chromium)")
        return
    entry = out / ENTRY
    loads = [chromium_probe.measure(entry, 1400) for _ in range(runs)]
    ms = statistics.median(m.load_ms for m in loads)
    print(
        f"Chromium entry page: load + layout {ms:.0f} ms median of {runs} "
        f"(runs {', '.join(f'{m.load_ms:.0f}' for m in loads)}; budget {BUDGET_LOAD_MS} ms), "
        f"{loads[0].elements} elements in the DOM"
    )
    pairs = [n for n in pages if n.startswith("report/pair-")]
    biggest = max(pairs, key=lambda n: len(pages[n])) if pairs else None
    for name in [ENTRY, "report/glossary.html", *([biggest] if biggest else [])]:
        for width in (1400, 420):
            m = chromium_probe.measure(out / name, width)
            print(
                f"  {name} at {width} px: scrollWidth {m.scroll_width} / innerWidth {m.inner_width}"
                f" ({'OVERFLOWS ' + str(m.wide[:3]) if m.overflows else 'no overflow'}), {m.load_ms:.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=500, help="document pairs to generate (default 500)")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--work", type=Path, default=Path("bench/work/report"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="Chromium loads of the entry page (default 3)")
    args = parser.parse_args()
    corpus, out = args.work / "corpus", args.work / "out"
    if not corpus.is_dir():
        if not args.data.is_dir():
            sys.exit(f"bench_report: development data not found at {args.data} (give --data)")
        build_corpus(corpus, args.data, args.pairs)
    start = time.perf_counter()
    options = BuildOptions((corpus,), out, jobs=args.jobs, cache_dir=args.work / "cache", quiet=True)
    result, _ = build(options)
    print(f"corpus: {len(result.documents)} documents, {len(result.passages)} passages, "
          f"{len(result.glossary)} glossary rows, {len(result.findings)} findings "
          f"(build with cache {time.perf_counter() - start:.1f} s)")  # fmt: skip
    start = time.perf_counter()
    pages = report_pages(result)
    rendered = time.perf_counter() - start
    start = time.perf_counter()
    write_report(pages, out)
    print(
        f"report: rendered in {rendered:.1f} s, written in {time.perf_counter() - start:.1f} s (one process)"
    )
    measure_pages(out, pages, [d.name for d in result.documents])
    measure_browser(out, pages, args.runs)


if __name__ == "__main__":
    main()
