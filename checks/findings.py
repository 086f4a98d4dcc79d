"""The finding: what a check reports, where in the original file, and a fingerprint that survives edits.

A fingerprint must stay the same when unrelated lines are inserted above a finding (so a baseline
keeps working), yet differ between two identical slips in one file. It is therefore built from the
rule, the file name, the offending text, a few characters of context and the ordinal of that
(rule, file, text, context) key in the file, never from line numbers.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath

SEVERITIES = ("error", "warning", "info")
# Rank used by --fail-on: a finding fails the run when its rank is at or above the threshold.
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: rule id, severity, message, 1-based line and column in the original file.

    ``text`` is the offending text as it stands in the file, starting at ``line``:``column``; a term
    broken over a line end (``индустри-`` / ``альной``) is given joined, as the reader reads it, so
    that it matches the sentence that holds it. ``related`` lists the other forms or
    places it conflicts with (``"智慧城市 (003:19:5, 80×)"``); ``context`` only feeds the fingerprint.
    """

    rule: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    text: str
    related: tuple[str, ...] = ()
    fingerprint: str = ""
    context: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of reports: file, position, rule, text."""
        return (self.file, self.line, self.column, self.rule, self.text)


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def with_fingerprints(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Give every finding its stable fingerprint, numbering repeats of one key in report order."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for f in findings:
        key = (f.rule, PurePath(f.file).name, f.text, f.context)
        ordinal = seen[key]
        seen[key] += 1
        yield replace(f, fingerprint=_digest(*key, str(ordinal)))


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    """True when any finding is at or above the ``--fail-on`` level (``never`` never fails)."""
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
