"""Review rows of a build: termbase concepts with their attestations, paired candidates, names.

Each row keeps three numbers apart: ``termhood`` (how much the corpus makes a term of the phrase:
C-value times specificity against general language), ``association`` (how sure the pairing is,
0–1) and ``method`` (how the partner was found: ``aligned`` over aligned units, ``lexicon`` for a
single word the lexicon translates, ``composed`` from the parts' translations, ``transliteration``,
``context`` by context vectors; ``termbase`` for a curated concept).
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ruzh.align.morphology import lemma_key
from ruzh.core.xmlchars import ILLEGAL_XML_CHARS
from ruzh.glossary.attest import Attestation, context
from ruzh.glossary.candidates_zh import ZhTally
from ruzh.glossary.collect_ru import RuTally
from ruzh.glossary.entries import Entry, candidate_id, from_concept
from ruzh.glossary.names import NameTally
from ruzh.glossary.termbase import Concept


@dataclass(frozen=True, slots=True)
class Partner:
    """The Chinese term found for a Russian candidate, other renderings the data shows, and why."""

    zh: str
    association: float
    method: str
    evidence: str
    variants: tuple[str, ...] = ()


def strip_controls(text: str) -> str:
    """Text without the control characters XML (and so TBX) cannot carry."""
    return ILLEGAL_XML_CHARS.sub("", text)


def contexts(examples: Iterable[tuple[str, int, str]]) -> str:
    """``doc:line context ‖ …`` for the context cells, without control characters."""
    return " ‖ ".join(f"{doc}:{line} {strip_controls(text)}" for doc, line, text in examples)


def known_row(concept: Concept, atts: Mapping[tuple[str, str], Attestation]) -> Entry:
    """A termbase (or approved) concept with where and how it is used."""
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
        ru_context=contexts((o.doc, o.line, o.context) for o in ru.examples) if ru else "",
        zh_context=contexts((o.doc, o.line, o.context) for o in zh.examples) if zh else "",
        method="termbase",
        evidence=("attested: " + "; ".join(used)) if used else "",
    )


def composed_association(attested: float) -> float:
    """A composition attested ``n`` times, on the 0–1 scale of the aligned association (10× → 1)."""
    return round(min(1.0, math.log1p(attested) / math.log(11)), 3)


def ru_rows(
    tallies: Mapping[tuple[str, ...], RuTally],
    chosen: Mapping[tuple[str, ...], float],
    partners: Mapping[tuple[str, ...], Partner],
    zh_stats: Mapping[str, tuple[tuple[str, ...], int, list[tuple[str, int, str]]]],
) -> list[Entry]:
    """One row per Russian candidate (by termhood), with its partner when one was found."""
    rows = []
    for key, score in chosen.items():
        t = tallies[key]
        row = Entry(
            id=candidate_id("ru", " ".join(key)),
            ru=t.form,
            ru_variants=tuple(f for f, _ in sorted(t.forms.items()) if f != t.form),
            ru_freq=t.freq,
            ru_docs=tuple(sorted(t.docs)),
            ru_context=contexts(t.examples),
            termhood=score,
            evidence=f"{t.pattern}; termhood {score:g}",
        )
        p = partners.get(key)
        if p is not None:
            docs, freq, examples = zh_stats.get(p.zh, ((), 0, []))
            row = replace(
                row,
                zh=p.zh,
                zh_variants=p.variants,
                zh_freq=freq,
                zh_docs=docs,
                zh_context=contexts(examples),
                association=p.association,
                method=p.method,
                evidence=f"{row.evidence}; {p.evidence}",
            )
        rows.append(row)
    return rows


def zh_rows(
    tallies: Mapping[tuple[str, ...], ZhTally], chosen: Mapping[tuple[str, ...], float], used: Container[str]
) -> list[Entry]:
    """Chinese candidates that no Russian candidate took as its partner."""
    rows = []
    for words, score in chosen.items():
        text = "".join(words)
        if text in used:
            continue
        zt = tallies[words]
        rows.append(
            Entry(
                id=candidate_id("zh", text),
                zh=text,
                zh_freq=zt.freq,
                zh_docs=tuple(sorted(zt.docs)),
                zh_context=contexts(zt.examples),
                termhood=score,
                evidence=f"compound {'+'.join(words)}; termhood {score:g}",
            )
        )
    return rows


TextStats = tuple[tuple[str, ...], int, list[tuple[str, int, str]]]  # documents, count, contexts


def zh_texts_stats(terms: Iterable[str], zh_texts: Sequence[tuple[str, int, str]]) -> dict[str, TextStats]:
    """:func:`zh_text_stats` of each term, counted only in the sentences that hold its rarest
    character (found by one pass over the texts): a corpus's partners were each counted in every
    sentence (the 500-pair benchmark's 818 partners: 13.6 million counts, 9 s of CPU)."""
    holding: dict[str, list[int]] = {}
    for i, (_, _, sentence) in enumerate(zh_texts):
        for char in set(sentence):
            holding.setdefault(char, []).append(i)
    out = {}
    for term in terms:
        if term:
            rarest = min(term, key=lambda c: len(holding.get(c, ())))
            out[term] = zh_text_stats(term, [zh_texts[i] for i in holding.get(rarest, ())])
    return out


def zh_text_stats(text: str, zh_texts: Sequence[tuple[str, int, str]]) -> TextStats:
    """Documents, count and example contexts of a Chinese term that is not a compound tally."""
    counts: dict[str, int] = {}
    examples: list[tuple[str, int, str]] = []
    for doc, line, sentence in zh_texts:
        n = sentence.count(text)
        if n:
            if doc not in counts and len(examples) < 3:
                at = sentence.find(text)
                examples.append((doc, line, context(sentence, at, at + len(text), 20)))
            counts[doc] = counts.get(doc, 0) + n
    return tuple(sorted(counts)), sum(counts.values()), examples


def name_rows(
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
                association=ratio,
                method="transliteration",
                evidence=f"transliteration: {zh_name} → {cyr} (pinyin, Palladius) ≈ {ru_name}; "
                f"similarity {ratio:.2f}",
                domain="names",
            )
        )
    return rows
