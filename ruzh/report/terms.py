"""Glossary terms marked in sentences, with the counterpart in the other language on hover.

Russian terms are found by lemma sequence and Chinese ones as text, with the glossary's own
matchers (:mod:`glossary.matching`), so the report marks exactly what attestation counted: every
case form of ``цифровая экономика``, and ``数字经济`` without a second mark for the ``经济`` inside it.
Rejected rows are not marked.
"""

from __future__ import annotations

from collections.abc import Iterable

from ruzh.glossary.entries import Entry
from ruzh.glossary.matching import Hit, matchers
from ruzh.report.html import Safe, esc, tag


class TermMarker:
    """Marks the terms of a glossary in Russian or Chinese text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        """Build the matchers once for the whole report (Russian terms are lemmatised here)."""
        live = [e for e in entries if e.status != "rejected" and (e.ru or e.zh)]
        self._entries = {e.id: e for e in live}
        self._status = {(e.id, t.lang, t.text): t.status for e in live for t in e.terms()}
        self._ru, self._zh = matchers(e.concept() for e in live)
        # Each sentence is shown twice (its pair's page and its document's page), and a corpus
        # repeats sentences: each text is searched once.
        self._found: dict[tuple[str, str], tuple[Hit, ...]] = {}

    def hits(self, text: str, lang: str) -> tuple[Hit, ...]:
        """Non-overlapping term occurrences, leftmost first (one per span, the first concept)."""
        found = self._found.get((text, lang))
        if found is None:
            found = self._found[(text, lang)] = tuple(self._hits(text, lang))
        return found

    def _hits(self, text: str, lang: str) -> list[Hit]:
        matcher = self._ru if lang == "ru" else self._zh if lang == "zh" else None
        if matcher is None:
            return []
        out: list[Hit] = []
        end = 0
        for hit in sorted(matcher.find(text), key=lambda h: (h.start, -h.end, h.concept)):
            if hit.start >= end and hit.concept in self._entries:
                out.append(hit)
                end = hit.end
        return out

    def mark(self, text: str, lang: str) -> Safe:
        """The escaped text with ``<mark class="term">`` around every term occurrence."""
        parts: list[str] = []
        pos = 0
        for hit in self.hits(text, lang):
            parts.append(esc(text[pos : hit.start]))
            status = self._status.get((hit.concept, lang, hit.term), "admitted")
            parts.append(
                tag(
                    "mark",
                    text[hit.start : hit.end],
                    class_=f"term term-{status}",
                    title=self.title(hit.concept, lang, status),
                    data_concept=hit.concept,
                )
            )
            pos = hit.end
        parts.append(esc(text[pos:]))
        return Safe("".join(parts))

    def title(self, concept: str, lang: str, status: str) -> str:
        """Hover text: the counterpart first, then English, the concept id and the row's status."""
        entry = self._entries[concept]
        other = entry.zh if lang == "ru" else entry.ru
        counterpart = other or ("(no Chinese term yet)" if lang == "ru" else "(no Russian term yet)")
        bits = [counterpart]
        if entry.en:
            bits.append(entry.en)
        bits.append(f"{entry.id}, {entry.status}")
        text = " — ".join(bits)
        if status in ("deprecated", "forbidden"):
            preferred = entry.ru if lang == "ru" else entry.zh
            text = f"{status} term; use {preferred or 'the preferred term'} · {text}"
        return text
