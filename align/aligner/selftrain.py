"""Self-training: learn ru-lemma ↔ zh-bigram associations from a first pass, then realign.

On a long text the confident 1-1 beads of a first pass are a parallel corpus of their own. Russian
lemmas the lexicon does not know (names, terms of the field) are associated with Chinese character
bigrams by the Dice coefficient of their co-occurrence in those beads; pairs that co-occur often and
almost only together become temporary lexicon entries, and the text is aligned again. Whether this
helps is measured in ``bench/bench_align.py --self-train``; it is off for short texts, where there
are too few beads to learn from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex
from ruzh.align.lexicon import Lexicon
from ruzh.align.morphology import lemma
from ruzh.align.types import Bead

_RU_WORD = regex.compile(r"\p{Cyrillic}{3,}(?:-\p{Cyrillic}+)*")
_HAN_RUN = regex.compile(r"\p{Han}{2,}")
MIN_BEADS = 200  # fewer confident beads than this teach nothing reliable
MIN_JOINT = 2  # a pair must co-occur in at least this many beads
MIN_DICE = 0.6
MAX_BIGRAM_SHARE = 0.3  # bigrams found in more beads than this share are function-like


def _bigrams(text: str) -> set[str]:
    out: set[str] = set()
    for run in _HAN_RUN.findall(text):
        out.update(run[k : k + 2] for k in range(len(run) - 1))
    return out


def learn_pairs(
    ru: Sequence[str], zh: Sequence[str], beads: Sequence[Bead], lexicon: Lexicon, threshold: float = 0.9
) -> dict[str, list[str]]:
    """Unknown Russian lemma → Chinese bigrams that translate it, learned from confident 1-1 beads."""
    pairs = [(ru[b.src[0]], zh[b.tgt[0]]) for b in beads if b.kind == "1-1" and b.score >= threshold]
    if len(pairs) < MIN_BEADS:
        return {}
    ru_sets = [{lemma(w) for w in _RU_WORD.findall(r)} - lexicon.entries.keys() for r, _ in pairs]
    zh_sets = [_bigrams(z) for _, z in pairs]
    ru_count = Counter(x for s in ru_sets for x in s)
    zh_count = Counter(x for s in zh_sets for x in s)
    limit = MAX_BIGRAM_SHARE * len(pairs)
    keep_r = {x for x, c in ru_count.items() if c >= MIN_JOINT}
    keep_z = {x for x, c in zh_count.items() if MIN_JOINT <= c <= limit}
    joint: Counter[tuple[str, str]] = Counter()
    for rs, zs in zip(ru_sets, zh_sets, strict=True):
        local_z = zs & keep_z
        for r in rs & keep_r:
            joint.update((r, z) for z in local_z)
    learned: dict[str, list[tuple[float, str]]] = {}
    for (r, z), c in joint.items():
        if c < MIN_JOINT:
            continue
        dice = 2 * c / (ru_count[r] + zh_count[z])
        if dice >= MIN_DICE:
            learned.setdefault(r, []).append((dice, z))
    return {r: [z for _, z in sorted(found, reverse=True)[:2]] for r, found in learned.items()}


def extended(lexicon: Lexicon, learned: dict[str, list[str]]) -> Lexicon:
    """A copy of the lexicon with the learned pairs added under their own part of speech."""
    out = Lexicon(dict(lexicon.entries), [*lexicon.sources, f"learned:{len(learned)}"])
    for ru, zh in learned.items():
        out.add(ru, "LEARNED", zh)
    return out
