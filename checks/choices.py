"""The names the command line offers before any check is loaded: output formats and --fail-on levels.

They live apart from the renderers and the configuration so that ``ruzh check --help`` and ``ruzh build
--help`` import no dataclass, TOML or hashing module (tests/checks pins that the renderers match).
"""

from __future__ import annotations

FORMATS = ("text", "json", "junit", "sarif", "github")
FAIL_ON = ("error", "warning", "never")
