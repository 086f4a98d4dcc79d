"""Attestation: where and how often each termbase concept occurs in a corpus, per language.

Streams over documents and keeps counts plus a few example contexts, never every occurrence, so a
corpus of hundreds of megabytes fits in memory. Russian is matched in every block that is not
Chinese, Chinese in every block that is not Russian (a mixed block is searched in both).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ruzh.align.types import Block, Document, Sentence
from ruzh.glossary.matching import ChineseMatcher, Hit, RussianMatcher, matchers
from ruzh.glossary.termbase import Concept

EXAMPLES = 3
_CONTEXT_CHARS = 40
# A document part keeps the first occurrence of a term and then occurrences with new contexts, up to
# this many: the merged tally admits at most one example and EXAMPLES spares from one document, and
# up to 2 * EXAMPLES of those may be rejected for repeating a context it already holds.
OFFERS_PER_DOCUMENT = 1 + 3 * EXAMPLES


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence of a term: where it is, the form as written, and the termbase form it matched."""

    concept: str
    lang: str
    doc: str
    line: int
    column: int
    surface: str
    term: str
    context: str


@dataclass(frozen=True, slots=True)
class Attestation:
    """How one concept is used in one language across the corpus."""

    concept: str
    lang: str
    freq: int
    docs: tuple[tuple[str, int], ...]
    variants: tuple[tuple[str, int], ...]
    surfaces: tuple[tuple[str, int], ...]
    examples: tuple[Occurrence, ...]

    @property
    def doc_names(self) -> tuple[str, ...]:
        """Names of the documents the concept occurs in, sorted."""
        return tuple(d for d, _ in self.docs)


def add_counts(into: Counter[str], more: Mapping[str, int]) -> None:
    """``into.update(more)``, the same counts in the same order, without ``Counter.update``'s check
    against the abstract ``Mapping`` (merging a corpus's parts makes some 10^5 of these calls)."""
    if not into:
        dict.update(into, more)
        return
    get = into.get
    for k, n in more.items():
        into[k] = n + get(k, 0)


def new_counter() -> Counter[str]:
    """``Counter()``, made without ``Counter.__init__``'s Python-level calls (counting a corpus makes
    a few for every candidate of every document)."""
    return Counter.__new__(Counter)


def copied(counts: Mapping[str, int]) -> Counter[str]:
    """``Counter(counts)``, made without ``Counter.__init__``'s Python-level calls."""
    out: Counter[str] = Counter.__new__(Counter)
    dict.update(out, counts)
    return out


@dataclass
class _Tally:
    freq: int = 0
    docs: Counter[str] = field(default_factory=Counter)
    variants: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    examples: list[Occurrence] = field(default_factory=list)
    spare: list[Occurrence] = field(default_factory=list)

    def count(self, doc: str, term: str, surface: str) -> None:
        """Count one occurrence."""
        self.freq += 1
        self.docs[doc] += 1
        self.variants[term] += 1
        self.surfaces[surface] += 1

    def wants(self, doc: str) -> bool:
        """Whether an occurrence in ``doc`` could still become an example (locating it costs time)."""
        if len(self.examples) < EXAMPLES and all(e.doc != doc for e in self.examples):
            return True
        return len(self.spare) < EXAMPLES

    def offer(self, occ: Occurrence) -> None:
        """Keep an occurrence as an example: other documents first, then other contexts."""
        if len(self.examples) < EXAMPLES and all(e.doc != occ.doc for e in self.examples):
            self.examples.append(occ)
        elif len(self.spare) < EXAMPLES and all(e.context != occ.context for e in self.examples + self.spare):
            self.spare.append(occ)

    def add(self, occ: Occurrence) -> None:
        """Count an occurrence and consider it as an example."""
        self.count(occ.doc, occ.term, occ.surface)
        self.offer(occ)

    def merge(self, part: _Tally) -> None:
        """Take in the tally of one later document: the same result as counting it here."""
        self.freq += part.freq
        add_counts(self.docs, part.docs)
        add_counts(self.variants, part.variants)
        add_counts(self.surfaces, part.surfaces)
        for occ in part.spare:
            if self.wants(occ.doc):
                self.offer(occ)

    def joined(self, later: _Tally) -> None:
        """Take in a later part as one part: the counts, and its offers after ours (see :func:`offers`)."""
        self.freq += later.freq
        add_counts(self.docs, later.docs)
        add_counts(self.variants, later.variants)
        add_counts(self.surfaces, later.surfaces)
        self.spare = offers([*self.spare, *later.spare])

    def chosen(self) -> tuple[Occurrence, ...]:
        """Examples from different documents first, then more from the same ones."""
        picked = self.examples + self.spare[: max(0, EXAMPLES - len(self.examples))]
        return tuple(sorted(picked, key=lambda o: (o.doc, o.line, o.column)))


def offers(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """The occurrences that can still become examples, in order, wherever they are merged: the first
    of each of the first ``EXAMPLES`` documents and the first of each of the first ``2 * EXAMPLES``
    contexts. Offering only these leaves any tally as offering them all would, so merges are
    associative and a build can keep the merged parts of groups of documents. An occurrence left out
    repeats an earlier one's document, or follows ``EXAMPLES`` new documents, each of which became
    an example, found the examples full, or has one among the tally's examples before (at most
    ``len(examples)`` of them): so the examples are full or hold its document. It also repeats an
    earlier context, or follows ``2 * EXAMPLES`` new ones, each of which became an example (at most
    ``EXAMPLES - len(examples)``), became a spare, found the spares full, or repeats a context the
    tally held before (at most ``len(examples) + len(spare)``): so the spares are full or the tally
    holds its context. It is rejected either way."""
    docs: set[str] = set()
    contexts: set[str] = set()
    kept = []
    for occ in occurrences:
        new_doc = occ.doc not in docs and len(docs) < EXAMPLES
        new_context = occ.context not in contexts and len(contexts) < 2 * EXAMPLES
        if new_doc:
            docs.add(occ.doc)
        if new_context:
            contexts.add(occ.context)
        if new_doc or new_context:
            kept.append(occ)
    return kept


@lru_cache(maxsize=1 << 17)
def context(text: str, start: int, end: int, width: int = _CONTEXT_CHARS) -> str:
    """The hit with some text either side, cut at word boundaries where possible, on one line
    (cached: a corpus repeats its sentences, and each document's first occurrence of a candidate
    keeps its context as an example)."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    snippet = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def document_hits(
    document: Document,
    ru: RussianMatcher,
    zh: ChineseMatcher,
    seen: dict[tuple[str, str], list[Hit]] | None = None,
) -> Iterator[tuple[str, Block, Sentence, list[Hit]]]:
    """``(lang, block, sentence, hits)`` for every sentence of a document with a term in it;
    ``seen`` keeps each text's hits (a corpus repeats its sentences; the hits depend on the text)."""
    for block in document.blocks:
        for lang, matcher in (("ru", ru), ("zh", zh)):
            if block.lang == ("zh" if lang == "ru" else "ru"):
                continue
            for sentence in block.sentences:
                hits = _hits(matcher, lang, sentence.text, seen)
                if hits:
                    yield lang, block, sentence, hits


# Texts whose hits an attester keeps (then it starts afresh: memory stays bounded).
SEEN_TEXTS = 50_000


def _hits(
    matcher: RussianMatcher | ChineseMatcher,
    lang: str,
    text: str,
    seen: dict[tuple[str, str], list[Hit]] | None,
) -> list[Hit]:
    if seen is None:
        return matcher.find(text)
    hits = seen.get((lang, text))
    if hits is None:
        if len(seen) >= SEEN_TEXTS:
            seen.clear()
        hits = seen[(lang, text)] = matcher.find(text)
    return hits


def _occurrence(doc: str, lang: str, block: Block, sentence: Sentence, h: Hit) -> Occurrence:
    """An occurrence at its place in the file, through the block's map (no file is read again)."""
    line, col = block.locate(block.sentence_offset(sentence) + h.start)
    return Occurrence(
        concept=h.concept,
        lang=lang,
        doc=doc,
        line=line,
        column=col,
        surface=sentence.text[h.start : h.end],
        term=h.term,
        context=context(sentence.text, h.start, h.end, 20 if lang == "zh" else _CONTEXT_CHARS),
    )


class Attester:
    """Counts termbase terms document by document; :meth:`result` freezes the tallies."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.ru, self.zh = matchers(list(concepts))
        self._tallies: dict[tuple[str, str], _Tally] = {}
        self._seen: dict[tuple[str, str], list[Hit]] = {}  # each text's hits

    def add(self, document: Document) -> None:
        """Count every occurrence in one document."""
        self.merge(self.document_part(document))

    def document_part(self, document: Document) -> dict[tuple[str, str], _Tally]:
        """Tallies of one document alone (independent of the others, so documents can be counted in
        parallel); ``spare`` holds the occurrences that may become examples, in order."""
        part: dict[tuple[str, str], _Tally] = {}
        for lang, block, sentence, hits in document_hits(document, self.ru, self.zh, self._seen):
            for hit in hits:
                tally = part.setdefault((hit.concept, lang), _Tally())
                tally.count(document.name, hit.term, sentence.text[hit.start : hit.end])
                if len(tally.spare) >= OFFERS_PER_DOCUMENT:
                    continue
                occ = _occurrence(document.name, lang, block, sentence, hit)
                if not tally.spare or all(o.context != occ.context for o in tally.spare):
                    tally.spare.append(occ)
        return part

    def merge(self, part: dict[tuple[str, str], _Tally]) -> None:
        """Take in the tallies of the next document (in corpus order)."""
        for key, tally in part.items():
            self._tallies.setdefault(key, _Tally()).merge(tally)

    def result(self) -> dict[tuple[str, str], Attestation]:
        """Attestations keyed by ``(concept id, lang)``, for concepts that occur at least once."""
        return {key: _freeze(key, tally) for key, tally in sorted(self._tallies.items())}


def attest(documents: Iterable[Document], concepts: Iterable[Concept]) -> dict[tuple[str, str], Attestation]:
    """Attestations keyed by ``(concept id, lang)``, for concepts that occur at least once."""
    attester = Attester(concepts)
    for document in documents:
        attester.add(document)
    return attester.result()


def _freeze(key: tuple[str, str], tally: _Tally) -> Attestation:
    def ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    return Attestation(
        concept=key[0],
        lang=key[1],
        freq=tally.freq,
        docs=tuple(sorted(tally.docs.items())),
        variants=ranked(tally.variants),
        surfaces=ranked(tally.surfaces),
        examples=tally.chosen(),
    )
