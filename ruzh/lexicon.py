"""The aligner's lexicon as every command uses it: shipped entries, termbase pairs, users' CSV files.

``ruzh align``, ``ruzh tmx build`` and ``ruzh build`` must align the same pair of texts the same way,
so they all take their lexicon from here (the libraries do not import each other for it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ruzh.align.lexicon import Lexicon

TERMBASE_HELP = "termbase whose term pairs join the lexicon: 'shipped' (default), a termbase CSV, or 'none'"


@lru_cache(maxsize=4)
def aligner_lexicon(user_csv: tuple[str, ...] = (), termbase: str = "shipped") -> Lexicon:
    """The shipped lexicon plus the termbase's term pairs (``termbase``: ``shipped``, a CSV path or
    ``none``) plus users' ``ru,zh`` CSV files."""
    from ruzh.align.lexicon import load_lexicon
    from ruzh.glossary.termbase import load_termbase, term_pairs

    pairs = (
        [] if termbase == "none" else term_pairs(load_termbase(None if termbase == "shipped" else termbase))
    )
    return load_lexicon(user_csv, pairs)
