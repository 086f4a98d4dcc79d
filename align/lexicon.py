"""The Russian–Chinese lexicon the sentence aligner matches on: shipped TSV files plus the user's own.

Shipped files live in ``align/data/lexicon/*.tsv``: ``ru_lemma<TAB>POS<TAB>zh1|zh2``, ``#`` comments
for provenance, blank lines ignored. Keys are what :func:`align.morphology.lemma` returns, so lookups
on lemmatised text are plain dictionary hits. Users add entries with a CSV of ``ru,zh`` columns, and the
application may pass reviewed terminology pairs as any iterable of ``(ru, zh)``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex
from ruzh.core.errors import ConfigError, InputError
from ruzh.lang.ru import fold_yo

POS_TAGS = ("NOUN", "ADJF", "VERB", "ADVB", "NUMR", "NPRO", "PREP", "CONJ", "PRCL", "NAME", "USER")
SHIPPED_FILES = ("nouns.tsv", "names.tsv", "verbs.tsv", "adjectives.tsv", "other.tsv")

_HAN = regex.compile(r"[\p{Han}A-Za-z0-9·]+")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


@dataclass(frozen=True, slots=True)
class Entry:
    """One Russian lemma with its part of speech and Chinese renderings, most usual first."""

    ru: str
    pos: str
    zh: tuple[str, ...]


@dataclass(slots=True)
class Lexicon:
    """Russian lemma → entry; multi-word Russian keys (from user files) are kept as lemma sequences."""

    entries: dict[str, Entry] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, ru: str, pos: str, zh: Sequence[str]) -> None:
        """Add renderings to a lemma, keeping earlier renderings first and dropping duplicates."""
        old = self.entries.get(ru)
        merged = tuple(dict.fromkeys((*(old.zh if old else ()), *(z for z in zh if z))))
        if merged:
            self.entries[ru] = Entry(ru, old.pos if old else pos, merged)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, ru: object) -> bool:
        return ru in self.entries

    def get(self, ru: str) -> Entry | None:
        """The entry of a lemma, or None."""
        return self.entries.get(ru)

    def signature(self) -> str:
        """A short description for output signatures: sources and size."""
        return f"{'+'.join(self.sources) or 'empty'}:{len(self.entries)}"


def parse_tsv_lines(lines: Iterable[str], name: str) -> Iterator[Entry]:
    """Entries of a lexicon TSV; a malformed line raises :class:`InputError` with file and line."""
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n").lstrip("\ufeff")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise InputError(
                f"lexicon line has {len(parts)} tab-separated fields, expected 3",
                file=name,
                line=number,
                hint="write ru_lemma<TAB>POS<TAB>zh1|zh2",
            )
        ru, pos, zh = (p.strip() for p in parts)
        if not ru or (not _CYRILLIC.search(ru) and pos != "NAME"):
            raise InputError(
                f"lexicon key {ru!r} is not Russian",
                file=name,
                line=number,
                hint="the first column is a Russian lemma",
            )
        if pos not in POS_TAGS:
            raise InputError(
                f"unknown part of speech {pos!r}",
                file=name,
                line=number,
                hint=f"use one of {', '.join(POS_TAGS)}",
            )
        renderings = tuple(z.strip() for z in zh.split("|") if z.strip())
        bad = [z for z in renderings if not _HAN.fullmatch(z)]
        if not renderings or bad:
            raise InputError(
                f"bad Chinese rendering {bad[0] if bad else zh!r}",
                file=name,
                line=number,
                hint="write Chinese renderings separated by |, Han characters only",
            )
        yield Entry(fold_yo(ru.lower()), pos, renderings)


def _shipped_texts() -> Iterator[tuple[str, str]]:
    """(name, text) of each shipped lexicon file that exists; files may be absent in a partial install."""
    base = resources.files("ruzh.align") / "data" / "lexicon"
    for name in SHIPPED_FILES:
        item = base / name
        if item.is_file():
            yield f"align/data/lexicon/{name}", item.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[Entry, ...]:
    """Every entry of the shipped lexicon files, parsed once per process."""
    out: list[Entry] = []
    for name, text in _shipped_texts():
        out.extend(parse_tsv_lines(text.splitlines(), name))
    return tuple(out)


def read_user_csv(path: str | Path) -> list[tuple[str, str]]:
    """``(ru, zh)`` pairs from a CSV with ``ru`` and ``zh`` columns (header required)."""
    name = str(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as exc:
        raise ConfigError(
            f"cannot read lexicon CSV: {exc.strerror}",
            file=name,
            hint="check the lexicon path",
            setting="lexicon",
        ) from exc
    with handle:
        try:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"ru", "zh"} <= set(reader.fieldnames):
                raise InputError(
                    "lexicon CSV needs a header with columns ru and zh",
                    file=name,
                    line=1,
                    hint="first line: ru,zh",
                )
            pairs: list[tuple[str, str]] = []
            for row in reader:
                ru, zh = (row.get("ru") or "").strip(), (row.get("zh") or "").strip()
                if not ru or not zh:
                    raise InputError(
                        "empty ru or zh cell",
                        file=name,
                        line=reader.line_num,
                        hint="fill both columns or delete the row",
                    )
                pairs.append((ru, zh))
        except UnicodeDecodeError as exc:
            raise InputError("lexicon CSV is not UTF-8", file=name, hint="save it as UTF-8") from exc
        except csv.Error as exc:
            raise InputError(
                f"malformed CSV: {exc}", file=name, line=reader.line_num, hint="check quoting"
            ) from exc
    return pairs


def load_lexicon(
    user_csv: Sequence[str | Path] = (),
    extra_pairs: Iterable[tuple[str, str]] = (),
    *,
    shipped: bool = True,
) -> Lexicon:
    """The shipped lexicon plus users' CSV files plus extra ``(ru, zh)`` pairs (e.g. a termbase).

    User and extra Russian terms are lemmatised word by word, so ``цифровая экономика`` becomes the
    key ``цифровой экономика``; single-word terms simply extend the shipped entries.
    """
    lex = Lexicon()
    if shipped:
        for entry in shipped_entries():
            lex.add(entry.ru, entry.pos, entry.zh)
        if lex.entries:
            lex.sources.append("shipped")
    for path in user_csv:
        for ru, zh in read_user_csv(path):
            _add_pair(lex, ru, zh)
        lex.sources.append(Path(path).name)
    count = 0
    for ru, zh in extra_pairs:
        count += _add_pair(lex, ru, zh)
    if count:
        lex.sources.append("extra")
    return lex


def _add_pair(lex: Lexicon, ru: str, zh: str) -> int:
    """Add one user pair (``zh`` may hold several renderings separated by ``|``); 1 if added."""
    from ruzh.align.morphology import lemma_key

    key = " ".join(lemma_key(ru))
    renderings = [z.strip() for z in zh.split("|") if _HAN.fullmatch(z.strip())]
    if not key or not renderings:
        return 0
    lex.add(key, "USER", renderings)
    return 1
