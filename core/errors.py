"""The one exception root of the project.

Every library raises a subclass of :class:`RuzhError`; the command line turns it into
``error: <what> (<file>:<line>) — <how to fix>`` and an exit code of its own choosing (the libraries know
no exit codes). A hint says what to do in the library's own terms; when a setting fixes it, the error names
that setting (``setting="encoding"``) and the command line adds its flag.
"""

from __future__ import annotations


class RuzhError(Exception):
    """An error the user can act on: what went wrong, where, and how to fix it."""

    def __init__(
        self,
        what: str,
        *,
        file: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        hint: str | None = None,
        setting: str | None = None,
    ) -> None:
        super().__init__(what)
        self.what = what
        self.file = file
        self.line = line
        self.offset = offset
        self.hint = hint
        self.setting = setting

    def location(self) -> str:
        """``file:line`` or ``file, byte N`` or ``""`` when the error has no place."""
        if not self.file:
            return ""
        if self.line is not None:
            return f"{self.file}:{self.line}"
        if self.offset is not None:
            return f"{self.file}, byte {self.offset}"
        return self.file

    def render(self, how: str = "") -> str:
        """The one-line message; ``how`` (e.g. a command-line flag) follows the hint in parentheses."""
        text = f"error: {self.what}"
        where = self.location()
        if where:
            text += f" ({where})"
        if self.hint:
            text += f" — {self.hint}"
            if how:
                text += f" ({how})"
        return text


class InputError(RuzhError):
    """An input file is unreadable or invalid."""


class ConfigError(RuzhError):
    """Usage or configuration is wrong."""
