"""Pair terms across comparable documents by their contexts, where composition cannot reach them.

Rapp (1999), "Automatic identification of word translations from unrelated English and German
corpora", and Fung and Yee (1998): a word and its translation keep the same company. The context
of a Russian term is the lemmas of the sentences it occurs in, translated word by word through the
lexicon (each rendering gets an equal share); the context of a Chinese term is the words of its
sentences that some lexicon entry renders. Both are weighted by inverse sentence frequency and
compared by cosine; a pair is kept when each is the other's best match and the cosine reaches
:data:`MIN_COSINE`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick
from ruzh.align.morphology import lemma_key
from ruzh.glossary.candidates_zh import tagged
from ruzh.glossary.matching import RussianMatcher

MIN_COSINE = 0.25
# A term needs this many sentences on each side for its context to say anything.
MIN_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class ContextMatch:
    """A Russian term, the Chinese term whose contexts match it best, and the words they share."""

    ru: tuple[str, ...]
    zh: str
    cosine: float
    shared: tuple[str, ...]


def _idf(vectors: Iterable[dict[str, float]], sentences: int) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for v in vectors:
        for w in v:
            df[w] += 1
    return {w: math.log(1 + sentences / n) for w, n in df.items()}


def ru_contexts(
    keys: Sequence[tuple[str, ...]], texts: Iterable[str], lexicon: Mapping[str, Sequence[str]]
) -> dict[tuple[str, ...], dict[str, float]]:
    """Translated context vectors of Russian lemma keys, with the number of sentences under ``""``."""
    matcher = RussianMatcher((" ".join(k), " ".join(k)) for k in keys)
    out: dict[tuple[str, ...], dict[str, float]] = {k: defaultdict(float) for k in keys}
    for text in texts:
        hits = {tuple(h.concept.split(" ")) for h in matcher.find(text)}
        if not hits:
            continue
        lemmas = lemma_key(text)
        for key in hits:
            vector = out[key]
            vector[""] += 1
            for lemma in lemmas:
                renderings = lexicon.get(lemma, ())
                if lemma not in key:
                    for zh in renderings:
                        vector[zh] += 1 / len(renderings)
    return out


def zh_contexts(
    terms: Sequence[str], texts: Iterable[str], vocabulary: set[str]
) -> dict[str, dict[str, float]]:
    """Context vectors of Chinese terms over the words a lexicon entry renders."""
    auto = ahocorasick.Automaton()
    for term in terms:
        auto.add_word(term, term)
    out: dict[str, dict[str, float]] = {t: defaultdict(float) for t in terms}
    if not terms:
        return out
    auto.make_automaton()
    for text in texts:
        hits = {found for _, found in auto.iter(text)}
        if not hits:
            continue
        words = [p.word for p in tagged(text) if p.word in vocabulary]
        for term in hits:
            vector = out[term]
            vector[""] += 1
            for w in words:
                if w not in term:
                    vector[w] += 1
    return out


def _weighted(vector: dict[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    weights = {w: n * idf.get(w, 0.0) for w, n in vector.items() if w}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items()}


def match_contexts(
    ru: Mapping[tuple[str, ...], dict[str, float]], zh: Mapping[str, dict[str, float]]
) -> list[ContextMatch]:
    """Mutually best Russian–Chinese pairs by the cosine of their context vectors."""
    ru_ok = {k: v for k, v in ru.items() if v.get("", 0) >= MIN_SENTENCES}
    zh_ok = {k: v for k, v in zh.items() if v.get("", 0) >= MIN_SENTENCES}
    idf = _idf([*ru_ok.values(), *zh_ok.values()], len(ru_ok) + len(zh_ok))
    ru_w = {k: _weighted(v, idf) for k, v in ru_ok.items()}
    zh_w = {k: _weighted(v, idf) for k, v in zh_ok.items()}
    best_ru: dict[tuple[str, ...], tuple[float, str]] = {}
    best_zh: dict[str, tuple[float, tuple[str, ...]]] = {}
    for rk, rv in ru_w.items():
        for zk, zv in zh_w.items():
            cos = sum(x * zv[w] for w, x in rv.items() if w in zv)
            if cos > best_ru.get(rk, (0.0, ""))[0]:
                best_ru[rk] = (cos, zk)
            if cos > best_zh.get(zk, (0.0, ()))[0]:
                best_zh[zk] = (cos, rk)
    out = []
    for rk, (cos, zk) in sorted(best_ru.items()):
        if cos >= MIN_COSINE and best_zh[zk][1] == rk:
            shared = sorted((w for w in ru_w[rk] if w in zh_w[zk]), key=lambda w: -ru_w[rk][w] * zh_w[zk][w])
            out.append(ContextMatch(rk, zk, round(cos, 3), tuple(shared[:5])))
    return out
