"""The HTML review report of ``ruzh build``: overview, side-by-side alignment, glossary, findings."""

from ruzh.report.render import render_report, report_html

__all__ = ["render_report", "report_html"]
