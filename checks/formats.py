"""Renderings of a check report: text, JSON, JUnit XML, SARIF 2.1.0 and GitHub workflow commands.

Every renderer is a pure function from a :class:`Report` to a string, so the command writes the
whole report in one go (atomically) before it decides the exit code. Output is deterministic: no
dates, findings in file and position order.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ruzh.checks.findings import SEVERITIES, SEVERITY_RANK, Finding
from ruzh.checks.rules import Rule

if TYPE_CHECKING:
    from lxml import etree

TOOL = "ruzh"
# SARIF's informationUri is optional: ruzh has no public home page yet, so none is written (a
# placeholder would send users to a page that does not exist).
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub shows at most this many annotations of one kind per step; the rest go into a summary.
GITHUB_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Report:
    """What was checked and what was found: findings in order, checked files, active rules."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    rules: tuple[Rule, ...]
    version: str = ""
    suppressed: int = 0
    settings: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"  # findings below it are reported, not failed (JUnit <skipped>)

    def failing(self, finding: Finding) -> bool:
        """Whether ``finding`` is at or above ``fail_on`` (the command then exits 1)."""
        return self.fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]


def summary(report: Report) -> dict[str, object]:
    """Counts by severity and by rule, numbers of files and findings hidden by the baseline."""
    by_sev = Counter(f.severity for f in report.findings)
    by_rule = Counter(f.rule for f in report.findings)
    return {
        "total": len(report.findings),
        "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES},
        "by_rule": dict(sorted(by_rule.items())),
        "files": len(report.files),
        "suppressed_by_baseline": report.suppressed,
        "settings": {"ruzh": report.version, **dict(report.settings)},
    }


def text_chunks(report: Report) -> Iterator[str]:
    """``file:line:col: severity rule-id message`` lines and a closing count, for people and editors."""
    for f in report.findings:
        yield f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n"
    sev = summary(report)["by_severity"]
    assert isinstance(sev, dict)
    counts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sev.items())
    tail = f"{len(report.findings)} findings ({counts}) in {len(report.files)} files"
    if report.suppressed:
        tail += f"; {report.suppressed} known findings hidden by the baseline"
    yield tail + "\n"


def _finding_dict(f: Finding) -> dict[str, object]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "text": f.text,
        "related": list(f.related),
        "fingerprint": f.fingerprint,
    }


def json_chunks(report: Report) -> Iterator[str]:
    """One object ``{"findings": [...], "summary": {...}}``, one finding per line (fast C encoder)."""
    yield '{"findings": [\n'
    for i, f in enumerate(report.findings):
        yield ("," if i else "") + json.dumps(_finding_dict(f), ensure_ascii=False) + "\n"
    yield f'], "summary": {json.dumps(summary(report), ensure_ascii=False)}}}\n'


def junit_chunks(report: Report) -> Iterator[str]:
    """JUnit XML as Jenkins' xUnit schema wants it: a suite per rule, a case per file; findings at or
    above ``--fail-on`` fail the case, findings below it mark it ``<skipped>`` (reported, not failed)."""
    from lxml import etree  # only here, so that listing the formats loads no XML library

    grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        grouped[(f.rule, f.file)].append(f)
    files = sorted(set(report.files) | {f.file for f in report.findings})
    root = etree.Element("testsuites", name=f"{TOOL} check", time="0")
    totals = Counter[str]()
    for r in report.rules:
        suite = etree.SubElement(root, "testsuite", name=r.id)
        counts = Counter[str]()
        for name in files:
            case = etree.SubElement(suite, "testcase", classname=r.id, name=name, time="0")
            counts[_junit_case(case, r.id, grouped.get((r.id, name), []), report)] += 1
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(len(files) if key == "tests" else counts[key]))
        suite.set("time", "0")
        totals.update(counts)
    root.set("tests", str(len(files) * len(report.rules)))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")  # an error is a check that could not run: ruzh then exits 2/3/70 instead
    xml: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    yield xml.decode("utf-8")


def _junit_case(case: etree._Element, rule_id: str, found: list[Finding], report: Report) -> str:
    """Fill one test case; ``failures``, ``skipped`` or ``passed``."""
    from lxml import etree

    if not found:
        return "passed"
    failing = [f for f in found if report.failing(f)]
    chosen = failing or found
    worst = min(chosen, key=lambda f: SEVERITIES.index(f.severity)).severity
    if failing:
        node = etree.SubElement(case, "failure", type=worst, message=f"{len(failing)} {rule_id} findings")
    else:
        below = f"{len(found)} {rule_id} findings below the fail-on level {report.fail_on}"
        node = etree.SubElement(case, "skipped", type=worst, message=below)
    node.text = "\n".join(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.message}" for f in found)
    return "failures" if failing else "skipped"


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif_chunks(report: Report) -> Iterator[str]:
    """SARIF 2.1.0 with rule metadata, code-point columns and stable partial fingerprints."""
    index = {r.id: i for i, r in enumerate(report.rules)}
    rules = [
        {
            "id": r.id,
            "name": r.id,
            "shortDescription": {"text": r.description},
            "fullDescription": {"text": r.description},
            "help": {"text": r.help},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {"scope": r.scope},
        }
        for r in report.rules
    ]
    driver = {"name": TOOL, "version": report.version, "rules": rules}
    head = json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0"}, ensure_ascii=False)[
        :-1
    ]  # reopened below to splice the results in without building one huge object
    run = json.dumps(
        {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "properties": {"settings": dict(report.settings)},
        },
        ensure_ascii=False,
    )[:-1]
    yield f'{head}, "runs": [{run}, "results": [\n'
    for i, f in enumerate(report.findings):
        yield ("," if i else "") + json.dumps(_sarif_result(f, index), ensure_ascii=False) + "\n"
    yield "]}]}\n"


def _sarif_result(f: Finding, index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": f.rule,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": f.file},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endColumn": f.column + len(f.text),
                        "snippet": {"text": f.text},
                    },
                }
            }
        ],
        "partialFingerprints": {"ruzhFingerprint/v1": f.fingerprint},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.related:
        result["properties"] = {"related": list(f.related)}
    return result


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


_GH_KIND = {"error": "error", "warning": "warning", "info": "notice"}


def github_chunks(report: Report) -> Iterator[str]:
    """Workflow commands: the first ten findings of each kind annotated, the rest listed and counted.

    Every value is escaped, so a file name or message holding a newline cannot start a command of its
    own; the plain listing is also wrapped in ``stop-commands`` with a token derived from its content
    (deterministic, and not guessable by whoever wrote a file name), so nothing in it is a command.
    """
    shown: Counter[str] = Counter()
    lines: list[str] = []
    rest: list[str] = []
    for f in report.findings:
        kind = _GH_KIND[f.severity]
        if shown[kind] >= GITHUB_LIMIT:
            rest.append(
                f"{f.severity} {f.rule} {_gh_escape(f.file)}:{f.line}:{f.column}: {_gh_escape(f.message)}"
            )
            continue
        shown[kind] += 1
        props = (
            f"file={_gh_escape(f.file, True)},line={f.line},col={f.column},title={_gh_escape(f.rule, True)}"
        )
        lines.append(f"::{kind} {props}::{_gh_escape(f.message)}")
    if rest:
        token = "ruzh-" + hashlib.sha256("\n".join(rest).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        lines.append(f"::group::{len(rest)} more findings (GitHub annotates only {GITHUB_LIMIT} per kind)")
        lines.append(f"::stop-commands::{token}")
        lines.extend(rest)
        lines.append(f"::{token}::")
        lines.append("::endgroup::")
    by_rule = Counter((f.severity, f.rule) for f in report.findings)
    lines.append(f"ruzh check: {len(report.findings)} findings in {len(report.files)} files")
    lines.extend(f"  {n:6d} {sev:7s} {rule}" for (sev, rule), n in sorted(by_rule.items()))
    for line in lines:
        yield line + "\n"


RENDERERS: dict[str, Callable[[Report], Iterator[str]]] = {
    "text": text_chunks,
    "json": json_chunks,
    "junit": junit_chunks,
    "sarif": sarif_chunks,
    "github": github_chunks,
}


def render(fmt: str, report: Report) -> str:
    """The whole report as one string (the command streams :data:`RENDERERS` chunks instead)."""
    return "".join(RENDERERS[fmt](report))


def render_text(report: Report) -> str:
    """The text report as one string."""
    return render("text", report)


def render_json(report: Report) -> str:
    """The JSON report as one string."""
    return render("json", report)


def render_junit(report: Report) -> str:
    """The JUnit report as one string."""
    return render("junit", report)


def render_sarif(report: Report) -> str:
    """The SARIF report as one string."""
    return render("sarif", report)


def render_github(report: Report) -> str:
    """The GitHub workflow commands as one string."""
    return render("github", report)
