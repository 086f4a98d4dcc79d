"""One name punctuated two ways in one document: «Один пояс – один путь» here, «Один пояс, один путь» there.

A reader takes two spellings for two names, and search, the termbase and a TM find only one of
them. The names looked at are the quoted ones (a slogan, an initiative, a programme); every place
the same words stand in the document, quoted or not, in the same form and joined only by spaces,
commas, dashes, colons or semicolons, is compared with the others by those separators and, where
both are quoted, by the quotation marks.

What is not a variant: a hyphen inside a word (``Wi-Fi``, ``COVID-19``, ``3D-печать`` are one word
each), a dash of another length (``–`` and ``—``: one class, as PDF extraction mixes them), another
inflection («Интернета вещей» and «Интернет вещей» are other word forms, so other names here), and
Chinese text, whose punctuation differs from Russian by rule (“一带一路” translates «Один пояс, один
путь»). Self-contained: the runner calls :func:`punctuation_variants` per document.

Cost: one pass to tokenise, then each quoted name is looked up through an index of first words;
at most :data:`MAX_NAMES` distinct names per document are compared, so hostile input stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding
from ruzh.checks.text import DocumentText

_QUOTED = regex.compile(r"«([^«»\n]{3,160})»|“([^“”\n]{3,160})”|„([^„“”\n]{3,160})[“”]|\"([^\"\n]{3,160})\"")
QUOTE_STYLES = {"«": "«»", "“": "“”", "„": "„“", '"': '""'}
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")
_SEPARATOR = regex.compile(r"[\s,;:\-‐‑‒–—―]*")
_DASH = regex.compile(r"\s[-‐‑‒–—―]\s|[‒–—―]")
_HAN = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"[\p{Cyrillic}\p{Latin}]")
_SEPARATOR_NAMES = {"␣": "a space", ",": "a comma", "–": "a dash", ":": "a colon", ";": "a semicolon"}
MIN_WORDS, MAX_WORDS = 2, 10
MAX_NAMES = 500


@dataclass(frozen=True, slots=True)
class _Place:
    start: int  # offset of the first word in the joined text
    end: int
    separators: tuple[str, ...]  # normalised: "␣", ",", "–", ":", ";" or their combinations
    quotes: str  # the quote pair around the words, or ""


def _normalise(separator: str) -> str:
    if _DASH.search(separator) or separator.strip() in ("-", "‐", "‑"):
        return "–"
    marks = "".join(ch for ch in separator if not ch.isspace())
    return marks or "␣"


def _tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    words, starts, ends = [], [], []
    for m in _WORD.finditer(text):
        words.append(m.group(0).lower())
        starts.append(m.start())
        ends.append(m.end())
    return words, starts, ends


def _names(text: str) -> list[tuple[str, ...]]:
    """Distinct quoted word sequences of Russian or Latin text, in document order (at most MAX_NAMES)."""
    seen: dict[tuple[str, ...], None] = {}
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if _HAN.search(inner) or not _LETTER.search(inner):
            continue
        key = tuple(w.lower() for w in _WORD.findall(inner))
        if MIN_WORDS <= len(key) <= MAX_WORDS:
            seen.setdefault(key, None)
        if len(seen) >= MAX_NAMES:
            break
    return list(seen)


def _quotes_around(text: str, start: int, end: int) -> str:
    before = text[:start].rstrip()[-1:]
    after = text[end:].lstrip()[:1]
    style = QUOTE_STYLES.get(before, "")
    return style if style and after == style[1] else ""


def _places(text: str, names: list[tuple[str, ...]]) -> dict[tuple[str, ...], list[_Place]]:
    words, starts, ends = _tokens(text)
    first: dict[str, list[int]] = defaultdict(list)
    wanted = {name[0] for name in names}
    for i, w in enumerate(words):
        if w in wanted:
            first[w].append(i)
    found: dict[tuple[str, ...], list[_Place]] = {}
    for name in names:
        n = len(name)
        places = []
        for i in first[name[0]]:
            if tuple(words[i : i + n]) != name:
                continue
            gaps = [text[ends[j] : starts[j + 1]] for j in range(i, i + n - 1)]
            if not all(_SEPARATOR.fullmatch(g) for g in gaps):
                continue  # a full stop, a bracket or a quote between the words: not one name
            end = ends[i + n - 1]
            seps = tuple(_normalise(g) for g in gaps)
            places.append(_Place(starts[i], end, seps, _quotes_around(text, starts[i], end)))
        found[name] = places
    return found


def _odd_ones(places: list[_Place]) -> Iterator[tuple[_Place, _Place, str]]:
    """(place, the usual place, what differs) for every place written otherwise than the first
    majority form: separators first, then quotation marks among the quoted places."""
    by_seps: dict[tuple[str, ...], list[_Place]] = defaultdict(list)
    for p in places:
        by_seps[p.separators].append(p)
    usual = max(by_seps.values(), key=len)[0]
    for p in places:
        if p.separators != usual.separators:
            yield p, usual, "punctuation"
    quoted = [p for p in places if p.quotes and p.separators == usual.separators]
    styles: dict[str, list[_Place]] = defaultdict(list)
    for p in quoted:
        styles[p.quotes].append(p)
    if len(styles) > 1:
        main = max(styles.values(), key=len)[0]
        for p in quoted:
            if p.quotes != main.quotes:
                yield p, main, "quotes"


def punctuation_variants(src: DocumentText) -> Iterator[Finding]:
    """Every place a quoted name of the document is punctuated or quoted otherwise than usual there."""
    text = src.text
    for places in _places(text, _names(text)).values():
        if len(places) < 2:
            continue
        for place, usual, what in _odd_ones(places):
            line, column = src.locate(place.start)
            at, _ = src.locate(usual.start)
            here, there = text[place.start : place.end], text[usual.start : usual.end]
            if what == "quotes":
                here, there = _quoted(here, place.quotes), _quoted(there, usual.quotes)
                detail = "other quotation marks"
            else:
                k = next(
                    k
                    for k, (a, b) in enumerate(zip(place.separators, usual.separators, strict=True))
                    if a != b
                )
                detail = f"{_said(place.separators[k])} where that place has {_said(usual.separators[k])}"
            yield finding(
                "name-punctuation-variants",
                f"'{here}' is written '{there}' at line {at} of this document ({detail}); "
                "write the name one way",
                src.name,
                line,
                column,
                text[place.start : place.end],
                related=(f"{there} ({src.name}:{at})",),
                context=here,
            )


def _said(separator: str) -> str:
    return _SEPARATOR_NAMES.get(separator, f"'{separator}'")


def _quoted(words: str, style: str) -> str:
    return f"{style[0]}{words}{style[1]}"
