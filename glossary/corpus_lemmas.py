"""The Russian lemma of an ambiguous noun chosen from the corpus's own forms.

pymorphy3 reads «белки» as белка or белок with the same score, and :func:`align.morphology.lemma`,
which sees one word, takes the first: a corpus on nutrition then pairs «белка» (squirrel) with
蛋白质. A corpus shows which paradigm its forms belong to: when every form the corpus lemmatized to
a noun is as well read as a form of other nouns, the lemma is the one of those whose paradigm
explains the most forms seen in the corpus («белков» is only белок's), and on a tie the one more
common in general use (wordfreq). A lemma with a form only its own paradigm explains («белка»
itself, «белкой») keeps it: the corpus then speaks of that word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

import regex
from ruzh.align.morphology import parses, tag_facts, token_key
from ruzh.glossary.scoring import general_frequencies
from ruzh.glossary.units import RuUnit, SentenceUnits
from ruzh.lang.ru import fold_yo

_CYRILLIC = regex.compile(r"\p{Cyrillic}+(?:-\p{Cyrillic}+)*")
# Another noun's reading is an alternative when its parses weigh at least this share of the
# likeliest lemma's (белки: белка 0.5, белок 0.5; not часы, 0.67, against час, 0.33).
ALTERNATIVE = 0.6
# A parse this much less likely than the word's likeliest one does not count: «гор» is гора (0.62),
# and the many faint readings of a noun гор (0.03 each) do not add up to an alternative.
FAINT = 0.05


def corpus_lemmas(
    spellings: Mapping[str, Iterable[str]], readings: dict[str, tuple[str, ...]] | None = None
) -> dict[str, str]:
    """Per lemma the corpus's forms are better explained by another noun's paradigm, that noun
    (``spellings``: each lemma's lower-case forms seen, as a :class:`glossary.collect_ru.RuCollector`
    keeps them; hyphenated words, which pymorphy3 only guesses, keep their lemma). ``readings``:
    the nouns each form may belong to, of forms read before (a build keeps them: pymorphy3's
    parses are most of the work), completed here with the forms read anew."""
    read = _readings if readings is None else _memo(readings)
    seen = {lemma: {fold_yo(f) for f in forms} for lemma, forms in spellings.items()}
    frequency = general_frequencies("ru")
    choice = {}
    for lemma, forms in seen.items():
        shared = _shared(lemma, forms, read)
        if shared:
            # the forms seen that each paradigm explains: its own and this lemma's
            explained = {n: sum(n in read(f) for f in forms | seen.get(n, set())) for n in shared}
            best = max(sorted(shared), key=lambda n: (explained[n], frequency.get(n, 0.0)))
            if best != lemma:
                choice[lemma] = best
    return choice


def _memo(readings: dict[str, tuple[str, ...]]) -> Callable[[str], tuple[str, ...]]:
    def read(form: str) -> tuple[str, ...]:
        found = readings.get(form)
        if found is None:
            found = readings[form] = _readings(form)
        return found

    return read


def _shared(lemma: str, forms: Iterable[str], read: Callable[[str], tuple[str, ...]]) -> set[str]:
    """The nouns that every form may belong to, when they are several and ``lemma`` is one of them."""
    if "-" in lemma:
        return set()
    shared: set[str] | None = None
    for form in forms:
        readings = set(read(form))
        shared = readings if shared is None else shared & readings
        if lemma not in readings or len(shared) < 2:
            return set()
    return shared or set()


@lru_cache(maxsize=200_000)
def _readings(form: str) -> tuple[str, ...]:
    """The nouns a form may belong to: the lemmas whose noun parses (each not :data:`FAINT`) weigh
    at least :data:`ALTERNATIVE` of the likeliest one's."""
    weight: Counter[str] = Counter()
    options = parses(form)
    for p in options:
        if tag_facts(p.tag).pos == "NOUN" and p.score >= FAINT * options[0].score:
            weight[fold_yo(str(p.normal_form))] += p.score
    top = max(weight.values(), default=0.0)
    return tuple(n for n, w in weight.items() if w >= ALTERNATIVE * top)


def corpus_spellings(texts: Iterable[str]) -> dict[str, set[str]]:
    """Each lemma's lower-case forms in ``texts`` (where no collector has counted them)."""
    out: dict[str, set[str]] = {}
    for text in texts:
        for m in _CYRILLIC.finditer(text):
            out.setdefault(token_key(m.group()), set()).add(m.group().lower())
    return out


def rekey(key: tuple[str, ...], choice: Mapping[str, str]) -> tuple[str, ...]:
    """A lemma key with the corpus's choices of lemma."""
    return tuple(choice.get(word, word) for word in key)


def rekeyed(sentences: Sequence[SentenceUnits], choice: Mapping[str, str]) -> list[SentenceUnits]:
    """The pairing units of the sentence pairs with the corpus's choices of lemma (each distinct
    sentence's units re-keyed once: a corpus repeats its sentences)."""
    if not choice:
        return list(sentences)
    done: dict[tuple[RuUnit, ...], tuple[RuUnit, ...]] = {}
    out = []
    for units in sentences:
        ru = done.get(units.ru)
        if ru is None:
            ru = done[units.ru] = tuple((rekey(key, choice), start, end) for key, start, end in units.ru)
        out.append(units if ru == units.ru else replace(units, ru=ru))
    return out
