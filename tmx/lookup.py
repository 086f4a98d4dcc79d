"""Fuzzy lookup in a translation memory: an n-gram index picks candidates, chrF ranks them.

Candidates come from an inverted index of character trigrams of the Russian side weighted by inverse
document frequency; only the rarest trigrams of a query are looked up (up to a budget of postings), so a
query costs the same on a TM of any size. The best candidates are rescored with sacrebleu's chrF
(Popović 2015, "chrF: character n-gram F-score for automatic MT evaluation"), query as reference, on
lower-cased text with ё as е, which is the score reported (0–100).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import sacrebleu
from ruzh.core.signature import Signature
from ruzh.lang.ru import fold_yo
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.writer import normalise_text
from sacrebleu.metrics import CHRF

NGRAM = 3
POSTINGS_BUDGET = 150_000  # postings read per query: bounds the cost of very common trigrams
CANDIDATES = 10  # candidates rescored with chrF per query


def _key_text(text: str) -> str:
    """Lower-case, NFC, whitespace folded, ё as е (Russian texts write both), padded for edge trigrams."""
    return f" {fold_yo(normalise_text(text).lower())} "


def trigrams(text: str) -> set[str]:
    """The distinct character trigrams of a normalised text."""
    key = _key_text(text)
    return {key[i : i + NGRAM] for i in range(len(key) - NGRAM + 1)}


@dataclass(frozen=True, slots=True)
class Match:
    """A TM unit found for a query and its chrF score (0–100)."""

    unit: TranslationUnit
    score: float


class TmIndex:
    """An in-memory trigram index over the Russian side of ``units``."""

    def __init__(self, units: Iterable[TranslationUnit]) -> None:
        self.units: list[TranslationUnit] = list(units)
        self.chrf = CHRF()
        vocab: dict[str, int] = {}
        gram_ids = array("i")
        unit_ids = array("i")
        for number, unit in enumerate(self.units):
            ids = [vocab.setdefault(g, len(vocab)) for g in trigrams(unit.ru)]
            gram_ids.extend(ids)
            unit_ids.extend([number] * len(ids))
        self.vocab = vocab
        grams = np.frombuffer(gram_ids, dtype=np.int32)
        owners = np.frombuffer(unit_ids, dtype=np.int32)
        order = np.argsort(grams, kind="stable")
        self.postings = owners[order]
        self.df = np.bincount(grams, minlength=len(vocab)).astype(np.int64)
        self.offsets = np.concatenate(([0], np.cumsum(self.df)))
        size = max(1, len(self.units))
        self.idf = np.log((size + 1) / (self.df + 0.5)).astype(np.float64)
        self.norms = np.sqrt(np.bincount(owners, weights=self.idf[grams], minlength=size)) + 1e-9

    def __len__(self) -> int:
        return len(self.units)

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[int]:
        """Indices of the units sharing the most (rarest) trigrams with ``query``, best first."""
        ids = sorted((self.vocab[g] for g in trigrams(query) if g in self.vocab), key=lambda i: self.df[i])
        if not ids or not self.units:
            return []
        chosen: list[int] = []
        budget = 0
        for gram in ids:
            if chosen and budget + self.df[gram] > POSTINGS_BUDGET:
                break
            chosen.append(gram)
            budget += int(self.df[gram])
        hits = np.concatenate([self.postings[self.offsets[g] : self.offsets[g + 1]] for g in chosen])
        weights = np.repeat(self.idf[chosen], self.df[chosen])
        scores = np.bincount(hits, weights=weights, minlength=len(self.units)) / self.norms
        found = int(np.count_nonzero(scores))
        limit = min(limit, found)
        if limit == 0:
            return []
        top = np.argpartition(-scores, limit - 1)[:limit]
        return sorted(top.tolist(), key=lambda i: (-scores[i], i))

    def lookup(self, query: str, top: int = 5, min_score: float = 0.0) -> list[Match]:
        """The best ``top`` units for ``query`` by chrF, at or above ``min_score``, best first."""
        reference = [_key_text(query).strip()]
        scored = []
        for index in self.candidates(query, max(CANDIDATES, top)):
            score = self.chrf.sentence_score(_key_text(self.units[index].ru).strip(), reference).score
            if score >= min_score:
                scored.append((score, index))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [Match(self.units[i], round(s, 2)) for s, i in scored[:top]]

    def lookup_many(self, queries: Sequence[str], top: int = 5, min_score: float = 0.0) -> list[list[Match]]:
        """``lookup`` for each query, in order."""
        return [self.lookup(q, top, min_score) for q in queries]


def signature() -> Signature:
    """The settings that change lookup results, the way sacrebleu prints a signature."""
    chrf = CHRF()
    return Signature(
        (
            ("index", f"char{NGRAM}-idf"),
            ("budget", str(POSTINGS_BUDGET)),
            ("candidates", str(CANDIDATES)),
            (f"chrF{chrf.beta}", f"c{chrf.char_order}w{chrf.word_order}"),
            ("sacrebleu", sacrebleu.__version__),
        )
    )
