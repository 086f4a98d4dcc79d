"""Build the review glossary of a corpus: termbase attestation, new candidates, their pairing.

One pass over the documents feeds three collectors (termbase attestation, Russian nouns and noun
phrases, Chinese words and compounds); candidates on both sides are selected by termhood (C-value
times specificity against wordfreq's general-language frequencies: recurring in ``min_docs``
documents or ``min_freq`` times in all, not in the termbase; as many as reach ``min_termhood``, unless
``max_candidates`` says fewer); Russian candidates are paired by
competitive linking over aligned sentence pairs when there are any (:mod:`glossary.linking`), else
and then by composition with the lexicon and the termbase, names by transliteration. The rows
list the termbase concepts the corpus attests (all of them with ``all_termbase``) and the
candidates; a reviewed CSV's decisions are merged in.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from statistics import fmean

from ruzh.align.morphology import lemma_key
from ruzh.align.types import Document
from ruzh.core.signature import Signature
from ruzh.glossary.attest import Attestation, Attester
from ruzh.glossary.candidates_zh import ZhCollector, ZhTally, tagged
from ruzh.glossary.collect_ru import RuCollector, RuTally, general_frequency
from ruzh.glossary.context import match_contexts, ru_contexts, zh_contexts
from ruzh.glossary.corpus_lemmas import corpus_lemmas, rekeyed
from ruzh.glossary.entries import Entry, merge
from ruzh.glossary.lazy import Later
from ruzh.glossary.linking import MIN_SHARE, Link, link_units
from ruzh.glossary.names import NameTally, match_names
from ruzh.glossary.pairing import compose_and_attest, lexicon_table
from ruzh.glossary.parts import DocumentPart, document_parts
from ruzh.glossary.rows import (
    Partner,
    TextStats,
    composed_association,
    known_row,
    name_rows,
    ru_rows,
    strip_controls,
    zh_rows,
    zh_texts_stats,
)
from ruzh.glossary.scoring import c_value, general_frequencies, termhood, weirdness
from ruzh.glossary.termbase import Concept, load_termbase
from ruzh.glossary.units import SentenceUnits, sentence_units

VERSION = "4"

# Pairs Russian and Chinese names: ``(ru name, zh name, similarity, transliteration)``, sorted.
NameMatcher = Callable[[Mapping[str, NameTally], Mapping[str, NameTally]], list[tuple[str, str, float, str]]]
# The corpus's choices of lemma from its forms (:func:`glossary.corpus_lemmas.corpus_lemmas`).
LemmaChooser = Callable[[Mapping[str, Iterable[str]]], dict[str, str]]
# Links the Russian units of aligned sentence pairs to Chinese ones with a prior (:func:`link_units`);
# the units' lemma keys carry the corpus's choices of lemma, the third argument.
Linker = Callable[
    [Sequence[SentenceUnits], Mapping[str, Sequence[str]], Mapping[str, str]],
    tuple[dict[tuple[str, ...], list[Link]], int],
]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Settings that change which candidates are proposed and which rows are listed."""

    min_docs: int = 2
    # Seen twice is recurring: a term of a paper is often seen twice in it and nowhere else (on the
    # development check of bench/glossary_rows_check.py, 3 -> 2 found 0.56 -> 0.70 of the held-out
    # specialised nouns of its first split, with no more wrong partners).
    min_freq: int = 2
    max_candidates: int | None = None  # None: every candidate the termhood threshold keeps
    min_termhood: float = 1.0
    all_termbase: bool = False

    def signature(self) -> str:
        """A short record of the settings, written into the exports (a :class:`Signature`)."""
        return Signature(
            (
                ("ruzh-glossary", VERSION),
                ("min_docs", str(self.min_docs)),
                ("min_freq", str(self.min_freq)),
                ("max", "all" if self.max_candidates is None else str(self.max_candidates)),
                ("termhood", f"{self.min_termhood:g}"),
                ("all_termbase", str(int(self.all_termbase))),
            )
        ).format()


@dataclass(frozen=True, slots=True)
class Glossary:
    """The result of a build: review rows, the attestations behind them and the concepts matched."""

    entries: tuple[Entry, ...]
    attestations: Mapping[tuple[str, str], Attestation]
    concepts: tuple[Concept, ...]
    documents: tuple[str, ...]
    signature: str
    settings: BuildOptions = field(default_factory=BuildOptions)
    notices: tuple[str, ...] = ()


@dataclass
class _Corpus:
    names: list[str] = field(default_factory=list)
    ru: RuCollector = field(default_factory=RuCollector)
    zh: ZhCollector = field(default_factory=ZhCollector)
    zh_texts: list[tuple[str, int, str]] = field(default_factory=list)
    ru_texts: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def add(self, part: DocumentPart, attester: Attester) -> None:
        """Add one document's counts (its attestations go to ``attester``)."""
        self.names.extend(part.documents)
        attester.merge(part.attested)
        self.ru.merge(part.ru)
        self.zh.merge(part.zh)
        self.zh_texts.extend(part.zh_texts)
        self.ru_texts.extend(part.ru_texts)
        self.notices.extend(part.notices)


def build_glossary(
    documents: Iterable[Document],
    concepts: Sequence[Concept] | None = None,
    *,
    pairs: Iterable[tuple[str, str]] | None = None,
    sentences: Sequence[SentenceUnits] | None = None,
    reviewed: Sequence[Entry] = (),
    lexicon: Mapping[str, Sequence[str]] | None = None,
    options: BuildOptions = BuildOptions(),
    workers: int = 1,
    parts: Iterable[DocumentPart] | None = None,
    names_matcher: NameMatcher = match_names,
    zh_words: Callable[[str], list[str]] | None = None,
    linker: Linker | None = None,
    lemma_chooser: LemmaChooser = corpus_lemmas,
) -> Glossary:
    """Attest the termbase (plus reviewed rows), find and pair candidates, merge reviewed decisions.

    ``parts`` are the documents' counts when the caller has them already (a build keeps them per
    document: they are those of :func:`glossary.parts.count_document` with the concepts of
    :func:`corpus_concepts`); ``sentences`` are the pairing units of ``pairs``
    (:func:`glossary.units.sentence_units`, which a build caches per document pair);
    ``names_matcher`` pairs Russian and Chinese names (a build caches it); ``zh_words`` splits a
    Chinese partner into its words as jieba does (a build caches it, so that an edit need not load
    jieba's dictionary); ``linker`` links the sentences' units (a build caches its result by the
    units, the prior and the lemma choices; else :func:`link_units`); ``lemma_chooser`` chooses
    lemmas from the corpus's forms (a build caches its result by the forms)."""
    base = list(load_termbase() if concepts is None else concepts)
    by_id = {c.id: c for c in corpus_concepts(reviewed, base)}
    all_concepts = list(by_id.values())
    attester, corpus = Attester(all_concepts), _Corpus()
    counted = parts if parts is not None else document_parts(documents, all_concepts, attester, workers)
    for part in counted:
        corpus.add(part, attester)
    choice = lemma_chooser(corpus.ru.spellings)  # белки: белок, when the corpus's forms say so
    corpus.ru.relemmatize(choice)
    atts = {k: _printable(a) for k, a in attester.result().items()}
    ru_known = {lemma_key(t.text) for c in all_concepts for t in c.terms if t.lang == "ru"}
    zh_known = {t.text for c in all_concepts for t in c.terms if t.lang == "zh"}
    ru_cands = _select(corpus.ru.tallies, ru_known, options, lambda k: k, _ru_specificity(corpus.ru))
    zh_spec = _zh_specificity(corpus.zh)
    zh_cands = _select(corpus.zh.tallies, zh_known, options, "".join, zh_spec)
    table = lexicon if lexicon is not None else lexicon_table(termbase_pairs(all_concepts))
    if sentences is None and pairs is not None:
        sentences = [sentence_units(ru, zh) for ru, zh in pairs]
    if isinstance(sentences, Later) and not sentences.made:  # not read yet: re-keyed when the
        units = sentences  # linker needs them (a kept linking does not)
        sentences = Later(lambda: rekeyed(units, choice))
    elif sentences is not None:
        sentences = rekeyed(sentences, choice)
    is_term = _partner_test(corpus.zh, zh_spec, zh_known, zh_words)
    partners = _partners(ru_cands, corpus, table, sentences, is_term, linker or _link, choice)
    if sentences is None:  # comparable documents only: contexts reach what composition cannot
        partners.update(_by_context(ru_cands, zh_cands, partners, corpus, table))
    rows = _concept_rows(base, reviewed, by_id, atts, options.all_termbase)
    matches = names_matcher(corpus.ru.names, corpus.zh.names)
    # a name that is a paired candidate keeps its candidate row; an unpaired one gives way to its name row
    have_rows = ru_known | {k for k in ru_cands if k in partners}
    names = name_rows(matches, corpus.ru.names, corpus.zh.names, have_rows, zh_known)
    named = {lemma_key(e.ru) for e in names}
    ru_cands = {k: v for k, v in ru_cands.items() if k not in named}
    used = {p.zh for p in partners.values()} | {e.zh for e in names}
    rows += ru_rows(corpus.ru.tallies, ru_cands, partners, _zh_stats(partners.values(), corpus))
    rows += zh_rows(corpus.zh.tallies, zh_cands, used)
    rows += names
    entries = merge(reviewed, rows) if reviewed else rows
    return Glossary(
        tuple(entries), atts, tuple(all_concepts), tuple(corpus.names), options.signature(), options,
        tuple(corpus.notices),
    )  # fmt: skip


def _concept_rows(
    base: Sequence[Concept],
    reviewed: Sequence[Entry],
    by_id: Mapping[str, Concept],
    atts: Mapping[tuple[str, str], Attestation],
    all_termbase: bool,
) -> list[Entry]:
    """Rows of the termbase concepts the corpus attests (all of them with ``all_termbase``), then of
    the reviewed concepts the termbase does not have."""
    attested = {cid for cid, _ in atts}
    rows = [known_row(c, atts) for c in base if all_termbase or c.id in attested]
    base_ids = {c.id for c in base}
    return rows + [known_row(by_id[e.id], atts) for e in reviewed if e.id in by_id and e.id not in base_ids]


def corpus_concepts(
    reviewed: Sequence[Entry] = (), concepts: Sequence[Concept] | None = None
) -> list[Concept]:
    """The concepts a corpus is attested against: the termbase, with approved reviewed rows added."""
    by_id = {c.id: c for c in (load_termbase() if concepts is None else concepts)}
    for entry in reviewed:
        if entry.status in ("approved", "termbase") and (entry.ru or entry.zh):
            by_id[entry.id] = _reviewed_concept(entry, by_id.get(entry.id))
    return list(by_id.values())


def _printable(att: Attestation) -> Attestation:
    """An attestation without the control characters XML cannot carry (``parts`` reports them)."""
    examples = tuple(
        replace(o, context=strip_controls(o.context), surface=strip_controls(o.surface)) for o in att.examples
    )
    surfaces = tuple((strip_controls(s), n) for s, n in att.surfaces)
    return replace(att, examples=examples, surfaces=surfaces)


def _reviewed_concept(entry: Entry, old: Concept | None) -> Concept:
    concept = entry.concept()
    if old is not None:
        concept = replace(concept, source=old.source, note=entry.note or old.note)
    return concept


def termbase_pairs(concepts: Iterable[Concept]) -> list[tuple[str, str]]:
    """The ``(ru, zh)`` pairs the glossary's lexicon table adds to the shipped lexicon: each
    preferred or admitted Russian term with the concept's preferred and admitted Chinese terms
    (``|``-joined), so that a build can keep the table made of them."""
    out = []
    for c in concepts:
        zh = [t.text for t in c.terms_of("zh") if t.status in ("preferred", "admitted")]
        if zh:
            out += [(t.text, "|".join(zh)) for t in c.terms_of("ru") if t.status in ("preferred", "admitted")]
    return out


def _words(text: str) -> list[str]:
    return [p.word for p in tagged(text)]


def _ru_specificity(col: RuCollector) -> Callable[[tuple[str, ...]], float]:
    """Mean weirdness of a lemma sequence's words against general Russian (each word's weirdness
    computed once: a word recurs in many candidates, and its general frequency sums over its forms)."""
    tokens = col.tokens  # a sum over every word: once, not per candidate word
    seen: dict[str, float] = {}

    def word(w: str) -> float:
        if w not in seen:
            seen[w] = weirdness(col.words[w], tokens, general_frequency(col.spellings.get(w, ())))
        return seen[w]

    return lambda key: fmean(word(w) for w in key)


def _zh_specificity(col: ZhCollector) -> Callable[[tuple[str, ...]], float]:
    """Mean weirdness of a compound's words against general Chinese (words the corpus lacks: 0)."""
    table, tokens = general_frequencies("zh"), col.tokens
    return lambda words: (
        fmean(weirdness(col.words[w], tokens, table.get(w, 0.0)) for w in words) if words else 0.0
    )


def _select(
    tallies: Mapping[tuple[str, ...], RuTally] | Mapping[tuple[str, ...], ZhTally],
    known: Container[object],
    options: BuildOptions,
    norm: Callable[[tuple[str, ...]], object],
    specificity: Callable[[tuple[str, ...]], float],
) -> dict[tuple[str, ...], float]:
    """Candidates that recur enough, are not known (``norm(key) in known``) and have termhood, best first."""
    freqs = {k: t.freq for k, t in tallies.items() if t.freq >= 2}
    unithood = c_value(freqs)
    scores = {}
    for k, t in tallies.items():
        if k not in unithood or not (len(t.docs) >= options.min_docs or t.freq >= options.min_freq):
            continue
        if norm(k) in known or not getattr(t, "free", True):
            continue
        score = termhood(unithood[k], specificity(k))
        if score >= options.min_termhood:
            scores[k] = score
    chosen = sorted(scores, key=lambda k: (-scores[k], -tallies[k].freq, k))
    return {k: scores[k] for k in chosen[: options.max_candidates]}  # a slice to None keeps all


def _partner_test(
    col: ZhCollector,
    zh_spec: Callable[[tuple[str, ...]], float],
    zh_known: Container[str],
    zh_words: Callable[[str], list[str]] | None,
) -> Callable[[Link], bool]:
    """Whether a linked Chinese unit may be a term's partner: a known term, or made of words the
    corpus uses more than general Chinese does; a part of longer words (which the corpus never
    counts as a word of its own) by the sentence pairs it was counted in."""
    general, tokens = general_frequencies("zh"), col.tokens

    def is_term(link: Link) -> bool:
        if link.zh in zh_known or zh_spec(tuple((zh_words or _words)(link.zh))) > 0:
            return True
        return link.part and weirdness(link.zh_count, tokens, general.get(link.zh, 0.0)) > 0

    return is_term


def _partners(
    cands: Mapping[tuple[str, ...], float],
    corpus: _Corpus,
    table: Mapping[str, Sequence[str]],
    sentences: Sequence[SentenceUnits] | None,
    is_term: Callable[[Link], bool],
    linker: Linker,
    choice: Mapping[str, str],
) -> dict[tuple[str, ...], Partner]:
    """Partners from aligned pairs (competitive linking), then compositions for the rest."""
    found: dict[tuple[str, ...], Partner] = {}
    if sentences is not None:
        links, total = linker(sentences, table, choice)
        for key in cands:
            terms = [link for link in links.get(key, []) if is_term(link)]
            if terms:
                found[key] = _aligned(terms, total)
    rest = ((k, corpus.ru.tallies[k].pattern) for k in cands if k not in found)
    for key, p in compose_and_attest(rest, table, ((d, t) for d, _, t in corpus.zh_texts)).items():
        method = "composed" if len(key) > 1 else "lexicon"
        found[key] = Partner(p.zh, composed_association(p.score), method, p.evidence)
    return found


def _link(
    sentences: Sequence[SentenceUnits], prior: Mapping[str, Sequence[str]], _: Mapping[str, str]
) -> tuple[dict[tuple[str, ...], list[Link]], int]:
    """:func:`link_units` (the units carry the lemma choices already)."""
    return link_units(sentences, prior)


def _by_context(
    ru_cands: Mapping[tuple[str, ...], float],
    zh_cands: Mapping[tuple[str, ...], float],
    partners: Mapping[tuple[str, ...], Partner],
    corpus: _Corpus,
    table: Mapping[str, Sequence[str]],
) -> dict[tuple[str, ...], Partner]:
    """Partners of the still unpaired Russian candidates among the unpaired Chinese ones, by context."""
    taken = {p.zh for p in partners.values()}
    ru_keys = [k for k in ru_cands if k not in partners]
    zh_terms = [t for t in ("".join(w) for w in zh_cands) if t not in taken]
    vocabulary = {z for renderings in table.values() for z in renderings}
    ru_vectors = ru_contexts(ru_keys, corpus.ru_texts, table)
    zh_vectors = zh_contexts(zh_terms, (t for _, _, t in corpus.zh_texts), vocabulary)
    return {
        m.ru: Partner(
            m.zh, m.cosine, "context", f"context: cosine {m.cosine:.2f}, shared context {', '.join(m.shared)}"
        )
        for m in match_contexts(ru_vectors, zh_vectors)
    }


def _aligned(links: list[Link], total: int) -> Partner:
    """The best-linked partner; other renderings that explain enough of the term's occurrences."""
    best = links[0]
    others = tuple(
        k.zh for k in links[1:] if k.share >= MIN_SHARE and k.zh not in best.zh and best.zh not in k.zh
    )
    association = round(2 * best.links / (best.ru_count + best.zh_count), 3)
    return Partner(best.zh, association, "aligned", best.evidence(total), others)


def _zh_stats(partners: Iterable[Partner], corpus: _Corpus) -> dict[str, TextStats]:
    """Documents, counts and contexts of every partner: from its compound tally, else counted as text."""
    by_text = {"".join(k): t for k, t in corpus.zh.tallies.items()}
    out: dict[str, TextStats] = {}
    for p in partners:
        tally = by_text.get(p.zh)
        if tally is not None:
            out[p.zh] = (tuple(sorted(tally.docs)), tally.freq, tally.examples)
    rest = {p.zh for p in partners if p.zh not in out}
    out.update(zh_texts_stats(sorted(rest), corpus.zh_texts))
    return out
