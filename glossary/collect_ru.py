"""Russian candidates counted over a corpus: each phrase's surfaces, documents and examples, the
words and names of the Russian text, and the stop list that keeps generic phrases out.

:mod:`glossary.candidates_ru` finds the phrases of one sentence; this module tallies them per document
(a build keeps each document's tallies) and merges the tallies of many documents.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex
from ruzh.align.morphology import token_key
from ruzh.glossary.attest import add_counts, context, copied, new_counter
from ruzh.glossary.candidates_ru import canonical, phrases
from ruzh.glossary.names import NameTally, merge_examples, merge_names, russian_names
from ruzh.lang.ru import fold_yo

_CYRILLIC = regex.compile(r"\p{Cyrillic}+(?:-\p{Cyrillic}+)*")


@dataclass
class RuTally:
    """Counts of one candidate across a corpus."""

    key: tuple[str, ...]
    pattern: str
    surfaces: Counter[str] = field(default_factory=Counter)
    docs: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, int, str]] = field(default_factory=list)
    # the key's lemma was chosen from the corpus's forms (белки: белок): a single noun is written so
    chosen: bool = False

    @property
    def freq(self) -> int:
        """Total occurrences."""
        return sum(self.docs.values())

    @property
    def forms(self) -> Counter[str]:
        """Canonical forms with their counts, from the surfaces seen (inflecting is the costly
        part of candidate finding, so it is done for the rows only)."""
        out: Counter[str] = Counter()
        for surface, n in self.surfaces.items():
            form = canonical(self.pattern, tuple(surface.split())) or surface
            if self.chosen and self.pattern == "NOUN":
                form = self.key[0][:1].upper() + self.key[0][1:] if form[:1].isupper() else self.key[0]
            out[form] += n
        return out

    @property
    def form(self) -> str:
        """The most frequent canonical form (ties: alphabetical)."""
        return min(self.forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


@lru_cache(maxsize=1)
def stop_list() -> dict[str, dict[str, str]]:
    """``{"head"|"word"|"phrase": {lemma: reason}}`` from ``data/stop_ru.tsv``."""
    return read_stop_table("stop_ru.tsv")


def read_stop_table(name: str) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"head": {}, "word": {}, "phrase": {}}
    text = (resources.files("ruzh.glossary") / "data" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, where, reason = ([*line.split("\t"), "", ""])[:3]
        table.setdefault(where.strip(), {})[entry.strip()] = reason.strip()
    return table


def general_frequency(forms: Iterable[str]) -> float:
    """General-language frequency of a lemma: wordfreq's frequencies of the forms of it the corpus
    uses (the corpus count covers the same forms, so the two compare like with like). Summed
    exactly, so that the figure does not depend on the order a set of forms is iterated in, which
    changes with each process's string hashing."""
    from ruzh.glossary.scoring import general_frequencies

    table = general_frequencies("ru")
    return math.fsum(table.get(f, 0.0) for f in forms)


def is_stopped(key: tuple[str, ...]) -> str | None:
    """The stop-list reason that keeps a lemma sequence out of the candidates, or ``None``."""
    table = stop_list()
    joined = " ".join(key)
    if joined in table.get("phrase", {}):
        return table["phrase"][joined]
    for k in key:
        if k in table.get("word", {}):
            return table["word"][k]
    heads = [k for k in key if k in table.get("head", {})]
    return table["head"][heads[0]] if heads else None


@lru_cache(maxsize=200_000)
def _spellings(word: str) -> tuple[str, tuple[str, str]]:
    """A word's lemma and its lower-case spellings (as written, and with ё as е)."""
    low = word.lower()
    return token_key(word), (low, fold_yo(low))


class _Sentence(NamedTuple):
    """What one sentence adds to a collector, whatever the document: its words' lemmas, each
    lemma's spellings (first occurrences, in order), its names, its kept phrases (key, pattern,
    surface, span)."""

    lemmas: tuple[str, ...]
    spellings: tuple[tuple[str, tuple[str, str]], ...]
    names: tuple[str, ...]
    phrases: tuple[tuple[tuple[str, ...], str, str, int, int], ...]


@lru_cache(maxsize=50_000)
def _sentence(text: str) -> _Sentence:
    """Cached by text: a corpus repeats sentences (boilerplate, quoted passages), and finding the
    words, names and phrases is the costly part of counting one."""
    words = [_spellings(m.group()) for m in _CYRILLIC.finditer(text)]
    kept = tuple(
        (ph.key, ph.pattern, text[ph.start : ph.end], ph.start, ph.end)
        for ph in phrases(text)
        if is_stopped(ph.key) is None
    )
    return _Sentence(
        tuple(lemma for lemma, _ in words), tuple(dict.fromkeys(words)), tuple(russian_names(text)), kept
    )


class RuCollector:
    """Tallies Russian candidates over documents; generic and stop-listed phrases are not kept."""

    def __init__(self) -> None:
        self.tallies: dict[tuple[str, ...], RuTally] = {}
        self.names: dict[str, NameTally] = {}
        self.words: Counter[str] = Counter()
        self.spellings: dict[str, set[str]] = {}

    @property
    def tokens(self) -> int:
        """Russian words counted (the corpus size that frequencies are relative to)."""
        return self.words.total()

    def add(self, doc: str, line: int, text: str) -> None:
        """Count the phrases, the words and the names of one sentence of a document."""
        found = _sentence(text)
        self.words.update(found.lemmas)
        for lemma, spellings in found.spellings:
            known = self.spellings.get(lemma)
            if known is None:
                self.spellings[lemma] = set(spellings)
            else:
                known.update(spellings)
        for name in found.names:
            tally_name = self.names.setdefault(name, NameTally())
            tally_name.forms[name] += 1
            tally_name.docs[doc] += 1
        for key, pattern, surface, start, end in found.phrases:
            tally = self.tallies.get(key)
            if tally is None:
                tally = self.tallies[key] = RuTally(key, pattern, new_counter(), new_counter())
            tally.surfaces[surface] += 1
            tally.docs[doc] += 1
            if len(tally.examples) < 3 and all(e[0] != doc for e in tally.examples):
                tally.examples.append((doc, line, context(text, start, end)))

    def extend(self, items: Iterable[tuple[str, int, str]]) -> None:
        """Add many ``(doc, line, sentence)`` items."""
        for doc, line, text in items:
            self.add(doc, line, text)

    def relemmatize(self, choice: Mapping[str, str]) -> None:
        """Take the corpus's choices of lemma (:func:`glossary.corpus_lemmas.corpus_lemmas`): the
        tallies, words and spellings of a lemma go to the lemma chosen for it."""
        if not choice:
            return
        words: Counter[str] = Counter()
        for lemma, n in self.words.items():
            words[choice.get(lemma, lemma)] += n
        spellings: dict[str, set[str]] = {}
        for lemma, forms in self.spellings.items():
            spellings.setdefault(choice.get(lemma, lemma), set()).update(forms)
        tallies: dict[tuple[str, ...], RuTally] = {}
        for key, tally in self.tallies.items():
            new = tuple(choice.get(w, w) for w in key)
            into = tallies.get(new)
            if into is None:
                tallies[new] = RuTally(
                    new, tally.pattern, tally.surfaces, tally.docs, tally.examples, new != key
                )
            else:
                into.chosen = True
                into.surfaces.update(tally.surfaces)
                into.docs.update(tally.docs)
                merge_examples(into.examples, tally.examples)
        self.tallies, self.words, self.spellings = tallies, words, spellings

    def merge(self, later: RuCollector) -> None:
        """Take in the tallies of later documents, as if they had been added here."""
        merge_names(self.names, later.names)
        add_counts(self.words, later.words)
        for lemma, forms in later.spellings.items():
            self.spellings.setdefault(lemma, set()).update(forms)
        for key, part in later.tallies.items():
            tally = self.tallies.get(key)
            if tally is None:
                tally = self.tallies[key] = RuTally(
                    key, part.pattern, copied(part.surfaces), copied(part.docs)
                )
            else:
                add_counts(tally.surfaces, part.surfaces)
                add_counts(tally.docs, part.docs)
            merge_examples(tally.examples, part.examples)
