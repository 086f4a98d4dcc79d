"""Measure report pages in headless Chromium: load time, elements, horizontal overflow, screenshots.

A page is loaded into an ``<iframe>`` of a given width inside a small probe page written beside it
(headless Chromium's window cannot be narrower than 500 px, an iframe can), and the probe writes
what it measured into its own DOM, which ``--dump-dom`` prints. Used by ``bench/bench_report.py``
and by ``tests/report/test_report_chromium.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.html

CHROMIUM = shutil.which("chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--allow-file-access-from-files", "--hide-scrollbars",
)  # fmt: skip

# Measures after the load event and one forced layout; lists the elements that stick out on the right.
PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head>
<body style="margin:0">
<iframe id="f" style="width:{width}px;height:{height}px;border:0;display:block"></iframe>
<pre id="out">pending</pre><script>
var f = document.getElementById("f"), t0 = performance.now();
f.onload = function () {{
  var loaded = performance.now() - t0, d = f.contentDocument, w = f.contentWindow;
  var height = d.documentElement.scrollHeight, laid_out = performance.now() - t0;
  var wide = [];
  Array.prototype.forEach.call(d.body.getElementsByTagName("*"), function (e) {{
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > w.innerWidth + 0.5 && wide.length < 10) {{
      wide.push(e.tagName + "." + e.getAttribute("class"));
    }}
  }});
  var rects = {{}};
  {selectors}.forEach(function (sel) {{
    var e = d.querySelector(sel), r = e && e.getBoundingClientRect();
    rects[sel] = r ? [r.left, r.top, r.right, r.bottom] : null;
  }});
  document.getElementById("out").textContent = JSON.stringify({{
    load_ms: loaded, layout_ms: laid_out, scroll_width: d.documentElement.scrollWidth,
    inner_width: w.innerWidth, elements: d.getElementsByTagName("*").length, height: height, wide: wide,
    rects: rects
  }});
}};
f.src = {target};
</script></body></html>
"""


@dataclass(frozen=True)
class Measure:
    """What the probe saw of one page at one width."""

    load_ms: float  # from setting the iframe's address to its load event (parsed, CSS and script run)
    layout_ms: float  # the same, up to the end of a forced layout of the whole page
    scroll_width: int
    inner_width: int
    elements: int
    height: int
    wide: tuple[str, ...]
    rects: dict[str, list[float] | None]  # left, top, right, bottom of the first match of each selector

    @property
    def overflows(self) -> bool:
        """The page is wider than its window (a horizontal scroll bar)."""
        return self.scroll_width > self.inner_width


def chromium(profile: Path, *args: str, timeout: float = 180) -> bytes:
    """Run headless Chromium with its own profile folder; its stdout."""
    if CHROMIUM is None:
        raise RuntimeError("chromium is not on PATH (apt-get install chromium)")
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=timeout,
        check=True,
    )
    return done.stdout


def _probe_file(page: Path, width: int, height: int, selectors: Sequence[str] = ()) -> Path:
    probe = page.with_name(f".probe-{width}-{page.stem}.html")
    text = PROBE.format(
        width=width, height=height, target=json.dumps(page.name), selectors=json.dumps(list(selectors))
    )
    probe.write_text(text, encoding="utf-8")
    return probe


def measure(page: Path, width: int, height: int = 900, selectors: Sequence[str] = ()) -> Measure:
    """Load ``page`` in an iframe ``width`` px wide and measure it (and where ``selectors`` are)."""
    # No --virtual-time-budget: it would make performance.now() virtual. The parent page's load event,
    # after which --dump-dom prints, waits for the iframe, whose load handler has measured by then.
    probe = _probe_file(page.resolve(), width, height, selectors)
    try:
        with tempfile.TemporaryDirectory() as profile:
            dom = chromium(Path(profile), "--dump-dom", probe.as_uri())
    finally:
        probe.unlink()
    text = lxml.html.document_fromstring(dom.decode("utf-8")).get_element_by_id("out").text_content()
    data = json.loads(text)
    return Measure(**{**data, "wide": tuple(data["wide"])})


def screenshot(page: Path, width: int, shot: Path, height: int = 1600) -> bytes:
    """A PNG of ``page`` at ``width`` px (in an iframe when narrower than a window can be)."""
    page, shot = page.resolve(), shot.resolve()
    with tempfile.TemporaryDirectory() as profile:
        if width >= 500:
            chromium(Path(profile), f"--screenshot={shot}", f"--window-size={width},{height}", page.as_uri())
        else:
            probe = _probe_file(page, width, height)
            try:
                chromium(Path(profile), f"--screenshot={shot}", f"--window-size=500,{height}", probe.as_uri())
            finally:
                probe.unlink()
    return shot.read_bytes()
