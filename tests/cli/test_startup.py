"""``ruzh --version`` and ``ruzh COMMAND --help`` import no heavy library (timed in bench/bench_startup.py).

Each command line runs in a fresh interpreter, as a user starts it; the test reads that process's
``sys.modules`` after the command line has been answered.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Libraries that take tens of milliseconds or more to import: a command imports them when it runs.
HEAVY = (
    "ahocorasick",
    "jieba",
    "lxml",
    "numpy",
    "opencc",
    "pymorphy3",
    "pypinyin",
    "regex",
    "sacrebleu",
    "translate",
    # the standard library's slow ones (10-15 ms each: multiprocessing, the ast/inspect chain, TOML)
    "concurrent",
    "dataclasses",
    "multiprocessing",
    "tomllib",
)

COMMAND_LINES = (
    ["--version"],
    ["build", "--help"],
    ["segment", "--help"],
    ["align", "--help"],
    ["eval", "--help"],
    ["tmx", "--help"],
    ["tmx", "build", "--help"],
    ["tmx", "lookup", "--help"],
    ["glossary", "build", "--help"],
    ["glossary", "show", "--help"],
    ["check", "--help"],
)

_PROBE = """
import json, sys
from ruzh.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}), file=sys.stderr)
"""


def _probe(args: list[str]) -> tuple[int, set[str], str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=False)
    result = json.loads(done.stderr.strip().splitlines()[-1])
    return result["code"], set(result["modules"]), done.stdout


@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
def test_answers_without_heavy_imports(args: list[str]) -> None:
    code, modules, out = _probe(args)
    assert code == 0
    assert out.startswith("ruzh ") if args == ["--version"] else "usage: ruzh" in out
    assert sorted(modules & set(HEAVY)) == []


def test_the_probe_sees_heavy_imports_of_a_command_that_runs(tmp_path) -> None:
    """The same probe, on a command that does work, finds the libraries it uses."""
    doc = tmp_path / "doc.txt"
    doc.write_text("Цифровая экономика развивается.\n数字经济正在发展。\n", encoding="utf-8")
    code, modules, _ = _probe(["check", str(doc), "--format", "json", "-o", str(tmp_path / "f.json")])
    assert code in (0, 1)
    assert {"regex", "pymorphy3"} <= modules


def test_top_level_help_still_lists_every_command() -> None:
    code, _, out = _probe(["--help"])
    assert code == 0
    for name in ("build", "segment", "align", "eval", "tmx", "glossary", "check"):
        assert f"    {name} " in out


def test_the_offered_choices_are_the_renderers_and_levels_the_checks_know() -> None:
    """``checks.choices`` repeats names so that --help stays light; they must not drift."""
    from ruzh.checks import config, formats
    from ruzh.checks.choices import FAIL_ON, FORMATS

    assert tuple(formats.RENDERERS) == FORMATS
    assert config.FAIL_ON is FAIL_ON
