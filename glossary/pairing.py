"""Pair Russian and Chinese terms across comparable text by composition (aligned units: ``linking``).

Comparable documents (not translations of each other): translate the parts of a Russian phrase
with the lexicon and the termbase and put them in Chinese order (цифровой→数字 + правительство→政府
⇒ 数字政府; a genitive dependent goes first: развитие экономики ⇒ 经济发展); a composition is kept
only when the Chinese documents use it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

# Renderings tried per word when composing: beyond a few, compositions only add noise.
_MAX_RENDERINGS = 6


@dataclass(frozen=True, slots=True)
class Pairing:
    """A proposed translation of a Russian lemma sequence: the Chinese term, its score and why."""

    ru: tuple[str, ...]
    zh: str
    score: float
    evidence: str
    method: str


def _renderings(lemmas: tuple[str, ...], lexicon: Mapping[str, Sequence[str]]) -> list[str]:
    found = lexicon.get(" ".join(lemmas))
    return list(found[:_MAX_RENDERINGS]) if found else []


def _orders(key: tuple[str, ...], pattern: str) -> list[list[tuple[str, ...]]]:
    """The parts of a phrase in Chinese order; bigger known parts are tried too."""
    if pattern == "NOUN+NOUN(gen)":
        return [[key[1:], key[:1]]]
    if pattern == "ADJ+NOUN+NOUN(gen)":
        return [[key[2:], key[:1], key[1:2]], [key[2:], key[:2]]]
    if len(key) == 3:
        return [[key[:1], key[1:2], key[2:]], [key[:1], key[1:]], [key[:2], key[2:]]]
    return [[(k,) for k in key]]


def compose(key: tuple[str, ...], pattern: str, lexicon: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Chinese compositions of a Russian phrase: ``{composition: ["ru→zh", …]}``."""
    out: dict[str, list[str]] = {}
    for parts in _orders(key, pattern):
        options = [_renderings(p, lexicon) for p in parts]
        if not all(options):
            continue
        for combo in itertools.product(*options):
            text = "".join(combo)
            out.setdefault(text, [f"{' '.join(p)}→{z}" for p, z in zip(parts, combo, strict=True)])
    return out


def compose_and_attest(
    candidates: Iterable[tuple[tuple[str, ...], str]],
    lexicon: Mapping[str, Sequence[str]],
    zh_texts: Iterable[tuple[str, str]],
) -> dict[tuple[str, ...], Pairing]:
    """Compositions of each ``(key, pattern)`` kept when the Chinese ``(doc, text)`` items use them."""
    proposals: dict[tuple[str, ...], dict[str, list[str]]] = {}
    auto: Any = ahocorasick.Automaton()
    for key, pattern in candidates:
        comps = compose(key, pattern, lexicon)
        if comps:
            proposals[key] = comps
            for text in comps:
                auto.add_word(text, text)
    if not proposals:
        return {}
    auto.make_automaton()
    freq: Counter[str] = Counter()
    docs: dict[str, set[str]] = {}
    for doc, text in zh_texts:
        for _, found in auto.iter(text):
            freq[found] += 1
            docs.setdefault(found, set()).add(doc)
    out: dict[tuple[str, ...], Pairing] = {}
    for key, comps in proposals.items():
        attested = [(freq[t], len(docs.get(t, ())), t) for t in comps if freq[t]]
        if not attested:
            continue
        # a one-character rendering (市, 带) is counted inside longer words too: longer ones first
        f, n_docs, text = max(attested, key=lambda x: (len(x[2]) >= 2, x[0], x[1], len(x[2])))
        parts = " + ".join(comps[text])
        evidence = f"composed: {parts}; {text} attested {f}× in {n_docs} Chinese document(s)"
        out[key] = Pairing(key, text, float(f), evidence, "composed")
    return out


def lexicon_table(pairs: Iterable[tuple[str, str]] = ()) -> dict[str, tuple[str, ...]]:
    """Lemma sequence (space-joined) → Chinese renderings: the shipped lexicon plus ``(ru, zh)`` pairs."""
    from ruzh.align.lexicon import load_lexicon

    lex = load_lexicon(extra_pairs=pairs)
    return {key: entry.zh for key, entry in lex.entries.items()}
