"""The report reads a build's result without importing the pipeline that makes it (no import cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import ruzh

ROOT = Path(ruzh.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every module a source file imports (absolute names)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _package_imports(folder: str) -> set[str]:
    return {name for path in (ROOT / folder).rglob("*.py") for name in _imports(path)}


def test_report_does_not_import_the_pipeline() -> None:
    imported = _package_imports("report")
    assert "ruzh.results" in imported  # the plain result type both sides share
    assert not {m for m in imported if m == "ruzh.pipeline" or m.startswith("ruzh.pipeline.")}


def test_the_pipeline_imports_the_report() -> None:
    """The dependency goes one way: pipeline → report → results."""
    assert any(m.startswith("ruzh.report") for m in _package_imports("pipeline"))


def test_results_import_neither() -> None:
    imported = _imports(ROOT / "results.py")
    assert not {m for m in imported if m.startswith(("ruzh.pipeline", "ruzh.report"))}
