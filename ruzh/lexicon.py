"""The aligner's lexicon as every command uses it: shipped entries, termbase pairs, users' CSV files.

``ruzh align``, ``ruzh tmx build`` and ``ruzh build`` must align the same pair of texts the same way,
so they all take their lexicon from here (the libraries do not import each other for it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ruzh.align.lexicon import Lexicon

TERMBASE_HELP = "termbase whose term pairs join the lexicon: 'shipped' (default), a termbase CSV, or 'none'"


# Lexicons loaded (or given by :func:`keep_aligner_lexicon`) in this process, by their sources.
_LOADED: dict[tuple[tuple[str, ...], str], Lexicon] = {}


def aligner_lexicon(user_csv: tuple[str, ...] = (), termbase: str = "shipped") -> Lexicon:
    """The shipped lexicon plus the termbase's term pairs (``termbase``: ``shipped``, a CSV path or
    ``none``) plus users' ``ru,zh`` CSV files; loaded once per process."""
    found = _LOADED.get((user_csv, termbase))
    if found is None:
        found = _LOADED[(user_csv, termbase)] = _load(user_csv, termbase)
    return found


def keep_aligner_lexicon(lexicon: Lexicon, user_csv: tuple[str, ...] = (), termbase: str = "shipped") -> None:
    """Make ``lexicon`` (a copy of these sources' lexicon kept by a build's cache: loading parses
    and lemmatises some ten thousand entries) the one :func:`aligner_lexicon` returns."""
    _LOADED.setdefault((user_csv, termbase), lexicon)


def _load(user_csv: tuple[str, ...], termbase: str) -> Lexicon:
    from ruzh.align.lexicon import load_lexicon
    from ruzh.glossary.termbase import load_termbase, term_pairs

    pairs = (
        [] if termbase == "none" else term_pairs(load_termbase(None if termbase == "shipped" else termbase))
    )
    return load_lexicon(user_csv, pairs)
