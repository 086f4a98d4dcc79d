"""The HTML review report of ``ruzh build``: an entry page and a folder of pages for a large corpus."""

from ruzh.report.render import Site, describe, prune_report, render_report, report_pages, write_report

__all__ = ["Site", "describe", "prune_report", "render_report", "report_pages", "write_report"]
