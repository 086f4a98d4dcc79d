"""The one exception root of the project.

Every library raises a subclass of :class:`RuzhError`; the command line turns it into
``error: <what> (<file>:<line>) — <how to fix>`` and the documented exit code, without a traceback.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in ruzh


class RuzhError(Exception):
    """An error the user can act on: what went wrong, where, and how to fix it."""

    exit_code = EXIT_INPUT

    def __init__(
        self,
        what: str,
        *,
        file: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(what)
        self.what = what
        self.file = file
        self.line = line
        self.offset = offset
        self.hint = hint

    def location(self) -> str:
        """``file:line`` or ``file, byte N`` or ``""`` when the error has no place."""
        if not self.file:
            return ""
        if self.line is not None:
            return f"{self.file}:{self.line}"
        if self.offset is not None:
            return f"{self.file}, byte {self.offset}"
        return self.file

    def render(self) -> str:
        """The one-line message the command line prints."""
        text = f"error: {self.what}"
        where = self.location()
        if where:
            text += f" ({where})"
        if self.hint:
            text += f" — {self.hint}"
        return text


class InputError(RuzhError):
    """An input file is unreadable or invalid (exit code 3)."""

    exit_code = EXIT_INPUT


class ConfigError(RuzhError):
    """Usage or configuration is wrong (exit code 2)."""

    exit_code = EXIT_USAGE
