"""The corpus-wide stages of a build that are cached whole: parallel passages and the glossary.

Both are stored as plain data (:mod:`ruzh.pipeline.codec`) and rebuilt into the library's objects,
so a cached entry is only ever data that the writers escape as they would escape fresh results.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path

from ruzh.align.aligner.pairing import Passage
from ruzh.align.types import Document
from ruzh.glossary.attest import Attestation
from ruzh.glossary.build import BuildOptions as GlossaryOptions
from ruzh.glossary.build import Glossary, NameMatcher, build_glossary, corpus_concepts
from ruzh.glossary.candidates_zh import tagged
from ruzh.glossary.corpus_lemmas import corpus_lemmas
from ruzh.glossary.entries import Entry, read_csv
from ruzh.glossary.names import NameTally, match_names
from ruzh.glossary.termbase import Concept
from ruzh.lang.ru import fold_yo
from ruzh.lexicon import aligner_lexicon
from ruzh.pipeline.cache import Cache, key
from ruzh.pipeline.codec import CodecError
from ruzh.pipeline.counting import glossary_counts
from ruzh.pipeline.discovery import StoredPassages, parallel_passages
from ruzh.pipeline.lexicon import glossary_lexicon
from ruzh.pipeline.passages import CachedParallelAligner
from ruzh.pipeline.units import cached_links, passage_texts
from ruzh.progress import Progress
from ruzh.results import AlignedPassage
from ruzh.tmx.types import TranslationUnit


@dataclass(frozen=True, slots=True)
class StoredGlossary:
    """A :class:`Glossary` as data (attestations as a list: they carry their own key)."""

    entries: tuple[Entry, ...]
    attestations: tuple[Attestation, ...]
    concepts: tuple[Concept, ...]
    documents: tuple[str, ...]
    signature: str
    settings: GlossaryOptions
    notices: tuple[str, ...]

    @staticmethod
    def of(glossary: Glossary) -> StoredGlossary:
        return StoredGlossary(
            glossary.entries,
            tuple(glossary.attestations.values()),
            glossary.concepts,
            glossary.documents,
            glossary.signature,
            glossary.settings,
            glossary.notices,
        )

    def glossary(self) -> Glossary:
        attestations = {(a.concept, a.lang): a for a in self.attestations}
        return Glossary(
            self.entries,
            attestations,
            self.concepts,
            self.documents,
            self.signature,
            self.settings,
            self.notices,
        )


def passages_stage(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    jobs: int,
    cache: Cache,
    quiet: bool,
    scorer: str = "lexical",
    progress: Progress | None = None,
) -> list[AlignedPassage]:
    """Parallel passages with their beads: the whole result cached by the documents' content keys,
    and each aligned pair by its sentences (so an edited document re-aligns only its own pairs).
    ``progress`` counts the passages (documents and abstracts) as their concepts are found.

    The pairing tries many candidate pairs and always aligns them lexically; with another scorer the
    pairs it keeps are aligned again with that scorer."""
    lexicon = aligner_lexicon()
    name = key("passages", lexicon.signature(), scorer, *fingerprints)
    stored = cache.get(name, "passages", StoredPassages)
    kept = stored.passages(documents) if stored is not None else None
    if kept is not None:
        return kept
    with CachedParallelAligner(jobs, cache, lexicon, quiet, pairing=progress) as aligner:
        found = parallel_passages(documents, aligner, lexicon, aligner.bags, cache)
    if scorer != "lexical":
        found = _realigned(found, CachedParallelAligner(jobs, cache, lexicon, quiet, scorer))
    cache.put(name, "passages", StoredPassages.of(found))
    return found


def _realigned(passages: list[AlignedPassage], aligner: CachedParallelAligner) -> list[AlignedPassage]:
    """The same passages with beads from ``aligner`` (another scorer than the pairing's)."""
    pairs = [
        (Passage(p.ru_doc, "ru", p.kind, p.ru_sentences), Passage(p.zh_doc, "zh", p.kind, p.zh_sentences))
        for p in passages
    ]
    with aligner:
        beads = aligner(pairs)
    return [replace(p, beads=tuple(b)) for p, b in zip(passages, beads, strict=True)]


def corpus_key(
    fingerprints: Sequence[str], units: Sequence[TranslationUnit], settings: str, reviewed: Path | None
) -> str:
    """A key for the corpus-wide results (glossary, findings, report): the documents' keys, every
    unit's text, the settings written into the outputs, and the reviewed glossary's bytes."""
    parts: list[str | bytes] = [settings, *fingerprints]
    parts.extend(f"{u.ru}\x1f{u.zh}\x1f{u.doc}" for u in units)
    parts.append(reviewed.read_bytes() if reviewed else b"")
    return key("corpus", *parts)


@dataclass(frozen=True, slots=True)
class StoredMatches:
    """Russian/Chinese name pairs found by transliteration, as cached."""

    matches: tuple[tuple[str, str, float, str], ...]


def cached_names(cache: Cache) -> NameMatcher:
    """The glossary's name matcher, cached by the two sets of names (it compares every Chinese name
    with every Russian one; an edit that brings no new name reuses the result)."""

    def run(ru: Mapping[str, NameTally], zh: Mapping[str, NameTally]) -> list[tuple[str, str, float, str]]:
        name = key("names", "\x1f".join(sorted(ru)), "\x01", "\x1f".join(sorted(zh)))
        stored = cache.get(name, "names", StoredMatches)
        if stored is None:
            stored = StoredMatches(tuple(match_names(ru, zh)))
            cache.put(name, "names", stored)
        return list(stored.matches)

    return run


@dataclass(frozen=True, slots=True)
class StoredChoice:
    """The corpus's choices of lemma (lemma, chosen lemma), in their order, as cached."""

    choice: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class StoredReadings:
    """The nouns each form of the folder's last corpus may belong to, as the lemma choice read them."""

    forms: tuple[str, ...]
    nouns: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if len(self.forms) != len(self.nouns):
            raise CodecError("forms and readings of different lengths")


def cached_lemmas(cache: Cache) -> Callable[[Mapping[str, Iterable[str]]], dict[str, str]]:
    """The glossary's choice of lemmas from the corpus's forms, cached by those forms; when they
    changed (an edit that brings a new form), chosen again with the forms' readings of the
    folder's last build, so that only the new forms are parsed again."""

    def run(spellings: Mapping[str, Iterable[str]]) -> dict[str, str]:
        forms = ("\x1f".join((lemma, *sorted(f))) for lemma, f in sorted(spellings.items()))
        name = key("corpus-lemmas", *forms)
        stored = cache.get(name, "corpus-lemmas", StoredChoice)
        if stored is None:
            last = cache.get(key("noun-readings"), "noun-readings", StoredReadings)
            readings = dict(zip(last.forms, last.nouns, strict=True)) if last else {}
            stored = StoredChoice(tuple(corpus_lemmas(spellings, readings).items()))
            cache.put(name, "corpus-lemmas", stored)
            mine = {fold_yo(f) for f in chain.from_iterable(spellings.values())}
            kept = {f: r for f, r in readings.items() if f in mine}  # this corpus's forms only
            # one entry, the last build's: each form carries its own readings
            cache.put(
                key("noun-readings"), "noun-readings", StoredReadings(tuple(kept), tuple(kept.values()))
            )
        return dict(stored.choice)

    return run


@dataclass(frozen=True, slots=True)
class StoredWords:
    """jieba's words of Chinese texts, as cached."""

    texts: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if len(self.texts) != len(self.words):
            raise CodecError("texts and words of different lengths")


class PartnerWords:
    """jieba's words of the glossary's Chinese partners, kept as one table: the folder's last build's,
    whose texts an edit mostly asks for again (loading jieba's dictionary for them would cost it
    seconds); stored once at the end (:meth:`save`) with this build's texts only. One entry per text
    cost a first build of the 500-pair benchmark 2,800 cache files and ~4 s."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.name = key("zh-words")
        self.last: dict[str, tuple[str, ...]] | None = None  # the stored table, read when first asked
        self.asked: dict[str, tuple[str, ...]] = {}  # this build's texts

    def __call__(self, text: str) -> list[str]:
        words = self.asked.get(text)
        if words is None:
            if self.last is None:
                stored = self.cache.get(self.name, "zh-words", StoredWords)
                self.last = dict(zip(stored.texts, stored.words, strict=True)) if stored else {}
            words = self.last.get(text)
            if words is None:
                words = tuple(p.word for p in tagged(text))
            self.asked[text] = words
        return list(words)

    def save(self) -> None:
        """Store this build's table when it is not the stored one."""
        if self.asked and self.asked != self.last:
            self.cache.put(self.name, "zh-words", StoredWords(tuple(self.asked), tuple(self.asked.values())))


def glossary_stage(
    documents: Sequence[Document],
    fingerprints: Sequence[str],
    passages: Sequence[AlignedPassage],
    reviewed: Path | None,
    cache: Cache,
    name: str,
    jobs: int,
    advance: Callable[[int], None] | None = None,
    counted: Callable[[], None] | None = None,
) -> Glossary:
    """Attestation, candidates and pairing over the corpus, keeping the decisions of a reviewed CSV.
    The whole result is cached by the corpus key; each document's counts by its content, each
    passage's sentence units by its translation units. ``advance(n)``: n documents or passages done;
    ``counted()``: the counts are done (the pool is free) and the corpus-wide part begins. The
    documents' parts are merged as the counting's workers hand them over."""
    stored = cache.get(name, "glossary", StoredGlossary)
    if stored is not None:
        return stored.glossary()
    decisions = read_csv(reviewed) if reviewed else ()
    concepts = corpus_concepts(decisions)
    concepts_key = key("concepts", reviewed.read_bytes() if reviewed else b"")
    texts = [passage_texts(p) for p in passages]
    docs = [(p.ru_doc, p.zh_doc) for p in passages]
    parts, sentences = glossary_counts(
        documents, fingerprints, texts, docs, concepts, concepts_key, jobs, cache, advance, counted
    )
    words = PartnerWords(cache)
    with contextlib.closing(parts):  # the counting's workers stop here if the build fails
        glossary = build_glossary(
            documents,
            pairs=[pair for t in texts for pair in t],
            sentences=sentences,
            reviewed=decisions,
            lexicon=glossary_lexicon(cache, concepts),
            parts=parts,
            names_matcher=cached_names(cache),
            zh_words=words,
            linker=cached_links(cache, texts, jobs),
            lemma_chooser=cached_lemmas(cache),
        )
    words.save()
    cache.put(name, "glossary", StoredGlossary.of(glossary))
    return glossary
