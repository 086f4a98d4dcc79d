"""Check configuration: ``ruzh.toml`` (table ``[check]``) or ``[tool.ruzh.check]`` in ``pyproject.toml``.

::

    [check]
    fail-on = "warning"                     # error | warning | never
    disable = ["unit-length-ratio"]         # rule ids switched off everywhere
    severity = { zh-stray-space = "error" } # per-rule severities

    [[check.paths]]                         # settings for files matching a glob
    glob = "legacy/*.txt"
    disable = ["zh-halfwidth-punct"]
    severity = { mixed-script-word = "warning" }

Every mistake (unknown key, rule id or severity, bad TOML) is a :class:`ConfigError` (exit 2) that
names the file, the line and the accepted values.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruzh.checks.choices import FAIL_ON
from ruzh.checks.findings import SEVERITIES, Finding
from ruzh.checks.rules import BY_ID
from ruzh.core.errors import ConfigError, InputError
from ruzh.core.inputs import read_input

_TOP_KEYS = {"fail-on", "disable", "enable", "severity", "paths"}
_PATH_KEYS = {"glob", "disable", "enable", "severity"}


@dataclass(frozen=True, slots=True)
class PathSettings:
    """Overrides for files whose path matches ``glob`` (fnmatch, against the path as reported)."""

    glob: str
    disable: frozenset[str] = frozenset()
    enable: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Rules switched off, severities changed, per-path overrides, the default ``--fail-on``."""

    source: str = ""
    fail_on: str = "error"
    disable: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()
    paths: tuple[PathSettings, ...] = field(default=())

    def severity_for(self, rule_id: str, file: str) -> str | None:
        """Effective severity of a rule in a file, or ``None`` where the rule is switched off."""
        on = rule_id not in self.disable
        sev = dict(self.severity).get(rule_id, BY_ID[rule_id].severity)
        for ps in self.paths:
            if fnmatch.fnmatch(file, ps.glob) or fnmatch.fnmatch(Path(file).name, ps.glob):
                if rule_id in ps.disable:
                    on = False
                if rule_id in ps.enable:
                    on = True
                sev = dict(ps.severity).get(rule_id, sev)
        return sev if on else None

    def enabled_anywhere(self, rule_id: str) -> bool:
        """False only for a rule switched off globally and not re-enabled for any path."""
        return rule_id not in self.disable or any(rule_id in ps.enable for ps in self.paths)

    def apply(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """Drop findings of switched-off rules and give the rest their configured severity."""
        for f in findings:
            sev = self.severity_for(f.rule, f.file)
            if sev is None:
                continue
            yield f if sev == f.severity else replace(f, severity=sev)


def _line_of(raw: str, needle: str) -> int | None:
    at = raw.find(needle)
    return raw[:at].count("\n") + 1 if at >= 0 else None


class _Reader:
    """Validates the parsed table and reports errors at the line where the bad value stands."""

    def __init__(self, name: str, raw: str) -> None:
        self.name = name
        self.raw = raw

    def fail(self, what: str, needle: str, hint: str, setting: str | None = None) -> ConfigError:
        line = _line_of(self.raw, needle)
        return ConfigError(what, file=self.name, line=line, hint=hint, setting=setting)

    def rules(self, value: Any, key: str) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(
                f"'{key}' must be a list of rule ids", key, 'write e.g. disable = ["zh-stray-space"]'
            )
        for v in value:
            if v not in BY_ID:
                raise self.fail(f"unknown rule id {v!r} in '{key}'", v, "see the list of rules", "rules")
        return frozenset(value)

    def severities(self, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            raise self.fail(
                "'severity' must be a table of rule = severity",
                "severity",
                'write severity = { zh-stray-space = "error" }',
            )
        for k, v in value.items():
            if k not in BY_ID:
                raise self.fail(f"unknown rule id {k!r} in 'severity'", k, "see the list of rules", "rules")
            if v not in SEVERITIES:
                raise self.fail(f"unknown severity {v!r} for {k}", k, f"use one of {', '.join(SEVERITIES)}")
        return tuple(sorted(value.items()))

    def keys(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        for k in table:
            if k not in allowed:
                raise self.fail(
                    f"unknown key {k!r} in {where}", k, f"allowed keys: {', '.join(sorted(allowed))}"
                )

    def path(self, entry: Any) -> PathSettings:
        if not isinstance(entry, dict) or not isinstance(entry.get("glob"), str):
            raise self.fail("each [[check.paths]] entry needs a glob", "paths", 'add glob = "docs/*.txt"')
        self.keys(entry, _PATH_KEYS, "[[check.paths]]")
        return PathSettings(
            glob=entry["glob"],
            disable=self.rules(entry.get("disable", []), "disable"),
            enable=self.rules(entry.get("enable", []), "enable"),
            severity=self.severities(entry.get("severity", {})),
        )


def parse_config(raw: str, name: str, pyproject: bool = False) -> CheckConfig:
    """Configuration from TOML text (``[check]``, or ``[tool.ruzh.check]`` when ``pyproject``)."""
    import tomllib  # imported only when a configuration is read: --help stays light

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(
            f"invalid TOML: {exc}",
            file=name,
            line=int(m.group(1)) if m else None,
            hint="fix the syntax (https://toml.io)",
        ) from exc
    r = _Reader(name, raw)
    where = "[tool.ruzh.check]" if pyproject else "[check]"
    table: Any = data
    if pyproject:
        for key in ("tool", "ruzh"):
            table = table.get(key, {})
            if not isinstance(table, dict):
                raise r.fail(f"'{key}' must be a table", key, f"write {where} on a line of its own")
        if not table:
            return CheckConfig()  # a pyproject.toml without [tool.ruzh] configures nothing
    r.keys(table, {"check"}, "[tool.ruzh]" if pyproject else name)
    check = table.get("check", {})
    if not isinstance(check, dict):
        raise r.fail("'check' must be a table", "check", f"write {where} on a line of its own")
    r.keys(check, _TOP_KEYS, "[check]")
    fail_on = check.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise r.fail(f"unknown fail-on {fail_on!r}", "fail-on", f"use one of {', '.join(FAIL_ON)}")
    disable = r.rules(check.get("disable", []), "disable") - r.rules(check.get("enable", []), "enable")
    paths = check.get("paths", [])
    if not isinstance(paths, list):
        raise r.fail("'paths' must be an array of tables", "paths", "write [[check.paths]] per glob")
    return CheckConfig(
        source=name,
        fail_on=fail_on,
        disable=disable,
        severity=r.severities(check.get("severity", {})),
        paths=tuple(r.path(p) for p in paths),
    )


def load_config(path: str | Path | None = None, cwd: str | Path = ".") -> CheckConfig:
    """The configuration at ``path``; without one ``ruzh.toml``, then ``pyproject.toml`` in ``cwd``."""
    if path is not None:
        p = Path(path)
        try:
            raw = read_input(p).decode("utf-8-sig")  # editors on Windows write a BOM
        except InputError as exc:
            raise ConfigError(
                exc.what, file=str(p), hint="check the configuration path", setting="config"
            ) from None
        except UnicodeDecodeError as exc:
            raise ConfigError(
                f"cannot read configuration: {exc}",
                file=str(p),
                hint="check the configuration path",
                setting="config",
            ) from exc
        return parse_config(raw, str(p), pyproject=p.name == "pyproject.toml")
    for candidate in ("ruzh.toml", "pyproject.toml"):
        p = Path(cwd) / candidate
        if p.is_file():
            return load_config(p)
    return CheckConfig()
