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


def test_every_rule_names_a_check_of_its_scope_and_the_check_makes_it() -> None:
    from ruzh.checks.rules import SCOPES
    from ruzh.checks.runner import checks_of
    from ruzh.checks.summary import CorpusCheck, TermbaseCheck

    kinds = {"corpus": CorpusCheck, "termbase": TermbaseCheck}
    for rule in RULES:
        assert rule.scope in SCOPES, rule.id
        (check,) = [c for name, c in checks_of(rule.scope) if name == rule.check]
        assert isinstance(check, kinds[rule.scope]) if rule.scope in kinds else callable(check), rule.id
        module = (CHECKS / f"{rule.check.split('.')[0]}.py").read_text(encoding="utf-8")
        # the id is written out in the module of its check, or in a module that module imports
        assert f'"{rule.id}"' in module or rule.check in ("memory.check_units", "variants.TERMS"), rule.id
