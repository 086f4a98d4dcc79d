"""Every ``ruzh …`` command line of the README's usage section is a valid command line.

Each line is parsed by the real argument parser (so an option the README documents and the CLI
lacks fails here, which ``--help`` alone would not show); the lines that need nothing but the seeds
are also run, and must succeed.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from ruzh.cli import build_parser, main

README = Path(__file__).resolve().parents[2] / "README.md"


def usage_commands() -> list[str]:
    """``ruzh`` command lines in the shell blocks of the README's ``## Usage`` section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Usage", 1)[1].split("\n## ", 1)[0]
    commands, in_sh = [], False
    for line in section.splitlines():
        if line.startswith("```"):
            in_sh = line.strip() == "```sh"
            continue
        if not in_sh:
            continue
        code = line.split(" #", 1)[0].strip()
        for part in code.split(" ; "):
            if part.startswith("ruzh "):
                commands.append(part.split(" > ", 1)[0].strip())
    return commands


COMMANDS = usage_commands()


def test_the_usage_section_has_commands() -> None:
    assert len(COMMANDS) >= 20 and any("--reviewed" in c for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_line_parses(command: str) -> None:
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert callable(args.handler)


# Lines that need nothing but the bundled seeds; run from the repository, as the README shows them.
ON_THE_SEEDS = [
    c for c in COMMANDS if c.startswith(("ruzh segment seeds/", "ruzh glossary show", "ruzh check --list"))
]


@pytest.mark.parametrize("command", ON_THE_SEEDS)
def test_readme_command_runs_on_the_seeds(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(README.parent)
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out
