"""Inline SVG charts: bead score histogram, bead types, glossary terms per document.

Plain SVG written by hand (no script, no external file), so the charts show with scripts off and
in any viewer. Every bar has a ``<title>`` with its exact count, and the numbers are also printed
beside the bars, so the chart reads without hovering. Colours come from the report's CSS classes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruzh.report.html import Safe, join, tag

WIDTH = 460
ROW = 22  # height of one horizontal bar row
LABEL = 150  # room for labels left of horizontal bars


def _svg(title: str, height: int, body: Sequence[Safe]) -> Safe:
    return tag(
        "svg",
        tag("title", title),
        body,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {WIDTH} {height}",
        width=str(WIDTH),
        height=str(height),
        role="img",
        aria_label=title,
        class_="chart",
    )


def _empty(title: str) -> Safe:
    return _svg(title, 40, [tag("text", "nothing to show", x="10", y="24", class_="axis")])


def _ticks(top: int) -> int:
    """A round step for the vertical axis."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 5:
            return step
    return max(1, top // 5)


# Geometry of the histogram: height, left margin for the axis, bottom margin for labels, top padding.
HIST_HEIGHT, HIST_LEFT, HIST_BOTTOM, HIST_TOP = 200, 40, 30, 14


def _bin_counts(scores: Sequence[float], bins: int) -> list[int]:
    counts = [0] * bins
    for s in scores:
        counts[min(bins - 1, max(0, int(s * bins)))] += 1
    return counts


def _grid(ceiling: int, step: int, plot_h: float) -> list[Safe]:
    """Horizontal grid lines with their counts on the left axis."""
    parts: list[Safe] = []
    for k in range(0, ceiling + 1, step):
        y = HIST_HEIGHT - HIST_BOTTOM - plot_h * k / ceiling
        parts.append(
            tag("line", x1=str(HIST_LEFT), x2=str(WIDTH - 10), y1=f"{y:.1f}", y2=f"{y:.1f}", class_="grid")
        )
        parts.append(
            tag("text", str(k), x=str(HIST_LEFT - 4), y=f"{y + 4:.1f}", class_="axis", text_anchor="end")
        )
    return parts


def _column(i: int, count: int, bins: int, low: float, h: float, bar_w: float) -> list[Safe]:
    """One bin: its bar (drawn as low below ``low``), its count above it, its lower bound below."""
    lo, hi = i / bins, (i + 1) / bins
    x, base = HIST_LEFT + i * bar_w, HIST_HEIGHT - HIST_BOTTOM
    parts = [
        tag(
            "rect",
            tag("title", f"{lo:.1f}–{hi:.1f}: {count} bead(s)"),
            x=f"{x + 2:.1f}",
            y=f"{base - h:.1f}",
            width=f"{bar_w - 4:.1f}",
            height=f"{h:.1f}",
            class_="bar low" if hi <= low else "bar",
        )
    ]
    if count:
        parts.append(
            tag(
                "text",
                str(count),
                x=f"{x + bar_w / 2:.1f}",
                y=f"{base - h - 3:.1f}",
                class_="value",
                text_anchor="middle",
            )
        )
    parts.append(
        tag("text", f"{lo:.1f}", x=f"{x:.1f}", y=str(base + 14), class_="axis", text_anchor="middle")
    )
    return parts


def histogram(scores: Sequence[float], title: str, bins: int = 10, low: float = 0.5) -> Safe:
    """Counts of scores in ``bins`` equal bins over [0, 1]; bins below ``low`` are drawn as low."""
    if not scores:
        return _empty(title)
    counts = _bin_counts(scores, bins)
    plot_h = HIST_HEIGHT - HIST_BOTTOM - HIST_TOP
    step = _ticks(max(counts))
    ceiling = -(-max(counts) // step) * step
    bar_w = (WIDTH - HIST_LEFT - 10) / bins
    parts = _grid(ceiling, step, plot_h)
    for i, count in enumerate(counts):
        parts.extend(_column(i, count, bins, low, plot_h * count / ceiling, bar_w))
    parts.append(
        tag(
            "text",
            "1.0",
            x=str(WIDTH - 10),
            y=str(HIST_HEIGHT - HIST_BOTTOM + 14),
            class_="axis",
            text_anchor="middle",
        )
    )
    return _svg(title, HIST_HEIGHT, parts)


def bars(items: Sequence[tuple[str, int]], title: str, css: str = "bar") -> Safe:
    """Horizontal bars, one per (label, count), in the order given."""
    if not items:
        return _empty(title)
    top = max(c for _, c in items) or 1
    span = WIDTH - LABEL - 50
    parts: list[Safe] = []
    for i, (label, count) in enumerate(items):
        y = 6 + i * ROW
        w = span * count / top
        parts.append(_row_label(label, y))
        parts.append(_bar(f"{label}: {count}", str(LABEL), y, f"{w:.1f}", css))
        parts.append(tag("text", str(count), x=f"{LABEL + w + 4:.1f}", y=str(y + 14), class_="value"))
    return _svg(title, 12 + len(items) * ROW, parts)


def _bar(title: str, x: str, y: int, width: str, css: str) -> Safe:
    """One horizontal bar of a row, its value on hover."""
    return tag("rect", tag("title", title), x=x, y=str(y + 2), width=width, height=str(ROW - 6), class_=css)


def _row_label(label: str, y: int) -> Safe:
    """The shortened label of a bar row, right-aligned before the bar, full label on hover."""
    return tag(
        "text",
        _short(label),
        tag("title", label),
        x=str(LABEL - 6),
        y=str(y + 14),
        class_="axis",
        text_anchor="end",
    )


def stacked(items: Sequence[tuple[str, int, int]], title: str, names: tuple[str, str]) -> Safe:
    """Horizontal bars of two parts (e.g. Russian and Chinese terms), one per label, with a legend."""
    if not items:
        return _empty(title)
    top = max(a + b for _, a, b in items) or 1
    span = WIDTH - LABEL - 70
    parts: list[Safe] = [
        tag("rect", x=str(LABEL), y="4", width="12", height="12", class_="part-a"),
        tag("text", names[0], x=str(LABEL + 16), y="14", class_="axis"),
        tag("rect", x=str(LABEL + 80), y="4", width="12", height="12", class_="part-b"),
        tag("text", names[1], x=str(LABEL + 96), y="14", class_="axis"),
    ]
    for i, (label, a, b) in enumerate(items):
        y = 24 + i * ROW
        wa, wb = span * a / top, span * b / top
        parts.append(_row_label(label, y))
        parts.append(_bar(f"{label}: {a} {names[0]}", str(LABEL), y, f"{wa:.1f}", "part-a"))
        parts.append(_bar(f"{label}: {b} {names[1]}", f"{LABEL + wa:.1f}", y, f"{wb:.1f}", "part-b"))
        parts.append(tag("text", f"{a} + {b}", x=f"{LABEL + wa + wb + 4:.1f}", y=str(y + 14), class_="value"))
    return _svg(title, 30 + len(items) * ROW, parts)


def _short(label: str, limit: int = 22) -> str:
    """Long document names are cut for the axis; the full name stays in the ``<title>``."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def figure(chart: Safe, caption: str) -> Safe:
    """A chart with its caption."""
    return tag("figure", join([chart, tag("figcaption", caption)]))
