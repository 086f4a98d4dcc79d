"""A tiny HTML builder whose only way to emit text is escaped.

Every string that is not already :class:`Safe` is passed through :func:`html.escape`, so document
text, glossary cells and finding messages can never become markup (``<script>``, ``"><img onerror=…>``).
Control characters that HTML cannot carry are shown as their visible Control Pictures (U+2400…)
and lone surrogates as U+FFFD, so nothing is silently dropped and the file always encodes as UTF-8.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

# C0 controls except tab, newline and carriage return, and DEL, to their Control Pictures.
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0x7F: 0x2421}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What HTML cannot carry as it is: C0 controls but tab, newline and carriage return, DEL, lone surrogates.
_CANNOT_CARRY = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff"
_UNSAFE = re.compile(f"[{_CANNOT_CARRY}]")
_ID_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]")
# What escaping or cleaning changes: markup characters, controls and lone surrogates. (The module's
# patterns are classes of characters, for which ``re`` searches several times faster than ``regex``;
# this one runs on every string of the report.)
_SPECIAL = re.compile(f"[&<>\"'{_CANNOT_CARRY}]")


class Safe(str):
    """Markup that is already escaped and may be written as it is."""

    __slots__ = ()


def clean(text: str) -> str:
    """Text with controls made visible and lone surrogates replaced (still unescaped)."""
    if not _UNSAFE.search(text):  # nearly all text: one search instead of a translation per string
        return text
    text = text.translate(_CONTROLS)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def esc(text: object) -> Safe:
    """Escaped text (``Safe`` input is returned as it is)."""
    if type(text) is not str:
        if isinstance(text, Safe):
            return text
        text = str(text)
    if not _SPECIAL.search(text):  # nearly all text: one search, and nothing to replace
        return Safe(text)
    return Safe(html.escape(clean(text), quote=True))


def join(parts: Iterable[object]) -> Safe:
    """Concatenate children, escaping those that are not :class:`Safe`."""
    out: list[str] = []
    for part in parts:
        if type(part) is Safe:
            out.append(part)
        elif part is None:
            continue
        elif isinstance(part, str) or not isinstance(part, Iterable):
            out.append(esc(part))
        else:
            out.append(join(part))
    return Safe("".join(out))


def attrs(values: Mapping[str, object | None]) -> Safe:
    """`` name="value"`` pairs; ``None`` and ``False`` leave the attribute out, ``True`` writes it bare."""
    out: list[str] = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        key = _attribute(name)
        out.append(f" {key}" if value is True else f' {key}="{esc(value)}"')
    return Safe("".join(out))


@lru_cache(maxsize=256)
def _attribute(name: str) -> str:
    """The attribute a keyword names: ``class_`` → ``class``, ``data_x`` → ``data-x``."""
    return name.rstrip("_").replace("_", "-")


def tag(element: str, /, *children: object, **attributes: object | None) -> Safe:
    """``<element attrs>children</element>``; ``class_`` → ``class``, ``data_x`` → ``data-x``."""
    return Safe(f"<{element}{attrs(attributes) if attributes else ''}>{join(children)}</{element}>")


def void(element: str, /, **attributes: object | None) -> Safe:
    """An element without content, such as ``<meta>`` or ``<input>``."""
    return Safe(f"<{element}{attrs(attributes) if attributes else ''}>")


@lru_cache(maxsize=8192)
def slug(name: str) -> str:
    """An id-safe ASCII form of a name; a short hash keeps names differing in unsafe characters apart.
    Kept for the names seen last: a report asks for each document's slug once per sentence id."""
    safe = _ID_UNSAFE.sub("_", name)
    if safe == name and name:
        return name
    return f"{safe}-{hashlib.sha1(name.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def fmt_score(score: float | None) -> str:
    """Scores in the report: two decimals, or a dash when unknown."""
    return "–" if score is None else f"{score:.2f}"
