"""Baselines: the fingerprints of known findings, so a project adopting ruzh sees only new problems.

The file is JSON, ``{"tool": "ruzh", "version": 1, "fingerprints": [...]}``, sorted so that it
diffs well in version control; fingerprints do not contain line numbers, so edits elsewhere in a
file do not resurrect known findings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ruzh.checks.findings import Finding
from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import InputError
from ruzh.core.inputs import read_input

FORMAT_VERSION = 1


def write_baseline(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the fingerprints of ``findings``; returns how many."""
    prints = sorted({f.fingerprint for f in findings})
    doc = {"tool": "ruzh", "version": FORMAT_VERSION, "fingerprints": prints}
    with atomic_write(path) as out:
        out.write(json.dumps(doc, indent=1) + "\n")
    return len(prints)


def read_baseline(path: str | Path) -> frozenset[str]:
    """Fingerprints of a baseline file; a missing or malformed file is an input error (exit 3)."""
    name = str(path)
    try:
        raw = read_input(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read baseline: {exc}", file=name, hint="create one with --write-baseline"
        ) from exc
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"baseline is not JSON: {exc.msg}",
            file=name,
            line=exc.lineno,
            hint="regenerate it with --write-baseline",
        ) from exc
    prints = doc.get("fingerprints") if isinstance(doc, dict) else None
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise InputError(
            "baseline has no list of fingerprints",
            file=name,
            line=1,
            hint="regenerate it with --write-baseline",
        )
    return frozenset(prints)


def split_known(findings: Iterable[Finding], known: frozenset[str]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were hidden because they are."""
    new: list[Finding] = []
    hidden = 0
    for f in findings:
        if f.fingerprint in known:
            hidden += 1
        else:
            new.append(f)
    return new, hidden
