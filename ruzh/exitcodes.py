"""Exit codes and the flags behind library settings: both belong to the command line, not the libraries."""

from __future__ import annotations

from ruzh.core.errors import ConfigError, InputError, RuzhError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in ruzh
EXIT_INTERRUPTED = 130

# Most specific type first: the first match decides.
_CODES: tuple[tuple[type[RuzhError], int], ...] = ((ConfigError, EXIT_USAGE), (InputError, EXIT_INPUT))

# A library error names the setting that fixes it; the user sets it with this flag or command.
SETTING_FLAGS: dict[str, str] = {
    "baseline": "--write-baseline",
    "config": "--config",
    "corpus": "ruzh build",
    "encoding": "--encoding",
    "glossary": "--glossary",
    "lexicon": "--lexicon",
    "rules": "ruzh check --list-rules",
    "scorer": "--scorer",
}


def exit_code(exc: RuzhError) -> int:
    """The documented exit code of a library error (unreadable input unless it is a usage error)."""
    for kind, code in _CODES:
        if isinstance(exc, kind):
            return code
    return EXIT_INPUT


def render(exc: RuzhError) -> str:
    """The one-line message, with the flag that changes the setting the error names."""
    return exc.render(SETTING_FLAGS.get(exc.setting or "", ""))
