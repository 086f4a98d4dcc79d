"""Every finding on the seeds points at its text exactly as it stands in the original file."""

from __future__ import annotations

from pathlib import Path

from glossary.checks.runner import CheckInputs, run_checks
from seeds import seed_paths


def test_every_seed_finding_text_is_at_its_line_and_column() -> None:
    report = run_checks(CheckInputs(documents=tuple(seed_paths())))
    assert len(report.findings) > 50
    for f in report.findings:
        text = Path(f.file).read_text(encoding="utf-8")
        lines = text.split("\n")
        offset = sum(len(line) + 1 for line in lines[: f.line - 1]) + f.column - 1
        assert text[offset : offset + len(f.text)] == f.text, (f.rule, f.line, f.column, f.text)


def test_terms_broken_over_line_breaks_keep_the_break_in_their_text() -> None:
    report = run_checks(CheckInputs(documents=tuple(seed_paths())))
    split = [f for f in report.findings if "\n" in f.text]
    # seed 004 hyphenates Russian terms (индустри- / альной экономики), seed 000 breaks 政 / 府数字化治理
    assert any("-\n" in f.text for f in split) and any("府" in f.text for f in split)
    for f in split:
        joined = "".join(part.strip() for part in f.text.replace("-\n", "\n").split("\n"))
        assert "\n" not in f.message and f"'{joined}'".replace(" ", "") in f.message.replace(" ", "")
