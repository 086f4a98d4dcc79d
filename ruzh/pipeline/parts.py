"""What one document contributes to the glossary (termbase attestation, Russian and Chinese
candidate counts), counted in parallel and cached by the document's content.

The glossary merges these parts in corpus order, which gives exactly the result of one pass over the
corpus; so after an edit only the edited document is counted again. Parts are stored as plain data
(counters as ordered pairs, so that merging a stored part keeps the order a fresh one has).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruzh.align.types import Document
from ruzh.glossary.attest import Attester, Occurrence, _Tally
from ruzh.glossary.candidates_zh import ZhCollector, ZhTally
from ruzh.glossary.collect_ru import RuCollector, RuTally
from ruzh.glossary.names import NameTally
from ruzh.glossary.parts import DocumentPart, count_document, load_models
from ruzh.glossary.termbase import Concept
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.pool import worker_pool

Counts = tuple[tuple[str, int], ...]
Example = tuple[str, int, str]


def _counts(counter: Counter[str]) -> Counts:
    return tuple(counter.items())


@dataclass(frozen=True, slots=True)
class StoredAttested:
    concept: str
    lang: str
    freq: int
    docs: Counts
    variants: Counts
    surfaces: Counts
    examples: tuple[Occurrence, ...]
    spare: tuple[Occurrence, ...]


@dataclass(frozen=True, slots=True)
class StoredRu:
    key: tuple[str, ...]
    pattern: str
    surfaces: Counts
    docs: Counts
    examples: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class StoredZh:
    words: tuple[str, ...]
    docs: Counts
    starts: int
    ends: int
    examples: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class StoredName:
    name: str
    forms: Counts
    docs: Counts


@dataclass(frozen=True, slots=True)
class StoredPart:
    """A :class:`DocumentPart` as data."""

    name: str
    attested: tuple[StoredAttested, ...]
    ru: tuple[StoredRu, ...]
    ru_names: tuple[StoredName, ...]
    zh: tuple[StoredZh, ...]
    zh_names: tuple[StoredName, ...]
    zh_texts: tuple[Example, ...]
    ru_words: Counts  # word counts for the termhood against general language
    ru_spellings: tuple[tuple[str, tuple[str, ...]], ...]
    zh_words: Counts
    ru_texts: tuple[str, ...]
    notices: tuple[str, ...]


def _names(names: dict[str, NameTally]) -> tuple[StoredName, ...]:
    return tuple(StoredName(n, _counts(t.forms), _counts(t.docs)) for n, t in names.items())


def _name_tallies(names: Sequence[StoredName]) -> dict[str, NameTally]:
    return {n.name: NameTally(Counter(dict(n.forms)), Counter(dict(n.docs))) for n in names}


def stored(part: DocumentPart) -> StoredPart:
    """The part as data."""
    attested = tuple(
        StoredAttested(
            c,
            lang,
            t.freq,
            _counts(t.docs),
            _counts(t.variants),
            _counts(t.surfaces),
            tuple(t.examples),
            tuple(t.spare),
        )
        for (c, lang), t in part.attested.items()
    )
    ru = tuple(
        StoredRu(k, t.pattern, _counts(t.surfaces), _counts(t.docs), tuple(t.examples))
        for k, t in part.ru.tallies.items()
    )
    zh = tuple(
        StoredZh(w, _counts(t.docs), t.starts, t.ends, tuple(t.examples)) for w, t in part.zh.tallies.items()
    )
    return StoredPart(
        part.name,
        attested,
        ru,
        _names(part.ru.names),
        zh,
        _names(part.zh.names),
        tuple(part.zh_texts),
        _counts(part.ru.words),
        tuple((lemma, tuple(sorted(forms))) for lemma, forms in part.ru.spellings.items()),
        _counts(part.zh.words),
        tuple(part.ru_texts),
        tuple(part.notices),
    )


def restored(data: StoredPart) -> DocumentPart:
    """The part again, as counting the document would have made it."""
    attested = {
        (a.concept, a.lang): _Tally(
            a.freq,
            Counter(dict(a.docs)),
            Counter(dict(a.variants)),
            Counter(dict(a.surfaces)),
            list(a.examples),
            list(a.spare),
        )
        for a in data.attested
    }
    ru, zh = RuCollector(), ZhCollector()
    for r in data.ru:
        ru.tallies[r.key] = RuTally(
            r.key,
            r.pattern,
            Counter(dict(r.surfaces)),
            Counter(dict(r.docs)),
            list(r.examples),
        )
    for z in data.zh:
        zh.tallies[z.words] = ZhTally(z.words, Counter(dict(z.docs)), z.starts, z.ends, list(z.examples))
    ru.names, zh.names = _name_tallies(data.ru_names), _name_tallies(data.zh_names)
    ru.words, zh.words = Counter(dict(data.ru_words)), Counter(dict(data.zh_words))
    ru.spellings = {lemma: set(forms) for lemma, forms in data.ru_spellings}
    return DocumentPart(
        data.name, attested, ru, zh, list(data.zh_texts), list(data.notices), list(data.ru_texts)
    )


_WORKER_ATTESTER: Attester | None = None
_WORKER_CACHE = Cache(None)


def _start_worker(concepts: Sequence[Concept], folder: Path | None) -> None:
    global _WORKER_ATTESTER, _WORKER_CACHE
    _WORKER_ATTESTER = Attester(concepts)
    _WORKER_CACHE = Cache(folder)


def _count(document: Document, name: str) -> StoredPart:
    """Count one document and store its part under ``name`` (in the worker: encoding the part is
    a good share of the work, and the main process has the corpus-wide stages to run)."""
    assert _WORKER_ATTESTER is not None
    part = stored(count_document(document, _WORKER_ATTESTER))
    _WORKER_CACHE.put(name, "glossary-parts", part)
    return part


def document_parts(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    concepts: Sequence[Concept],
    concepts_key: str,
    jobs: int,
    cache: Cache,
    advance: Callable[[int], None] | None = None,
) -> list[DocumentPart]:
    """Every document's part in corpus order: cached ones reused, the others counted (and stored)
    on ``jobs`` processes. ``concepts_key`` names the concepts counted (termbase and reviewed rows);
    ``advance(n)`` is called as documents are done."""
    tick = advance or (lambda _: None)
    keys = [key("glossary-part", concepts_key, f) for f in fingerprints]
    found: list[StoredPart | None] = [cache.get(k, "glossary-parts", StoredPart) for k in keys]
    tick(sum(1 for part in found if part is not None))
    todo = [i for i, part in enumerate(found) if part is None]
    docs, names = [documents[i] for i in todo], [keys[i] for i in todo]
    if jobs > 1 and len(todo) > 1:
        load_models()  # once, before the workers fork
        with worker_pool(jobs, _start_worker, (list(concepts), cache.folder)) as pool:
            _keep(todo, pool.map(_count, docs, names, chunksize=4), found, tick)
    else:
        _start_worker(concepts, cache.folder)
        _keep(todo, map(_count, docs, names), found, tick)
    return [restored(part) for part in found if part is not None]


def _keep(
    todo: Sequence[int],
    fresh: Iterable[StoredPart],
    found: list[StoredPart | None],
    tick: Callable[[int], None],
) -> None:
    """Take the counted parts as they arrive."""
    for i, part in zip(todo, fresh, strict=True):
        found[i] = part
        tick(1)
