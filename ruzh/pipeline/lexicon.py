"""The aligner's lexicon and the glossary's lexicon table of a build, kept in the cache as parsed entries.

Loading it parses the shipped lexicon and lemmatises every termbase term with pymorphy3, which cost
about 0.7 s of CPU on every build, an edited or unchanged rebuild included. The build's lexicon is
the shipped lexicon plus the shipped termbase: both are package data, so the code fingerprint in the
key (which hashes every data file and the lemmatiser's version) names exactly what it is made of.
The glossary's table is the shipped lexicon plus the corpus's concepts' term pairs (the termbase and
a reviewed CSV's approved rows, :func:`glossary.build.termbase_pairs`): the key adds those pairs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ruzh.align.lexicon import Entry, Lexicon
from ruzh.glossary.build import termbase_pairs
from ruzh.glossary.pairing import lexicon_table
from ruzh.glossary.termbase import Concept
from ruzh.lexicon import aligner_lexicon, keep_aligner_lexicon
from ruzh.pipeline.cache import Cache, key


@dataclass(frozen=True, slots=True)
class StoredLexicon:
    """A lexicon's entries in their order and its sources, as cached."""

    entries: tuple[Entry, ...]
    sources: tuple[str, ...]

    @classmethod
    def of(cls, lexicon: Lexicon) -> StoredLexicon:
        return cls(tuple(lexicon.entries.values()), tuple(lexicon.sources))

    def lexicon(self) -> Lexicon:
        return Lexicon({e.ru: e for e in self.entries}, list(self.sources))


def build_lexicon(cache: Cache) -> Lexicon:
    """The build's aligner lexicon, from the cache when it has it (and then the one every stage of
    this process uses), else loaded and kept for the next build."""
    name = key("aligner-lexicon")
    stored = cache.get(name, "lexicon", StoredLexicon)
    if stored is not None and len({e.ru for e in stored.entries}) == len(stored.entries):
        keep_aligner_lexicon(stored.lexicon())
    else:
        cache.put(name, "lexicon", StoredLexicon.of(aligner_lexicon()))
    return aligner_lexicon()


def glossary_lexicon(cache: Cache, concepts: Iterable[Concept]) -> dict[str, tuple[str, ...]]:
    """The glossary's lexicon table (:func:`glossary.pairing.lexicon_table`) with the term pairs of
    ``concepts``, from the cache when it has it, else made (about 0.35 s) and kept."""
    pairs = termbase_pairs(concepts)
    name = key("glossary-lexicon", *(part for pair in pairs for part in pair))
    stored = cache.get(name, "lexicon-table", dict[str, tuple[str, ...]])
    if stored is None:
        stored = lexicon_table(pairs)
        cache.put(name, "lexicon-table", stored)
    return stored
