"""Reproducibility signatures: the settings that change a result, in one line that parses back.

Modelled on sacrebleu's signature (``nrefs:1|case:mixed|tok:13a|version:2.0.0``): ``key:value`` fields
joined by ``|``, in a fixed order. The TMX header, the glossary exports and ``ruzh tmx lookup`` all write
one, so a reader can tell which aligner, lexicon, weights and version produced a file, and compare two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"[A-Za-z][\w.+-]*")


@dataclass(frozen=True, slots=True)
class Signature:
    """Ordered ``(key, value)`` fields; :meth:`format` and :meth:`parse` are inverses."""

    fields: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for key, value in self.fields:
            if not _KEY.fullmatch(key) or "|" in value or "\n" in value:
                raise ValueError(f"signature field {key!r}: {value!r} cannot be written in one line")

    @classmethod
    def of(cls, **values: object) -> Signature:
        """``Signature.of(aligner="ruzh-dp-1", lexicon="shipped:812")``, in argument order."""
        return cls(tuple((key, str(value)) for key, value in values.items()))

    def __add__(self, other: Signature) -> Signature:
        return Signature(self.fields + other.fields)

    def format(self) -> str:
        """``key:value|key:value``."""
        return "|".join(f"{key}:{value}" for key, value in self.fields)

    __str__ = format

    @classmethod
    def parse(cls, text: str) -> Signature:
        """The signature :meth:`format` wrote (a value may itself contain ``:``)."""
        if not text:
            return cls()
        fields = []
        for part in text.split("|"):
            key, sep, value = part.partition(":")
            if not sep:
                raise ValueError(f"not a signature field: {part!r}")
            fields.append((key, value))
        return cls(tuple(fields))

    def get(self, key: str) -> str | None:
        """The value of ``key``, or ``None``."""
        return next((v for k, v in self.fields if k == key), None)
