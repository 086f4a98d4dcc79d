"""translate-toolkit is a test tool (an independent TMX/TBX reader), not a runtime dependency."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUNTIME = ("core", "align", "tmx", "glossary", "checks", "seeds", "ruzh")


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a source file imports (at any depth of the file)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_runtime_module_imports_translate_toolkit() -> None:
    sources = [p for folder in RUNTIME for p in (REPO / folder).rglob("*.py")]
    assert len(sources) > 50
    offenders = [str(p.relative_to(REPO)) for p in sources if "translate" in imported_modules(p)]
    assert offenders == []


def test_translate_toolkit_is_only_in_the_test_extra() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("translate-toolkit") for d in project["dependencies"])
    assert any(d.startswith("translate-toolkit") for d in project["optional-dependencies"]["test"])
    assert any(d.startswith("jsonschema") for d in project["optional-dependencies"]["test"])
