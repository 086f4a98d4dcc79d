"""Every finding on the seeds points at its text exactly as it stands in the original file."""

from __future__ import annotations

from pathlib import Path

from ruzh.align.reader import read_document
from ruzh.checks.runner import run_checks
from ruzh.checks.variants import load_glossary
from ruzh.seeds import seed_paths


def test_every_seed_finding_text_is_at_its_line_and_column() -> None:
    report = run_checks([read_document(p, name=str(p)) for p in seed_paths()], (), load_glossary())
    assert len(report.findings) > 50
    joined_over_lines = 0
    for f in report.findings:
        text = Path(f.file).read_text(encoding="utf-8")
        lines = text.split("\n")
        offset = sum(len(line) + 1 for line in lines[: f.line - 1]) + f.column - 1
        if text[offset : offset + len(f.text)] == f.text:
            continue
        # a term broken over a line end: the file holds it with the break (and a hyphen in Russian)
        raw = text[offset : offset + len(f.text) + 12]
        squeezed = "".join(raw.replace("-\n", "\n").split())
        assert squeezed.startswith("".join(f.text.split())), (f.rule, f.line, f.column, f.text)
        joined_over_lines += 1
    # seed 004 hyphenates индустри- / альной экономики, seed 000 breaks 政 / 府数字化治理
    assert joined_over_lines >= 2
