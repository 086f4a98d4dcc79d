"""Look a term up in the termbase and render a concept with its attestations for people."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ruzh.align.morphology import lemma_key
from ruzh.glossary.attest import Attestation
from ruzh.glossary.termbase import Concept


def find_concepts(query: str, concepts: Iterable[Concept]) -> list[Concept]:
    """Concepts with this id, or with a term equal to the query (Russian compared by lemmas)."""
    text = query.strip()
    key = lemma_key(text)
    low = text.casefold()
    found: list[Concept] = []
    for concept in concepts:
        if concept.id.casefold() == low:
            found.append(concept)
            continue
        for term in concept.terms:
            same = lemma_key(term.text) == key if term.lang == "ru" else term.text.casefold() == low
            if same and key:
                found.append(concept)
                break
    return found


def render_concept(concept: Concept, attestations: Mapping[tuple[str, str], Attestation]) -> str:
    """A concept, its terms with statuses, and per language: frequency, documents, forms, examples."""
    lines = [f"{concept.id}  {concept.en}" + (f"  [{concept.domain}]" if concept.domain else "")]
    if concept.note:
        lines.append(f"  note: {concept.note}")
    if concept.source:
        lines.append(f"  source: {concept.source}")
    for lang in ("ru", "zh", "en"):
        terms = concept.terms_of(lang)
        if terms:
            lines.append(f"  {lang}: " + "; ".join(f"{t.text} ({t.status})" for t in terms))
    for lang in ("ru", "zh"):
        att = attestations.get((concept.id, lang))
        if att is None:
            lines.append(f"  {lang} in the documents: not found")
            continue
        docs = ", ".join(f"{d} ×{n}" for d, n in att.docs)
        lines.append(f"  {lang} in the documents: {att.freq} times in {len(att.docs)} document(s): {docs}")
        lines.append("    forms: " + ", ".join(f"{s} ×{n}" for s, n in att.surfaces))
        lines.extend(f"    {o.doc}:{o.line}:{o.column}  {o.context}" for o in att.examples)
    return "\n".join(lines) + "\n\n"
