"""A document's glossary part as cached data, laid out by columns.

A part holds hundreds of small tallies, each with a few small counters and examples. Stored one
record per tally, an edited rebuild spent most of its glossary time decoding and checking the
tallies of the 1000 unchanged documents record by record. Here every field of the tallies is one
column (a flat list of scalars or scalar rows, with the length of each tally's run), which the
codec checks a whole column at a time; restoring slices the columns back into the tallies.
Counters keep their order (``rows`` in insertion order), so merging a restored part gives what
merging a freshly counted one gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import Any, TypeVar

from ruzh.glossary.attest import Occurrence, _Tally
from ruzh.glossary.candidates_zh import ZhCollector, ZhTally
from ruzh.glossary.collect_ru import RuCollector, RuTally
from ruzh.glossary.names import NameTally
from ruzh.glossary.parts import DocumentPart
from ruzh.pipeline.codec import CodecError

Count = tuple[str, int]
Example = tuple[str, int, str]
Row = TypeVar("Row")


def _check(sizes: Sequence[int], rows: Sequence[object]) -> None:
    """A cached run layout must add up (the cache turns the error into a miss)."""
    if any(n < 0 for n in sizes) or sum(sizes) != len(rows):
        raise CodecError("run lengths do not match the rows")


def _same_length(n: int, *columns: Sequence[object]) -> None:
    """The columns of one kind of tally describe the same tallies."""
    if any(len(c) != n for c in columns):
        raise CodecError("columns of different lengths")


def runs(sizes: Sequence[int], rows: Sequence[Row]) -> list[Sequence[Row]]:
    """``rows`` cut into consecutive runs of ``sizes``."""
    return [rows[a:b] for a, b in _ends(sizes)]


def _counter(rows: Iterable[Count]) -> Counter[str]:
    """The counts as stored, in their order: no per-item arithmetic, and no ``Counter.__init__``
    (a Python-level call with nothing to do for an empty counter: restoring makes ~10^5 of them)."""
    counter: Counter[str] = Counter.__new__(Counter)
    dict.update(counter, rows)
    return counter


def _ends(sizes: Sequence[int]) -> list[tuple[int, int]]:
    """Where each run starts and ends, for runs of ``sizes`` one after another."""
    ends = list(accumulate(sizes))
    return list(zip([0, *ends], ends, strict=False))


class _Runs:
    """Many short runs in one set of columns: run k is the next ``sizes[k]`` rows, and each column
    is a flat list of scalars (which the codec writes and checks a whole column at a time, where
    rows of scalars cost an object and a check each)."""

    __slots__ = ()
    sizes: tuple[int, ...]

    def columns(self) -> tuple[Sequence[Any], ...]:
        raise NotImplementedError

    def __post_init__(self) -> None:
        columns = self.columns()
        _check(self.sizes, columns[0])
        _same_length(len(columns[0]), *columns[1:])


@dataclass(frozen=True, slots=True)
class Counts(_Runs):
    """Many small counters in one: their keys and their counts, run after run."""

    sizes: tuple[int, ...]
    keys: tuple[str, ...]
    counts: tuple[int, ...]

    def columns(self) -> tuple[Sequence[Any], ...]:
        return self.keys, self.counts

    @staticmethod
    def of(counters: Iterable[Mapping[str, int]]) -> Counts:
        listed = list(counters)
        return Counts(
            tuple(map(len, listed)),
            tuple(k for c in listed for k in c),
            tuple(n for c in listed for n in c.values()),
        )

    def counters(self) -> list[Counter[str]]:
        items = zip(self.keys, self.counts, strict=True)
        return [_counter(islice(items, n)) for n in self.sizes]

    def counter(self) -> Counter[str]:
        """All the counts as one counter (for a column holding a single one)."""
        return _counter(zip(self.keys, self.counts, strict=True))


@dataclass(frozen=True, slots=True)
class Examples(_Runs):
    """Many short lists of ``(document, line, text)`` examples in one, by columns."""

    sizes: tuple[int, ...]
    docs: tuple[str, ...]
    lines: tuple[int, ...]
    texts: tuple[str, ...]

    def columns(self) -> tuple[Sequence[Any], ...]:
        return self.docs, self.lines, self.texts

    @staticmethod
    def of(lists: Iterable[Sequence[Example]]) -> Examples:
        listed = list(lists)
        rows = [e for examples in listed for e in examples]
        return Examples(
            tuple(map(len, listed)),
            tuple(e[0] for e in rows),
            tuple(e[1] for e in rows),
            tuple(e[2] for e in rows),
        )

    def lists(self) -> list[list[Example]]:
        rows = zip(self.docs, self.lines, self.texts, strict=True)
        return [list(islice(rows, n)) for n in self.sizes]

    def rows(self) -> list[Example]:
        """Every example, in order (for a column holding a single list)."""
        return list(zip(self.docs, self.lines, self.texts, strict=True))


@dataclass(frozen=True, slots=True)
class Words(_Runs):
    """Many short tuples of strings in one (tally keys, spellings)."""

    sizes: tuple[int, ...]
    rows: tuple[str, ...]

    def columns(self) -> tuple[Sequence[Any], ...]:
        return (self.rows,)

    @staticmethod
    def of(tuples: Iterable[Iterable[str]]) -> Words:
        listed = [tuple(t) for t in tuples]
        return Words(tuple(map(len, listed)), tuple(w for t in listed for w in t))

    def tuples(self) -> list[tuple[str, ...]]:
        rows = self.rows
        return [rows[a:b] for a, b in _ends(self.sizes)]


@dataclass(frozen=True, slots=True)
class StoredAttested:
    concept: str
    lang: str
    freq: int
    docs: tuple[Count, ...]
    variants: tuple[Count, ...]
    surfaces: tuple[Count, ...]
    examples: tuple[Occurrence, ...]
    spare: tuple[Occurrence, ...]


@dataclass(frozen=True, slots=True)
class StoredNames:
    names: tuple[str, ...]
    forms: Counts
    docs: Counts

    @staticmethod
    def of(names: Mapping[str, NameTally]) -> StoredNames:
        tallies = names.values()
        return StoredNames(
            tuple(names), Counts.of(t.forms for t in tallies), Counts.of(t.docs for t in tallies)
        )

    def __post_init__(self) -> None:
        _same_length(len(self.names), self.forms.sizes, self.docs.sizes)

    def tallies(self) -> dict[str, NameTally]:
        forms, docs = self.forms.counters(), self.docs.counters()
        return {n: NameTally(f, d) for n, f, d in zip(self.names, forms, docs, strict=True)}


@dataclass(frozen=True, slots=True)
class StoredRu:
    """The Russian candidates' tallies, one column per field."""

    keys: Words
    patterns: tuple[str, ...]
    surfaces: Counts
    docs: Counts
    examples: Examples

    @staticmethod
    def of(tallies: Mapping[tuple[str, ...], RuTally]) -> StoredRu:
        ts = tallies.values()
        return StoredRu(
            Words.of(tallies),
            tuple(t.pattern for t in ts),
            Counts.of(t.surfaces for t in ts),
            Counts.of(t.docs for t in ts),
            Examples.of(t.examples for t in ts),
        )

    def __post_init__(self) -> None:
        sizes = (self.patterns, self.surfaces.sizes, self.docs.sizes, self.examples.sizes)
        _same_length(len(self.keys.sizes), *sizes)

    def tallies(self) -> dict[tuple[str, ...], RuTally]:
        columns = (self.surfaces.counters(), self.docs.counters(), self.examples.lists())
        return {
            k: RuTally(k, p, s, d, x)
            for k, p, s, d, x in zip(self.keys.tuples(), self.patterns, *columns, strict=True)
        }


@dataclass(frozen=True, slots=True)
class StoredZh:
    """The Chinese compounds' tallies, one column per field."""

    words: Words
    docs: Counts
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    examples: Examples

    @staticmethod
    def of(tallies: Mapping[tuple[str, ...], ZhTally]) -> StoredZh:
        ts = tallies.values()
        return StoredZh(
            Words.of(tallies),
            Counts.of(t.docs for t in ts),
            tuple(t.starts for t in ts),
            tuple(t.ends for t in ts),
            Examples.of(t.examples for t in ts),
        )

    def __post_init__(self) -> None:
        _same_length(len(self.words.sizes), self.docs.sizes, self.starts, self.ends, self.examples.sizes)

    def tallies(self) -> dict[tuple[str, ...], ZhTally]:
        keys, docs, examples = self.words.tuples(), self.docs.counters(), self.examples.lists()
        return {
            k: ZhTally(k, d, a, b, x)
            for k, d, a, b, x in zip(keys, docs, self.starts, self.ends, examples, strict=True)
        }


@dataclass(frozen=True, slots=True)
class StoredPart:
    """A :class:`DocumentPart` as data."""

    name: str
    attested: tuple[StoredAttested, ...]
    ru: StoredRu
    ru_names: StoredNames
    zh: StoredZh
    zh_names: StoredNames
    zh_texts: Examples  # one run
    ru_words: Counts  # one run: word counts for the termhood against general language
    ru_lemmas: tuple[str, ...]  # the spellings seen of each lemma, sorted
    ru_spellings: Words
    zh_words: Counts  # one run
    ru_texts: tuple[str, ...]
    notices: tuple[str, ...]
    members: tuple[str, ...]  # a group's documents (empty: one document's part)

    def __post_init__(self) -> None:
        _same_length(len(self.ru_lemmas), self.ru_spellings.sizes)


def _attested(key: tuple[str, str], t: _Tally) -> StoredAttested:
    docs, variants, surfaces = (tuple(c.items()) for c in (t.docs, t.variants, t.surfaces))
    return StoredAttested(key[0], key[1], t.freq, docs, variants, surfaces, tuple(t.examples), tuple(t.spare))


def stored(part: DocumentPart) -> StoredPart:
    """The part as data."""
    spellings = part.ru.spellings
    return StoredPart(
        part.name,
        tuple(_attested(k, t) for k, t in part.attested.items()),
        StoredRu.of(part.ru.tallies),
        StoredNames.of(part.ru.names),
        StoredZh.of(part.zh.tallies),
        StoredNames.of(part.zh.names),
        Examples.of([part.zh_texts]),
        Counts.of([part.ru.words]),
        tuple(spellings),
        Words.of(sorted(forms) for forms in spellings.values()),
        Counts.of([part.zh.words]),
        tuple(part.ru_texts),
        tuple(part.notices),
        part.members,
    )


def restored(data: StoredPart) -> DocumentPart:
    """The part again, as counting the document would have made it."""
    attested = {
        (a.concept, a.lang): _Tally(
            a.freq,
            _counter(a.docs),
            _counter(a.variants),
            _counter(a.surfaces),
            list(a.examples),
            list(a.spare),
        )
        for a in data.attested
    }
    ru, zh = RuCollector(), ZhCollector()
    ru.tallies, zh.tallies = data.ru.tallies(), data.zh.tallies()
    ru.names, zh.names = data.ru_names.tallies(), data.zh_names.tallies()
    ru.words, zh.words = data.ru_words.counter(), data.zh_words.counter()
    forms = data.ru_spellings.tuples()
    ru.spellings = {lemma: set(f) for lemma, f in zip(data.ru_lemmas, forms, strict=True)}
    texts = (data.zh_texts.rows(), list(data.notices), list(data.ru_texts))
    return DocumentPart(data.name, attested, ru, zh, *texts, data.members)
