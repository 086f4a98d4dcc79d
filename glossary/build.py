"""Build the review glossary of a corpus: termbase attestation, new candidates, their pairing.

One pass over the documents feeds three collectors (termbase attestation, Russian phrases,
Chinese compounds); then candidates are selected (recurring in ``min_docs`` documents or
``min_freq`` times in one, not in the termbase, not stop-listed), ranked by C-value, paired
(aligned sentence pairs when given, else composition with the lexicon and the termbase), and
turned into one review row per concept.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ruzh.align.types import Document
from ruzh.core.signature import Signature
from ruzh.glossary.attest import Attestation, Attester, context
from ruzh.glossary.candidates_ru import RuCollector, RuTally
from ruzh.glossary.candidates_zh import ZhCollector, ZhTally
from ruzh.glossary.entries import Entry, candidate_id, from_concept, merge
from ruzh.glossary.matching import lemma_key
from ruzh.glossary.pairing import Pairing, associate, compose_and_attest, lexicon_table
from ruzh.glossary.parts import DocumentPart, document_parts
from ruzh.glossary.scoring import c_value
from ruzh.glossary.termbase import Concept, load_termbase
from ruzh.glossary.translit import NameTally, match_names

VERSION = "1"

# Pairs Russian and Chinese names: ``(ru name, zh name, similarity, transliteration)``, sorted.
NameMatcher = Callable[[Mapping[str, NameTally], Mapping[str, NameTally]], list[tuple[str, str, float, str]]]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Settings that change which candidates are proposed."""

    min_docs: int = 2
    min_freq: int = 3
    max_candidates: int = 150
    min_c_value: float = 2.0

    def signature(self) -> str:
        """A short record of the settings, written into the exports (a :class:`Signature`)."""
        return Signature(
            (
                ("ruzh-glossary", VERSION),
                ("min_docs", str(self.min_docs)),
                ("min_freq", str(self.min_freq)),
                ("max", str(self.max_candidates)),
                ("cvalue", f"{self.min_c_value:g}"),
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


def build_glossary(
    documents: Iterable[Document],
    concepts: Sequence[Concept] | None = None,
    *,
    pairs: Iterable[tuple[str, str]] | None = None,
    reviewed: Sequence[Entry] = (),
    lexicon: Mapping[str, Sequence[str]] | None = None,
    options: BuildOptions = BuildOptions(),
    workers: int = 1,
    parts: Iterable[DocumentPart] | None = None,
    names_matcher: NameMatcher = match_names,
) -> Glossary:
    """Attest the termbase (plus reviewed rows), find and pair candidates, merge reviewed decisions.

    ``parts`` are the documents' counts when the caller has them already (a build keeps them per
    document: they are those of :func:`glossary.parts.count_document` with the concepts of
    :func:`corpus_concepts`); ``names_matcher`` pairs Russian and Chinese names (a build caches it).
    """
    base = list(load_termbase() if concepts is None else concepts)
    by_id = {c.id: c for c in corpus_concepts(reviewed, base)}
    all_concepts = list(by_id.values())
    attester, ru_col, zh_col = Attester(all_concepts), RuCollector(), ZhCollector()
    zh_texts: list[tuple[str, int, str]] = []
    names: list[str] = []
    counted = parts if parts is not None else document_parts(documents, all_concepts, attester, workers)
    for part in counted:
        names.append(part.name)
        attester.merge(part.attested)
        ru_col.merge(part.ru)
        zh_col.merge(part.zh)
        zh_texts.extend(part.zh_texts)
    attestations = attester.result()
    ru_known = {lemma_key(t.text) for c in all_concepts for t in c.terms if t.lang == "ru"}
    zh_known = {t.text for c in all_concepts for t in c.terms if t.lang == "zh"}
    ru_cands = _select(ru_col.tallies, ru_known, options, lambda k: k)
    zh_cands = _select(zh_col.tallies, zh_known, options, "".join)
    table = lexicon if lexicon is not None else lexicon_table(_termbase_pairs(all_concepts))
    cands = ((k, ru_col.tallies[k].pattern) for k in ru_cands)
    pairings = compose_and_attest(cands, table, ((d, t) for d, _, t in zh_texts))
    if pairs is not None:
        pairings.update(associate(pairs, list(ru_cands)))
    rows = [_known_row(c, attestations) for c in base]
    base_ids = {c.id for c in base}
    added = [e.id for e in reviewed if e.id in by_id and e.id not in base_ids]
    rows += [_known_row(by_id[cid], attestations) for cid in added]
    name_rows = _name_rows(names_matcher(ru_col.names, zh_col.names), ru_col.names, zh_col.names,
                           ru_known, zh_known)  # fmt: skip
    skip = {e.zh for e in name_rows}
    rows += _candidate_rows(ru_col.tallies, ru_cands, zh_col.tallies, zh_cands, pairings, zh_texts, skip)
    rows += name_rows
    entries = merge(reviewed, rows) if reviewed else rows
    return Glossary(
        tuple(entries), attestations, tuple(all_concepts), tuple(names), options.signature(), options
    )


def corpus_concepts(
    reviewed: Sequence[Entry] = (), concepts: Sequence[Concept] | None = None
) -> list[Concept]:
    """The concepts a corpus is attested against: the termbase, with approved reviewed rows added."""
    by_id = {c.id: c for c in (load_termbase() if concepts is None else concepts)}
    for entry in reviewed:
        if entry.status in ("approved", "termbase") and (entry.ru or entry.zh):
            by_id[entry.id] = _reviewed_concept(entry, by_id.get(entry.id))
    return list(by_id.values())


def _reviewed_concept(entry: Entry, old: Concept | None) -> Concept:
    concept = entry.concept()
    if old is not None:
        concept = replace(concept, source=old.source, note=entry.note or old.note)
    return concept


def _termbase_pairs(concepts: Iterable[Concept]) -> list[tuple[str, str]]:
    out = []
    for c in concepts:
        zh = [t.text for t in c.terms_of("zh") if t.status in ("preferred", "admitted")]
        if zh:
            out += [(t.text, "|".join(zh)) for t in c.terms_of("ru") if t.status in ("preferred", "admitted")]
    return out


def _select(
    tallies: Mapping[tuple[str, ...], RuTally] | Mapping[tuple[str, ...], ZhTally],
    known: Container[object],
    options: BuildOptions,
    norm: Callable[[tuple[str, ...]], object],
) -> dict[tuple[str, ...], float]:
    """Candidates that recur enough and are not known (``norm(key) in known``), by C-value, best first."""
    freqs = {k: t.freq for k, t in tallies.items() if t.freq >= 2}
    scores = c_value(freqs)
    chosen = [
        k
        for k, t in tallies.items()
        if k in scores
        and (len(t.docs) >= options.min_docs or t.freq >= options.min_freq)
        and scores[k] >= options.min_c_value
        and norm(k) not in known
        and getattr(t, "free", True)
    ]
    chosen.sort(key=lambda k: (-scores[k], -tallies[k].freq, k))
    return {k: round(scores[k], 2) for k in chosen[: options.max_candidates]}


def _contexts(examples: Iterable[tuple[str, int, str]]) -> str:
    return " ‖ ".join(f"{doc}:{line} {text}" for doc, line, text in examples)


def _known_row(concept: Concept, atts: Mapping[tuple[str, str], Attestation]) -> Entry:
    row = from_concept(concept, "termbase" if concept.source != "review" else "approved")
    ru, zh = atts.get((concept.id, "ru")), atts.get((concept.id, "zh"))
    used = [
        f"{lang} " + ", ".join(f"{s}×{n}" for s, n in a.surfaces[:6])
        for lang, a in (("ru", ru), ("zh", zh))
        if a
    ]
    return replace(
        row,
        ru_freq=ru.freq if ru else 0,
        zh_freq=zh.freq if zh else 0,
        ru_docs=ru.doc_names if ru else (),
        zh_docs=zh.doc_names if zh else (),
        ru_context=_contexts((o.doc, o.line, o.context) for o in ru.examples) if ru else "",
        zh_context=_contexts((o.doc, o.line, o.context) for o in zh.examples) if zh else "",
        evidence=("attested: " + "; ".join(used)) if used else "",
    )


def _pair_score(p: Pairing) -> float:
    if p.method == "aligned":
        return p.score
    return round(min(1.0, math.log1p(p.score) / math.log(11)), 3)


def _candidate_rows(
    ru_tallies: Mapping[tuple[str, ...], RuTally],
    ru_cands: Mapping[tuple[str, ...], float],
    zh_tallies: Mapping[tuple[str, ...], ZhTally],
    zh_cands: Mapping[tuple[str, ...], float],
    pairings: Mapping[tuple[str, ...], Pairing],
    zh_texts: Sequence[tuple[str, int, str]],
    skip_zh: set[str],
) -> list[Entry]:
    zh_by_text = {"".join(k): t for k, t in zh_tallies.items()}
    used_zh: set[str] = set(skip_zh)
    rows: list[Entry] = []
    for key, cval in ru_cands.items():
        t = ru_tallies[key]
        row = Entry(
            id=candidate_id("ru", " ".join(key)),
            ru=t.form,
            ru_variants=tuple(f for f, _ in sorted(t.forms.items()) if f != t.form),
            ru_freq=t.freq,
            ru_docs=tuple(sorted(t.docs)),
            ru_context=_contexts(t.examples),
            score=cval,
            evidence=f"{t.pattern}; C-value {cval:g}",
        )
        p = pairings.get(key)
        if p is not None:
            used_zh.add(p.zh)
            row = replace(row, zh=p.zh, score=_pair_score(p), evidence=f"{row.evidence}; {p.evidence}")
            row = _with_zh_stats(row, zh_by_text.get(p.zh), p.zh, zh_texts)
        rows.append(row)
    for words, cval in zh_cands.items():
        text = "".join(words)
        if text in used_zh:
            continue
        zt = zh_tallies[words]
        rows.append(
            Entry(
                id=candidate_id("zh", text),
                zh=text,
                zh_freq=zt.freq,
                zh_docs=tuple(sorted(zt.docs)),
                zh_context=_contexts(zt.examples),
                score=cval,
                evidence=f"compound {'+'.join(words)}; C-value {cval:g}",
            )
        )
    return rows


def _with_zh_stats(
    row: Entry, tally: ZhTally | None, text: str, zh_texts: Sequence[tuple[str, int, str]]
) -> Entry:
    """Chinese counts of a paired term: from the compound tally, or counted as text."""
    if tally is not None:
        docs, freq, examples = tuple(sorted(tally.docs)), tally.freq, tally.examples
    else:
        counts: dict[str, int] = {}
        examples = []
        for doc, line, sentence in zh_texts:
            n = sentence.count(text)
            if n:
                if doc not in counts and len(examples) < 3:
                    at = sentence.find(text)
                    examples.append((doc, line, context(sentence, at, at + len(text), 20)))
                counts[doc] = counts.get(doc, 0) + n
        docs, freq = tuple(sorted(counts)), sum(counts.values())
    return replace(row, zh_freq=freq, zh_docs=docs, zh_context=_contexts(examples))


def _name_rows(
    matches: Iterable[tuple[str, str, float, str]],
    ru: Mapping[str, NameTally],
    zh: Mapping[str, NameTally],
    ru_known: Container[object],
    zh_known: Container[str],
) -> list[Entry]:
    """Names paired by transliteration, unless the termbase has them; fuzzy ones must recur."""
    rows: list[Entry] = []
    for ru_name, zh_name, ratio, cyr in matches:
        if lemma_key(ru_name) in ru_known or zh_name in zh_known:
            continue
        r, z = ru[ru_name], zh[zh_name]
        if ratio < 1.0 and min(sum(r.docs.values()), sum(z.docs.values())) < 2:
            continue
        rows.append(
            Entry(
                id=candidate_id("ru", "name:" + ru_name),
                ru=ru_name,
                zh=zh_name,
                ru_freq=sum(r.docs.values()),
                zh_freq=sum(z.docs.values()),
                ru_docs=tuple(sorted(r.docs)),
                zh_docs=tuple(sorted(z.docs)),
                score=ratio,
                evidence=f"transliteration: {zh_name} → {cyr} (pinyin, Palladius) ≈ {ru_name}; "
                f"similarity {ratio:.2f}",
                domain="names",
            )
        )
    return rows
