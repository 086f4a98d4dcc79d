"""Every rule id is written out where its finding is made, so that ``grep term-forbidden`` finds the code."""

from __future__ import annotations

import ast
from pathlib import Path

from ruzh.checks.rules import RULES

CHECKS = Path(__file__).resolve().parents[2] / "checks"


def _literals() -> set[str]:
    found: set[str] = set()
    for path in CHECKS.glob("*.py"):
        if path.name == "rules.py":
            continue  # the registry itself does not make findings
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return found


def test_every_rule_id_is_a_literal_outside_the_registry() -> None:
    literals = _literals()
    assert [r.id for r in RULES if r.id not in literals] == []
