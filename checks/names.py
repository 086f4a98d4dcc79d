"""A name spelled two ways across the corpus: ``Haier`` four times and ``Hair`` once in seed 004.

Candidates are capitalised words inside a sentence (a capital after ``.`` or at a line start says
nothing). Latin words are compared as written, Russian ones by lemma, so ``Минска`` and ``Минск``
are one name. Two names one edit apart (a letter dropped, added or changed) are reported when one
is clearly the usual spelling (used at least twice and more often than the other), and the edit is
inside the word: a different first letter makes another name (Wall, Mall), and for Russian the last
two letters carry case endings. For Russian, at least one of the two must be unknown to the
dictionary, since two real words may differ by a letter (``Рост``, ``Рот``). Each use of the
rarer spelling is a finding; the usual one is in ``related``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex
from ruzh.align.morphology import is_known_word, lemma
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding
from ruzh.checks.summary import CorpusCheck, Fact, Summaries
from ruzh.checks.text import DocumentText

_NAME = regex.compile(r"(?<![\p{L}\p{N}-])\p{Lu}\p{Ll}{3,}(?![\p{L}\p{N}])")
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:;»\"”]\s*|\s{2,})$")
_LATIN = regex.compile(r"\p{Latin}+")
_CYRILLIC = regex.compile(r"\p{Cyrillic}+")
MAX_PLACES = 5


@dataclass(frozen=True, slots=True)
class _Use:
    file: str
    line: int
    column: int
    shown: str  # as read (a name hyphenated over a line end is joined)


def edit_positions(a: str, b: str) -> list[int]:
    """Where ``b`` differs from ``a`` by one letter dropped, added or changed (empty: not one edit)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return []
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return diff if len(diff) == 1 else []
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return [i for i in range(len(long_)) if long_[:i] + long_[i + 1 :] == short]


def _inside(a: str, b: str, cyrillic: bool) -> bool:
    """The edit is inside the word: not its first letter (Wall/Mall, Порт/Норт are other words) and,
    for Russian, not in the last two letters, where case endings and lemmatiser guesses differ."""
    end = max(len(a), len(b)) - (2 if cyrillic else 0)
    return any(0 < i < end for i in edit_positions(a, b))


def _name_facts(src: DocumentText) -> tuple[Fact, ...]:
    """A document's uses of capitalised words inside sentences (``use``: the form as read, its key)
    and its capitalised words after a sentence start (``start``: counted, though a capital there
    proves nothing)."""
    text = src.text
    found: list[Fact] = []
    for m in _NAME.finditer(text):
        word = m.group(0)
        if _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
            found.append(Fact("start", 0, 0, word))
            continue
        if _LATIN.fullmatch(word):
            key = word
        elif _CYRILLIC.fullmatch(word):
            key = lemma(word).capitalize()
        else:
            continue
        line, col = src.locate(m.start())
        found.append(Fact("use", line, col, word, (key,)))
    return tuple(found)


def _names(documents: Summaries) -> tuple[dict[str, list[_Use]], Counter[str]]:
    """Uses of capitalised words inside sentences by key, and counts of every use of those keys."""
    uses: dict[str, list[_Use]] = defaultdict(list)
    total: Counter[str] = Counter()
    for name, facts in documents:
        for f in facts:
            if f.kind == "start":
                total[f.text] += 1
            else:
                uses[f.data[0]].append(_Use(name, f.line, f.column, f.text))
                total[f.data[0]] += 1
    return uses, total


def _deletions(word: str) -> set[str]:
    """The word in lower case, and with each one of its letters deleted."""
    low = word.lower()
    return {low, *(low[:i] + low[i + 1 :] for i in range(len(low)))}


class _OneEdit:
    """Names one edit apart, found through their one-letter deletions (two words one letter apart
    share one: the shorter itself, or both without the changed letter), so a corpus of many names is
    not compared pair by pair."""

    def __init__(self, names: Iterable[str]) -> None:
        self.order = {name: i for i, name in enumerate(names)}
        self.index: dict[str, list[str]] = defaultdict(list)
        for name in self.order:
            for form in _deletions(name):
                self.index[form].append(name)

    def candidates(self, name: str) -> list[str]:
        """Names that may be one edit from ``name`` (and itself): shorter, as long, longer ones,
        each group in corpus order."""
        found = {n for form in _deletions(name) for n in self.index.get(form, ())}
        return sorted(found, key=lambda n: (len(n), self.order[n]))


def _plausible_pair(usual: str, rare: str) -> bool:
    if _LATIN.fullmatch(usual):
        return True
    return not (is_known_word(usual) and is_known_word(rare))


def _two_spellings(documents: Summaries) -> Iterator[Finding]:
    """Uses of the rarer of two spellings of one name, one edit apart."""
    uses, total = _names(documents)
    near = _OneEdit(uses)
    for rare, rare_uses in uses.items():
        for usual in near.candidates(rare):
            n_usual = len(uses[usual])
            cyrillic = bool(_CYRILLIC.fullmatch(usual))
            if n_usual < 2 or n_usual <= len(rare_uses) or len(usual) < (6 if cyrillic else 4):
                continue
            if not _inside(usual.lower(), rare.lower(), cyrillic):
                continue
            if not _plausible_pair(usual, rare):
                continue
            related = tuple(f"{u.shown} {u.file}:{u.line}:{u.column}" for u in uses[usual][:MAX_PLACES])
            for u in rare_uses:
                yield finding(
                    "name-two-spellings",
                    f"'{u.shown}' looks like a misspelling of '{usual}', written so {total[usual]}× "
                    f"in the corpus; use one spelling",
                    u.file,
                    u.line,
                    u.column,
                    u.shown,
                    related=related,
                    context=f"{rare}|{usual}",
                )


TWO_SPELLINGS = CorpusCheck(_name_facts, _two_spellings)
