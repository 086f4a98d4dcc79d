"""Which page of the report each thing goes on, so that every page stays small on a large corpus.

The report is an entry page, ``report.html``, and a folder ``report/`` beside it with one page per
aligned passage and per document, the glossary and the findings in pages of a fixed number of rows,
and the shared CSS and script. Long passages and documents are cut into numbered pages too. The
sizes below keep a page under about 15,000 elements whatever the corpus (measured by
``bench/bench_report.py``).
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ruzh.checks.findings import SEVERITY_RANK, Finding
from ruzh.report.html import slug

ENTRY = "report.html"
FOLDER = "report"
CSS = f"{FOLDER}/report.css"
JS = f"{FOLDER}/report.js"
GLOSSARY_DATA = f"{FOLDER}/glossary-data.js"

BEADS_PER_PAGE = 500  # a bead row is about 10 elements with its term marks
SENTENCES_PER_PAGE = 1500  # a sentence of a document's list is 5-6 elements
GLOSSARY_PER_PAGE = 500  # a glossary row is 15-20 elements
FINDINGS_PER_PAGE = 500  # a finding is 8-10 elements
TABLE_ROWS_PER_PAGE = 250  # documents and pairs tables: about 12 cells a row


def page_name(kind: str, name: str | None = None, part: int = 0) -> str:
    """``report/<kind>[-<slug>][-<part+1>].html``; the first part has no number."""
    stem = kind if name is None else f"{kind}-{slug(name)}"
    return f"{FOLDER}/{stem}{'' if part == 0 else f'-{part + 1}'}.html"


def parts(count: int, size: int) -> int:
    """Pages needed for ``count`` items, at least one (an empty list still has its page)."""
    return max(1, -(-count // size))


def url(here: str, target: str, fragment: str | None = None) -> str:
    """A relative link from page ``here`` to ``target`` (both relative to the output folder)."""
    if target == here:
        return f"#{fragment}" if fragment else "#"
    # Pages are either the entry page or in FOLDER: no need for posixpath.relpath, which is slow.
    folder, name = posixpath.split(target)
    if folder == posixpath.dirname(here):
        path = name
    elif folder:
        path = target
    else:
        path = f"../{name}"
    return f"{path}#{fragment}" if fragment else path


@dataclass(frozen=True)
class RuleGroup:
    """The findings of one rule in report order: repeated messages first, most repeated first."""

    rule: str
    severity: str  # the worst one
    indices: tuple[int, ...]
    messages: tuple[tuple[str, int], ...]  # (message, count), in the order shown
    documents: int

    def pages(self) -> list[str]:
        """The pages of this rule's findings."""
        return [page_name("rule", self.rule, k) for k in range(parts(len(self.indices), FINDINGS_PER_PAGE))]


def rule_groups(
    findings: Sequence[Finding], document: Callable[[Finding], str], rank: Callable[[str], int]
) -> list[RuleGroup]:
    """Findings by rule (worst severity, then most findings first), each rule's by message."""
    by_rule: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        by_rule[f.rule].append(i)
    groups = []
    for rule, items in by_rule.items():
        by_message: dict[str, list[int]] = defaultdict(list)
        for i in items:
            by_message[findings[i].message].append(i)
        order = sorted(by_message, key=lambda m: (-len(by_message[m]), m))
        indices: list[int] = []
        for message in order:
            indices.extend(
                sorted(
                    by_message[message],
                    key=lambda i: (rank(document(findings[i])), findings[i].sort_key()),
                )
            )
        worst = max(items, key=lambda i: SEVERITY_RANK.get(findings[i].severity, 0))
        groups.append(
            RuleGroup(
                rule,
                findings[worst].severity,
                tuple(indices),
                tuple((m, len(by_message[m])) for m in order),
                len({document(findings[i]) for i in items}),
            )
        )
    return sorted(groups, key=lambda g: (-SEVERITY_RANK.get(g.severity, 0), -len(g.indices), g.rule))
