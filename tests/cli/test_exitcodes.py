"""Exit codes and flag names are the command line's: library errors carry neither."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from ruzh.core import errors
from ruzh.core.errors import ConfigError, InputError

from ruzh.cli import main
from ruzh.exitcodes import exit_code, render

REPO = Path(__file__).resolve().parents[2]
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
LIBRARIES = ("core", "align", "tmx", "glossary", "checks", "seeds")


def test_error_types_map_to_the_documented_codes() -> None:
    assert exit_code(ConfigError("bad option")) == 2
    assert exit_code(InputError("bad file")) == 3
    assert not [name for name in vars(errors) if name.startswith("EXIT_")]


def test_the_command_line_adds_the_flag_for_the_setting() -> None:
    exc = InputError("cannot decode", file="a.txt", line=3, hint="name its encoding", setting="encoding")
    assert exc.render() == "error: cannot decode (a.txt:3) — name its encoding"
    assert render(exc) == "error: cannot decode (a.txt:3) — name its encoding (--encoding)"


def test_undecodable_file_names_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(128, 256)) * 4 + b"\x98\x98")
    assert main(["segment", str(bad)]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: cannot decode") and err[-1].endswith("(--encoding)")


def test_unknown_encoding_is_a_usage_error(seed_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", "--encoding", "nope", str(seed_path("000"))]) == 2
    assert "--encoding" in capsys.readouterr().err  # argparse checks the codec and names the option


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("package", LIBRARIES)
def test_library_messages_name_no_flag_and_no_command(package: str) -> None:
    offending = [
        f"{path.relative_to(REPO)}: {text!r}"
        for path in sorted((REPO / package).rglob("*.py"))
        for text in _string_constants(path)
        if FLAG.search(text) or "use ruzh" in text
    ]
    assert offending == []
