"""Terminology across documents: one concept written several ways, deprecated and forbidden terms.

Terms are found with the glossary's own matchers (:mod:`glossary.matching`): Russian by lemma
sequence, so ``цифровой экономике`` and ``цифровая экономика`` are one form, not two variants;
Chinese as text over the running text, so a term broken over a PDF line is still one occurrence.

A reviewed glossary (``--glossary G.csv``) records decisions. It may be a termbase CSV
(``concept,lang,term,…,status``), whose preferred and admitted terms are all accepted, or the
review CSV of ``ruzh glossary build`` (``id,ru,zh,…,status,ru_variants,zh_variants``), read with
the glossary's own reader: a variant marked ``(deprecated)`` or ``(forbidden)`` is reported at
each use, and the forms of a row a reviewer ``approved`` are accepted (inline suppression).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import regex
from ruzh.align.morphology import WORD, lemma_key, token_key
from ruzh.checks.findings import Finding
from ruzh.checks.homoglyphs import mixed_words
from ruzh.checks.rules import finding
from ruzh.checks.summary import Fact, Summaries, TermbaseCheck
from ruzh.checks.text import DocumentText
from ruzh.core.errors import InputError
from ruzh.core.inputs import read_input
from ruzh.glossary.matching import ChineseMatcher, RussianMatcher, matchers
from ruzh.glossary.termbase import Concept, load_termbase, parse_termbase

if TYPE_CHECKING:
    from ruzh.glossary.entries import Entry

# Abbreviations are legitimate companions of their full form (ИКТ beside информационно-
# коммуникационные технологии, ICT beside 信息和通信技术), never "variants" of it.
_ABBREVIATION = regex.compile(
    r"[\p{Lu}\p{N}][\p{Lu}\p{N}\p{Ll}&/-]*\p{Lu}[\p{Lu}\p{N}\p{Ll}]*|[A-Za-z0-9 .&+-]+"
)
MAX_PLACES = 5
# Official and short names of a place (中华人民共和国 and 中国, КНР and Китай) are a choice of register,
# not an inconsistency; deprecated or forbidden names are still reported.
VARIANT_SKIP_DOMAINS = frozenset({"place"})


@dataclass(frozen=True, slots=True)
class Glossary:
    """Concepts with their statuses and the forms a reviewer accepted, plus ready matchers."""

    concepts: tuple[Concept, ...]
    accepted: frozenset[tuple[str, str]] = frozenset()  # (concept id, term text)
    _cache: dict[str, tuple[RussianMatcher, ChineseMatcher]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def matchers(self) -> tuple[RussianMatcher, ChineseMatcher]:
        """The Russian and Chinese matchers over every term (built once)."""
        if "m" not in self._cache:
            self._cache["m"] = matchers(self.concepts)
        return self._cache["m"]

    def by_id(self) -> dict[str, Concept]:
        """Concepts by id."""
        return {c.id: c for c in self.concepts}


# A termbase status a text must not use -> the rule that reports it (named in full, so grep finds it).
STATUS_RULES = {"deprecated": "term-deprecated", "forbidden": "term-forbidden"}


def _overlay(base: list[Concept], text: str, name: str) -> Glossary:
    """Apply a review CSV (``ruzh glossary build``, one row per concept) over the termbase."""
    from ruzh.glossary.entries import parse_csv

    return overlay(base, parse_csv(text, name))


# Unreviewed candidates the checks hold units to: the best of each language by termhood. The glossary
# lists every candidate for review, but its long tail holds wrong pairs (данная ~ 疫情 on the 500-pair
# benchmark), and checking every unit against all of them buried the findings: on that benchmark's
# 3,873 Russian and 1,329 Chinese candidates, 12,533 findings (unit-term-missing 5,900), against
# 1,988 with the 150 best of each (unit-term-missing 500).
CHECKED_CANDIDATES = 150


def checked(entries: Iterable[Entry]) -> list[Entry]:
    """The rows the checks use: all but the unreviewed candidates past the :data:`CHECKED_CANDIDATES`
    of best termhood in their language (Russian rows, then Chinese-only ones)."""
    rows = list(entries)
    by_lang: dict[bool, list[Entry]] = {True: [], False: []}  # Russian rows, Chinese-only rows
    for e in rows:
        if e.status == "candidate" and e.termhood is not None:
            by_lang[bool(e.ru)].append(e)
    dropped = {
        e.id for found in by_lang.values() for e in sorted(found, key=_by_termhood)[CHECKED_CANDIDATES:]
    }
    return [e for e in rows if e.id not in dropped]


def _by_termhood(entry: Entry) -> tuple[float, str]:
    return -(entry.termhood or 0.0), entry.id


def overlay(base: Iterable[Concept], entries: Iterable[Entry]) -> Glossary:
    """Apply the rows of a review glossary (``ruzh glossary build``: read from its CSV, or the
    entries a build holds) over the termbase.

    A row's terms replace the concept's (statuses as marked: ``智能城市 (deprecated)``); rows a
    reviewer ``approved`` also accept their preferred and admitted forms, which silences the
    "mixed" finding for them. ``rejected`` rows are left out; ``termbase`` and ``candidate`` rows
    record no decision, so their admitted variants are still reported when mixed. Of the candidates,
    the best of each language are checked (:func:`checked`).
    """
    base = list(base)
    by_id = {c.id: c for c in base}
    order = [c.id for c in base]
    accepted: set[tuple[str, str]] = set()
    for entry in checked(entries):
        if entry.status == "rejected":
            continue
        concept = entry.concept()
        old = by_id.get(entry.id)
        if old is not None:
            concept = replace(concept, domain=concept.domain or old.domain, en=concept.en or old.en)
        else:
            order.append(entry.id)
        by_id[entry.id] = concept
        if entry.status == "approved":
            accepted.update(
                (entry.id, t.text) for t in concept.terms if t.status in ("preferred", "admitted")
            )
    return Glossary(tuple(by_id[c] for c in order), frozenset(accepted))


def load_glossary(path: str | Path | None = None) -> Glossary:
    """The shipped termbase, overridden by a reviewed glossary CSV when one is given."""
    base = load_termbase()
    if path is None:
        return Glossary(tuple(base))
    name = str(path)
    try:
        text = read_input(path).decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read glossary: {exc.strerror}", file=name, hint="check the path") from exc
    except UnicodeDecodeError as exc:
        raise InputError("glossary is not UTF-8", file=name, hint="save it as UTF-8") from exc
    header = [h.strip().lower() for h in text.split("\n", 1)[0].split(",")]
    if {"concept", "lang", "term"} <= set(header):
        own = parse_termbase(text, name)
        ids = {c.id for c in own}
        accepted = {(c.id, t.text) for c in own for t in c.terms if t.status in ("preferred", "admitted")}
        return Glossary(tuple([c for c in base if c.id not in ids] + own), frozenset(accepted))
    if {"id", "ru", "zh", "status"} <= set(header):
        return _overlay(base, text, name)
    raise InputError(
        "glossary header is neither a termbase (concept,lang,term,status) nor a review CSV (id,ru,zh,status)",
        file=name,
        line=1,
        hint="export it with `ruzh glossary build` and edit it in a spreadsheet",
    )


@dataclass(frozen=True, slots=True)
class _Use:
    file: str
    line: int
    column: int
    shown: str  # as read: a term broken over a line end is joined, as the reader joins it


def _word_keys(src: DocumentText) -> tuple[Fact, ...]:
    """The matching key (lemma) of every distinct word of a document, as one fact of pairs."""
    keys = {w: token_key(w) for w in dict.fromkeys(WORD.findall(src.text))}
    return (Fact("keys", 0, 0, "", tuple(x for pair in keys.items() for x in pair)),)


def _term_facts(src: DocumentText, prepared: tuple[Fact, ...], glossary: Glossary) -> tuple[Fact, ...]:
    """Every use of a termbase form in one document: the form as read, (concept, lang, form)."""
    ru_m, zh_m = glossary.matchers()
    data = prepared[0].data if prepared else ()
    keys = dict(zip(data[::2], data[1::2], strict=True))
    tokens = list(WORD.finditer(src.text))
    words = [keys.get(t.group()) for t in tokens]
    ru_hits = ru_m.find_tokens(
        src.text,
        tokens,
        [k if k is not None else token_key(t.group()) for k, t in zip(words, tokens, strict=True)],
    )
    found: list[Fact] = []
    for lang, hits in (("ru", ru_hits), ("zh", zh_m.find(src.text))):
        seen: set[tuple[str, int, int]] = set()
        for hit in hits:
            if (hit.concept, hit.start, hit.end) in seen:
                continue  # two spellings of one form (интернет, Интернет) match the same words
            seen.add((hit.concept, hit.start, hit.end))
            line, col = src.locate(hit.start)
            found.append(Fact("use", line, col, src.text[hit.start : hit.end], (hit.concept, lang, hit.term)))
    return tuple(found)


def _uses(documents: Summaries) -> dict[tuple[str, str, str], list[_Use]]:
    """(concept, lang, termbase form) -> every place it is used, in corpus order."""
    out: dict[tuple[str, str, str], list[_Use]] = defaultdict(list)
    for name, facts in documents:
        for f in facts:
            concept, lang, term = f.data
            out[(concept, lang, term)].append(_Use(name, f.line, f.column, f.text))
    return out


def _place(u: _Use) -> str:
    return f"{u.file}:{u.line}:{u.column}"


def _summary(form: str, uses: list[_Use]) -> str:
    docs = Counter(u.file for u in uses)
    return f"{form} {len(uses)}× ({', '.join(f'{Path(d).name} {n}×' for d, n in docs.items())})"


def _check_terms(documents: Summaries, glossary: Glossary) -> Iterator[Finding]:
    """Deprecated and forbidden terms at each use; mixed variants of a concept once per form and file."""
    concepts = glossary.by_id()
    uses = _uses(documents)
    per_concept: dict[tuple[str, str], dict[str, list[_Use]]] = defaultdict(dict)
    for (cid, lang, form), found in uses.items():
        per_concept[(cid, lang)][form] = found
    for (cid, lang), forms in per_concept.items():
        concept_uses = _ConceptUses.of(concepts[cid], lang, forms)
        yield from _bad_terms(concept_uses, glossary)
        yield from _mixed(concept_uses, glossary)


@dataclass(frozen=True)
class _ConceptUses:
    """The forms of one concept found in one language, with the termbase's status of each."""

    concept: Concept
    lang: str
    forms: dict[str, list[_Use]]
    status: dict[str, str]
    preferred: list[str]

    @staticmethod
    def of(concept: Concept, lang: str, forms: dict[str, list[_Use]]) -> _ConceptUses:
        status = {t.text: t.status for t in concept.terms if t.lang == lang}
        preferred = [t.text for t in concept.terms if t.lang == lang and t.status == "preferred"]
        return _ConceptUses(concept, lang, forms, status, preferred)


def _bad_terms(uses: _ConceptUses, glossary: Glossary) -> Iterator[Finding]:
    concept, lang, forms, status, preferred = uses.concept, uses.lang, uses.forms, uses.status, uses.preferred
    better = preferred[0] if preferred else concept.label(lang)
    for form, found in forms.items():
        st = status.get(form, "")
        if st not in STATUS_RULES or (concept.id, form) in glossary.accepted:
            continue
        good = {t.text for t in concept.terms if t.lang == lang and t.status in ("preferred", "admitted")}
        for u in found:
            if any(True for _ in mixed_words(u.shown)) or u.shown.replace("一", "—") in good:
                continue  # a look-alike (IоT) or 一 for a dash: those rules report the slip itself
            yield finding(
                STATUS_RULES[st],
                f"'{u.shown}' is a {st} term for {concept.en or concept.id} ({concept.id}); write '{better}'",
                u.file,
                u.line,
                u.column,
                u.shown,
                related=(better,) if better else (),
                context=form,
            )


def _countable(form: str) -> bool:
    return not _ABBREVIATION.fullmatch(form)


def _contains(longer: str, shorter: str, lang: str) -> bool:
    if lang == "zh":
        return shorter in longer
    a, b = lemma_key(longer), lemma_key(shorter)
    return len(a) > len(b) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


def _mixed(uses: _ConceptUses, glossary: Glossary) -> Iterator[Finding]:
    concept, lang, forms, status, preferred = uses.concept, uses.lang, uses.forms, uses.status, uses.preferred
    if concept.domain in VARIANT_SKIP_DOMAINS:
        return
    live = {f: u for f, u in forms.items() if status.get(f) in ("preferred", "admitted") and _countable(f)}
    # A form containing another (технология блокчейн, блокчейн) is an expansion, not a rival spelling.
    live = {f: u for f, u in live.items() if not any(o != f and _contains(f, o, lang) for o in live)}
    if len(live) < 2:
        return
    ranked = sorted(live, key=lambda f: (f not in preferred, -len(live[f]), f))
    keep = ranked[0]
    overview = "; ".join(_summary(f, live[f]) for f in ranked)
    for form in ranked[1:]:
        if (concept.id, form) in glossary.accepted:
            continue
        first_in_file: dict[str, _Use] = {}
        for u in live[form]:
            first_in_file.setdefault(u.file, u)
        related = tuple(f"{f} {_place(u)}" for f in ranked if f != form for u in live[f][:MAX_PLACES])
        for u in first_in_file.values():
            yield finding(
                "term-variants-mixed",
                f"'{u.shown}' and '{keep}' name one concept ({concept.en or concept.id}, {concept.id}): "
                f"{overview}; choose one, or accept '{form}' in the reviewed glossary",
                u.file,
                u.line,
                u.column,
                u.shown,
                related=related,
                context=f"{concept.id}|{form}",
            )


TERMS = TermbaseCheck(_word_keys, _term_facts, _check_terms)
