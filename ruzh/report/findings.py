"""Findings by rule: a summary with counts on the entry page, each rule's findings on its own pages.

Rules are ordered worst severity first, then by how many findings they have. On a rule's pages a
message that repeats is one collapsed line with its count, expanded on demand; the location
``file:line:col`` links to the sentence (see :mod:`ruzh.report.anchors`), and so do related places
(``智慧城市 seeds/000.txt:44:17``). A finding in a file that is not one of the build's documents (a
TMX, say) is shown with its location as plain text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from ruzh.checks.findings import SEVERITY_RANK, Finding
from ruzh.report.anchors import Anchors
from ruzh.report.html import Safe, join, tag
from ruzh.report.layout import FINDINGS_PER_PAGE, RuleGroup, url

PREVIEW = 5  # messages of a rule shown when its summary is expanded on the entry page


def _location(finding: Finding, target: str | None, by_text: bool, anchors: Anchors, here: str) -> Safe:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    if target is None:
        return tag("span", where, class_="loc", title="not one of the documents shown in this report")
    title = "an aligned sentence holding this text" if by_text else "show the sentence"
    return tag("a", where, href=anchors.href(target, here), class_="loc", title=title)


def _related(finding: Finding, anchors: Anchors, here: str) -> Safe | None:
    if not finding.related:
        return None
    items = []
    for place in finding.related:
        target = anchors.place_target(place)
        items.append(tag("a", place, href=anchors.href(target, here)) if target else tag("span", place))
    return tag("div", "related: ", tag("span", Safe(" · ".join(items))), class_="related")


def finding_item(finding: Finding, index: int, anchors: Anchors, here: str) -> Safe:
    """One finding: severity, rule, location link, message, the offending text, related places."""
    fid, target = anchors.finding_ids[index], anchors.targets[index]
    return tag(
        "li",
        tag("span", finding.severity, class_=f"sev sev-{finding.severity}"),
        " ",
        tag("code", finding.rule, class_="rule"),
        " ",
        _location(finding, target, index in anchors.by_text, anchors, here),
        " ",
        tag("span", finding.message, class_="msg"),
        tag("span", " · ", tag("q", finding.text, class_="text")) if finding.text else None,
        _related(finding, anchors, here),
        id=fid if anchors.owns(fid, here) else None,
        class_=f"finding sev-{finding.severity}",
        data_rule=finding.rule,
        data_severity=finding.severity,
    )


def severity_summary(findings: Sequence[Finding]) -> str:
    """``3 error, 120 warning``, worst first."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(
        f"{n} {s}" for s, n in sorted(counts.items(), key=lambda kv: -SEVERITY_RANK.get(kv[0], 0))
    )


def _rule_title(group: RuleGroup) -> list[Safe | str]:
    return [
        tag("span", group.severity, class_=f"sev sev-{group.severity}"),
        " ",
        tag("code", group.rule, class_="rule"),
        f" — {len(group.indices)} in {group.documents} document(s), "
        f"{len(group.messages)} distinct message(s)",
    ]


def rules_summary(findings: Sequence[Finding], anchors: Anchors, here: str) -> Safe:
    """One collapsed line per rule with its count; expanded, its most repeated messages and its pages."""
    if not findings:
        return tag("p", "No findings: every check passed.", class_="note")
    blocks: list[Safe] = [
        tag("p", f"{len(findings)} findings ({severity_summary(findings)}).", class_="note")
    ]
    for group in anchors.rules:
        pages = group.pages()
        top = [
            tag("li", tag("span", f"×{n} ", class_="count"), message)
            for message, n in group.messages[:PREVIEW]
        ]
        more = len(group.messages) - PREVIEW
        links = [tag("a", f"page {k + 1}", href=url(here, p)) for k, p in enumerate(pages)]
        blocks.append(
            tag(
                "details",
                tag("summary", _rule_title(group)),
                tag("ul", top, class_="messages"),
                tag("p", f"… and {more} other message(s)", class_="note") if more > 0 else None,
                tag("p", "all findings: ", Safe(" · ".join(links)), class_="pages"),
                class_="rule",
            )
        )
    return join(blocks)


def rule_page(group: RuleGroup, part: int, findings: Sequence[Finding], anchors: Anchors) -> Safe:
    """One page of a rule's findings; a message repeated on the page is one collapsed group."""
    here = group.pages()[part]
    picked = group.indices[part * FINDINGS_PER_PAGE : (part + 1) * FINDINGS_PER_PAGE]
    totals = dict(group.messages)
    body: list[Safe] = []
    plain: list[Safe] = []
    for message, run in groupby(picked, key=lambda i: findings[i].message):
        items = [finding_item(findings[i], i, anchors, here) for i in run]
        if totals[message] == 1:
            plain.extend(items)
            continue
        body.append(
            tag(
                "details",
                tag(
                    "summary",
                    tag("span", f"×{totals[message]}", class_="count"),
                    " ",
                    tag("span", message, class_="msg"),
                    f" ({len(items)} on this page)" if len(items) != totals[message] else None,
                ),
                tag("ul", items, class_="findings"),
                class_="group",
            )
        )
    if plain:
        body.append(tag("ul", plain, class_="findings"))
    return tag(
        "section",
        tag("h2", _rule_title(group)),
        body,
        class_="findings",
        data_rule=group.rule,
    )
