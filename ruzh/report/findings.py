"""Findings grouped by rule, then by document, each linking to the sentence that holds it.

Rules are ordered worst severity first, then by how many findings they have. The location
``file:line:col`` is a link to the sentence (see :mod:`ruzh.report.anchors`); related places
(``智慧城市 seeds/000.txt:44:17``) link to their sentences too. A finding in a file that is not one of
the build's documents (a TMX, say) is shown with its location as plain text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ruzh.checks.findings import SEVERITY_RANK, Finding
from ruzh.pipeline.model import BuildResult
from ruzh.report.anchors import Anchors
from ruzh.report.html import Safe, slug, tag


def _location(finding: Finding, target: str | None, by_text: bool) -> Safe:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    if target is None:
        return tag("span", where, class_="loc", title="not one of the documents shown in this report")
    title = "an aligned sentence holding this text" if by_text else "show the sentence"
    return tag("a", where, href=f"#{target}", class_="loc", title=title)


def _related(finding: Finding, anchors: Anchors) -> Safe | None:
    if not finding.related:
        return None
    items = []
    for place in finding.related:
        target = anchors.place_target(place)
        items.append(tag("a", place, href=f"#{target}") if target else tag("span", place))
    return tag("div", "related: ", tag("span", Safe(" · ".join(items))), class_="related")


def finding_item(finding: Finding, index: int, anchors: Anchors) -> Safe:
    """One finding: severity, rule, location link, message, the offending text, related places."""
    fid, target = anchors.finding_ids[index], anchors.targets[index]
    return tag(
        "li",
        tag("span", finding.severity, class_=f"sev sev-{finding.severity}"),
        " ",
        tag("code", finding.rule, class_="rule"),
        " ",
        _location(finding, target, index in anchors.by_text),
        " ",
        tag("span", finding.message, class_="msg"),
        tag("span", " · ", tag("q", finding.text, class_="text")) if finding.text else None,
        _related(finding, anchors),
        id=fid if anchors.claim(fid) else None,
        class_=f"finding sev-{finding.severity}",
        data_rule=finding.rule,
        data_severity=finding.severity,
    )


def _rule_order(rule: str, items: Sequence[int], findings: Sequence[Finding]) -> tuple[int, int, str]:
    worst = max(SEVERITY_RANK.get(findings[i].severity, 0) for i in items)
    return (-worst, -len(items), rule)


def findings_section(result: BuildResult, anchors: Anchors) -> Safe:
    """Every finding, grouped by rule and then by document (in the order the documents were read)."""
    findings = result.findings
    doc_rank = {d.name: k for k, d in enumerate(result.documents)}
    by_rule: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        by_rule[f.rule].append(i)
    severities = Counter(f.severity for f in findings)
    summary = ", ".join(
        f"{n} {s}" for s, n in sorted(severities.items(), key=lambda kv: -SEVERITY_RANK.get(kv[0], 0))
    )
    groups: list[Safe] = []
    for rule in sorted(by_rule, key=lambda r: _rule_order(r, by_rule[r], findings)):
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i in by_rule[rule]:
            by_doc[anchors.document_of(findings[i].file) or findings[i].file].append(i)
        ordered = sorted(by_doc, key=lambda d: (doc_rank.get(d, len(doc_rank)), d))
        blocks = []
        for doc in ordered:
            items = sorted(by_doc[doc], key=lambda i: findings[i].sort_key())
            blocks.append(tag("h4", doc, tag("span", f" {len(items)}", class_="count")))
            blocks.append(
                tag(
                    "ul",
                    [finding_item(findings[i], i, anchors) for i in items],
                    class_="findings",
                )
            )
        worst = _rule_order(rule, by_rule[rule], findings)[0]
        sev = next((s for s, r in SEVERITY_RANK.items() if -r == worst), "info")
        summary_line = tag(
            "summary",
            tag("span", sev, class_=f"sev sev-{sev}"),
            " ",
            tag("code", rule, class_="rule"),
            f" — {len(by_rule[rule])} in {len(ordered)} document(s)",
        )
        groups.append(tag("details", summary_line, blocks, id=f"rule-{slug(rule)}", class_="rule", open=True))
    intro = f"{len(findings)} findings ({summary})." if findings else "No findings: every check passed."
    return tag("section", tag("h2", "Findings"), tag("p", intro, class_="note"), groups, id="findings")
