"""Which package imports which: the dependency picture of the source tree, read from its imports.

Every ``import ruzh.X…`` / ``from ruzh.X… import`` in a package's modules (at the top or inside a
function) is an edge from that package to ``X``; ``ruzh/`` counts as the packages ``ruzh.commands``,
``ruzh.pipeline``, ``ruzh.report`` and ``ruzh`` (its top-level modules). Also prints module and function
sizes (lines) over the budget, and any import cycle between packages.

    python bench/deps.py [ROOT]     (ROOT: a checkout, default: this one)
"""

from __future__ import annotations

import argparse
import ast
from collections import defaultdict
from pathlib import Path

LIBRARIES = ("core", "lang", "align", "tmx", "glossary", "checks", "seeds")
APP = ("commands", "pipeline", "report")
MODULE_BUDGET, FUNCTION_BUDGET = 400, 50


def package_of(root: Path, path: Path) -> str:
    """``align`` for align/…, ``ruzh.pipeline`` for ruzh/pipeline/…, ``ruzh`` for ruzh/cli.py."""
    parts = path.relative_to(root).parts
    if parts[0] == "ruzh":
        return f"ruzh.{parts[1]}" if len(parts) > 2 and parts[1] in APP else "ruzh"
    return parts[0]


def target_of(module: str) -> str | None:
    """The package an imported module name belongs to (``ruzh.align.reader`` → ``align``)."""
    parts = module.split(".")
    if parts[0] != "ruzh":
        return parts[0] if parts[0] in LIBRARIES else None  # the old top-level names
    if len(parts) == 1:
        return "ruzh"
    if parts[1] in LIBRARIES:
        return parts[1]
    return f"ruzh.{parts[1]}" if parts[1] in APP else "ruzh"


def sources(root: Path) -> list[Path]:
    folders = [root / name for name in (*LIBRARIES, "ruzh")]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.py"))


def edges(root: Path) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in sources(root):
        here = package_of(root, path)
        graph.setdefault(here, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for name in names:
                target = target_of(name)
                if target and target != here:
                    graph[here].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Pairs of packages that reach each other."""

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    reached = {p: reach(p) for p in graph}
    return sorted((a, b) for a in graph for b in reached[a] if a < b and a in reached.get(b, set()))


def sizes(root: Path) -> tuple[list[tuple[int, str]], list[tuple[int, str]], int, int]:
    """Modules and functions over the budget, and the largest of each."""
    modules, functions = [], []
    for path in sources(root):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(root))
        modules.append((text.count("\n"), name))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                functions.append((node.end_lineno - node.lineno + 1, f"{name}:{node.lineno} {node.name}"))
    over_m = sorted((m for m in modules if m[0] > MODULE_BUDGET), reverse=True)
    over_f = sorted((f for f in functions if f[0] > FUNCTION_BUDGET), reverse=True)
    return over_m, over_f, max(modules)[0], max(functions)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    root = Path(parser.parse_args().root)
    graph = edges(root)
    for package in sorted(graph):
        print(f"{package:16s} -> {', '.join(sorted(graph[package])) or '(nothing)'}")
    print(f"cycles: {cycles(graph) or 'none'}")
    over_m, over_f, largest_m, largest_f = sizes(root)
    print(f"largest module {largest_m} lines, largest function {largest_f} lines")
    print(f"modules over {MODULE_BUDGET} lines: {over_m or 'none'}")
    print(f"functions over {FUNCTION_BUDGET} lines: {over_f or 'none'}")


if __name__ == "__main__":
    main()
