"""Pairing above the sentence level: which Russian passage translates which Chinese passage.

Two cases matter in practice. A paper often carries a Russian and a Chinese abstract in one file
(seed 000): its abstract blocks are paired directly. Given several Russian and several Chinese
documents, every Russian/Chinese pair is scored on whole-text evidence (lexicon concepts and anchors
as weighted sets, plus the length ratio), pairs are taken greedily best first, one partner each, and
only those are aligned sentence by sentence. The passage score combines the text-level score with
the share of sentences that landed in confident beads, so a wrong pairing scores low.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import mul

from ruzh.align.aligner.core import align_sentences, default_lexicon
from ruzh.align.aligner.features import Bag, ru_side, zh_side
from ruzh.align.aligner.lexical import matcher_for
from ruzh.align.aligner.pair_index import indexed_pairs
from ruzh.align.lexicon import Lexicon
from ruzh.align.types import Bead, Document, Sentence

TEXT_ROLES = ("title", "heading", "body", "caption", "table")
MIN_TEXT_SCORE = 0.12  # below this a document pair shares too few concepts to be a translation
# Below this pair score documents of one field that are not translations are dropped: measured 0.198 for
# seeds 004/003 (same topic, not parallel) against 0.97-1.00 for FLORES articles and their translations.
MIN_PAIR_SCORE = 0.5
MAX_TRIES = 3  # candidate partners aligned per passage, best text score first
CONFIDENT = 0.5


@dataclass(frozen=True, slots=True)
class Passage:
    """Sentences of one language taken from one document (e.g. its abstract, or its body)."""

    doc: str
    lang: str
    kind: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class PassagePair:
    """A Russian passage, the Chinese passage it translates, their beads and a score in [0, 1]."""

    ru: Passage
    zh: Passage
    score: float
    text_score: float
    beads: tuple[Bead, ...]


def passages(document: Document) -> list[Passage]:
    """The abstracts and the main text of each language in a document (empty ones left out)."""
    out = []
    for lang in ("ru", "zh"):
        for kind, roles in (("abstract", ("abstract",)), ("text", TEXT_ROLES)):
            sents = tuple(
                s for b in document.blocks if b.lang == lang and b.role in roles for s in b.sentences
            )
            if sents:
                out.append(Passage(document.name, lang, kind, sents))
    return out


def passage_bags(passages: Sequence[Passage], lexicon: Lexicon) -> list[Bag]:
    """The concepts of each passage (union over its sentences); Chinese ones not yet restricted to
    the concepts the Russian side uses. Each bag depends on its passage alone."""
    return text_bags([(p.lang, [s.text for s in p.sentences]) for p in passages], lexicon)


def text_bags(passages: Sequence[tuple[str, Sequence[str]]], lexicon: Lexicon) -> list[Bag]:
    """:func:`passage_bags` of passages given as (language, sentence texts): all a bag reads of
    its passage, and much less to send to a worker than the sentences."""
    matcher = matcher_for(lexicon)
    out = []
    for lang, texts in passages:
        side = ru_side(texts, matcher) if lang == "ru" else zh_side(texts, matcher, None)
        out.append(_union(side.bags))
    return out


# Concept bags of passages, one per passage (the build caches them per passage).
PassageBagger = Callable[[Sequence[Passage], Lexicon], list[Bag]]


def _bags(
    ru: Sequence[Passage], zh: Sequence[Passage], lexicon: Lexicon, bagger: PassageBagger = passage_bags
) -> tuple[list[Bag], list[Bag]]:
    """One concept set per passage, weighted by how few passages share it."""
    return _weigh(bagger(ru, lexicon), bagger(zh, lexicon))


def _weigh(ru: Sequence[Bag], zh: Sequence[Bag]) -> tuple[list[Bag], list[Bag]]:
    """The passages' bags weighted by how few of them share each concept (Chinese concepts the
    Russian side does not use left out)."""
    ru_bags = [dict(bag) for bag in ru]
    vocabulary = set().union(*ru_bags)
    zh_bags = [{k: w for k, w in bag.items() if k in vocabulary} for bag in zh]
    total = len(ru_bags) + len(zh_bags)
    freq = Counter(chain.from_iterable((*ru_bags, *zh_bags)))
    idf = {key: math.log((total + 1.0) / n) for key, n in freq.items()}  # one logarithm per concept
    weigh = idf.__getitem__
    return _weighted(ru_bags, weigh), _weighted(zh_bags, weigh)


def _weighted(bags: Iterable[Bag], weigh: Callable[[str], float]) -> list[Bag]:
    """Each bag's weights times its concepts' ``weigh`` (the bag's order kept)."""
    return [dict(zip(bag, map(mul, bag.values(), map(weigh, bag)), strict=True)) for bag in bags]


def _union(bags: Iterable[Bag]) -> Bag:
    out: Bag = {}
    for bag in bags:
        for key, w in bag.items():
            out[key] = max(out.get(key, 0.0), w)
    return out


def text_score(ru_bag: Bag, zh_bag: Bag, ru_chars: int, zh_chars: int, ratio: float = 0.34) -> float:
    """Dice of two weighted concept sets, damped when lengths disagree with the usual ratio."""
    return _score(ru_bag, zh_bag, sum(ru_bag.values()), sum(zh_bag.values()), ru_chars, zh_chars, ratio)


def _score(
    ru_bag: Bag, zh_bag: Bag, ru_sum: float, zh_sum: float, ru_chars: int, zh_chars: int, ratio: float = 0.34
) -> float:
    """:func:`text_score` with each bag's sum of weights given (a pool's bags are summed once: the
    same additions in the same order, so the same floats)."""
    small, large = (ru_bag, zh_bag) if len(ru_bag) < len(zh_bag) else (zh_bag, ru_bag)
    common = [k for k in small if k in large]
    overlap = sum(map(min, map(small.__getitem__, common), map(large.__getitem__, common)))
    total = ru_sum + zh_sum
    dice = 2 * overlap / total if total else 0.0
    if not ru_chars or not zh_chars:
        return 0.0
    spread = abs(math.log(zh_chars / (ratio * ru_chars)))
    return dice * math.exp(-max(0.0, spread - 0.3))


def _chars(p: Passage) -> int:
    return sum(len(s.text) for s in p.sentences)


# Aligns a batch of (Russian passage, Chinese passage) pairs; the build runs the batch in parallel
# and caches it, the library default runs it in order.
BatchAligner = Callable[[Sequence[tuple[Passage, Passage]]], list[list[Bead]]]


def serial_aligner(lexicon: Lexicon) -> BatchAligner:
    """A batch aligner that aligns one pair after the other in this process."""

    def run(batch: Sequence[tuple[Passage, Passage]]) -> list[list[Bead]]:
        return [
            align_sentences([s.text for s in ru.sentences], [s.text for s in zh.sentences], lexicon)
            for ru, zh in batch
        ]

    return run


def pair_from_beads(ru: Passage, zh: Passage, text: float, beads: Sequence[Bead]) -> PassagePair:
    """The passage pair with its score: text-level evidence times the share of confidently aligned
    sentences, so a wrong pairing scores low."""
    covered = sum(len(b.src) + len(b.tgt) for b in beads if b.src and b.tgt and b.score >= CONFIDENT)
    share = covered / (len(ru.sentences) + len(zh.sentences))
    return PassagePair(ru, zh, round(math.sqrt(share * min(1.0, 2 * text)), 4), round(text, 4), tuple(beads))


# Up to this many Russian × Chinese pairs every pair is scored; above it, candidates come from an
# inverted index over the rarer concepts and only the best few per passage are scored exactly.
EXHAUSTIVE_PAIRS = 20_000


@dataclass
class ScoreMemo:
    """Text scores of an earlier run, so that a rebuild scores only the pairs whose passages changed.

    A pair's score depends only on its two passages' weighted concept bags (in order) and lengths;
    each passage is known here by a digest of those (``ru``, ``zh``, in pool order). ``scores`` holds
    every pair scored, by the two digests; ``pairs`` the pairs the candidate index proposed, by
    pool index, which still hold when the digests are all the same (the index depends on nothing
    else). :func:`find_parallel_passages` reads the memo and leaves this run's scores in it.
    """

    ru: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    scores: dict[tuple[str, str], float] = field(default_factory=dict)
    pairs: tuple[tuple[int, int], ...] | None = None
    reused: int = 0  # pairs whose score came from the memo in this run


def _digest(bag: Bag, chars: int) -> str:
    """The bag's concepts in order, their weights' exact bits and the length (no float printing)."""
    digest = hashlib.blake2b(str(chars).encode(), digest_size=16)
    digest.update("\x00".join(bag).encode())
    digest.update(b"\x01" + array("d", bag.values()).tobytes())
    return digest.hexdigest()


def _candidates(
    ru_pool: Sequence[Passage],
    zh_pool: Sequence[Passage],
    lex: Lexicon,
    min_text: float,
    bagger: PassageBagger = passage_bags,
    memo: ScoreMemo | None = None,
) -> list[tuple[float, int, int]]:
    """Scored (text score, ru index, zh index) candidates above ``min_text``, best first; pairs the
    ``memo`` knows are not scored again (the same scores), and the memo is left with this run's."""
    rb, zb = _bags(ru_pool, zh_pool, lex, bagger)
    ru_chars = [_chars(p) for p in ru_pool]
    zh_chars = [_chars(p) for p in zh_pool]
    old = memo or ScoreMemo()
    ru_ids = tuple(_digest(b, n) for b, n in zip(rb, ru_chars, strict=True))
    zh_ids = tuple(_digest(b, n) for b, n in zip(zb, zh_chars, strict=True))
    same = old.pairs is not None and (old.ru, old.zh) == (ru_ids, zh_ids)
    if len(ru_pool) * len(zh_pool) <= EXHAUSTIVE_PAIRS:
        pairs: Sequence[tuple[int, int]] = [(i, j) for i in range(len(ru_pool)) for j in range(len(zh_pool))]
    else:
        pairs = old.pairs if same and old.pairs is not None else indexed_pairs(rb, zb)
    ru_sums = [sum(b.values()) for b in rb]
    zh_sums = [sum(b.values()) for b in zb]
    scores: dict[tuple[str, str], float] = {}
    scored = []
    for i, j in pairs:
        ids = (ru_ids[i], zh_ids[j])
        score = old.scores.get(ids)
        if score is None:
            score = _score(rb[i], zb[j], ru_sums[i], zh_sums[j], ru_chars[i], zh_chars[j])
        scores[ids] = score
        scored.append((score, i, j))
    if memo is not None:
        memo.reused = sum(1 for ids in scores if ids in old.scores)
        indexed = None if len(pairs) == len(ru_pool) * len(zh_pool) else tuple(pairs)
        memo.ru, memo.zh, memo.scores, memo.pairs = ru_ids, zh_ids, scores, indexed
    return sorted((c for c in scored if c[0] >= min_text), reverse=True)


def _across(
    pool: Sequence[Passage],
    lex: Lexicon,
    min_text: float,
    min_pair: float,
    aligner: BatchAligner,
    bagger: PassageBagger = passage_bags,
    memo: ScoreMemo | None = None,
) -> list[PassagePair]:
    """Russian and Chinese passages of different documents paired greedily, best text score first.

    Work goes in rounds: each round takes, best first, candidates whose two passages are still free
    and untried in this round, aligns them as one batch, and keeps the pairs that score well. A
    passage gets at most ``MAX_TRIES`` alignments: aligning is the costly step.
    """
    ru_pool = [p for p in pool if p.lang == "ru"]
    zh_pool = [p for p in pool if p.lang == "zh"]
    if not ru_pool or not zh_pool:
        return []
    remaining = _candidates(ru_pool, zh_pool, lex, min_text, bagger, memo)
    found: list[PassagePair] = []
    used: set[tuple[str, int]] = set()
    tries: dict[tuple[str, int], int] = {}
    while remaining:
        batch: list[tuple[float, int, int]] = []
        claimed: set[tuple[str, int]] = set()
        left: list[tuple[float, int, int]] = []
        for s, i, j in remaining:
            ends = (("ru", i), ("zh", j))
            if any(e in used or tries.get(e, 0) >= MAX_TRIES for e in ends):
                continue
            if any(e in claimed for e in ends):
                left.append((s, i, j))
                continue
            claimed.update(ends)
            batch.append((s, i, j))
        if not batch:
            break
        beads = aligner([(ru_pool[i], zh_pool[j]) for _, i, j in batch])
        for (s, i, j), pair_beads in zip(batch, beads, strict=True):
            ends = (("ru", i), ("zh", j))
            for e in ends:
                tries[e] = tries.get(e, 0) + 1
            pair = pair_from_beads(ru_pool[i], zh_pool[j], s, pair_beads)
            if pair.score >= min_pair and not any(e in used for e in ends):
                used.update(ends)
                found.append(pair)
        remaining = left
    return found


def _abstract_pairs(
    both: Sequence[tuple[Sequence[Passage], Sequence[Passage]]], lex: Lexicon, bagger: PassageBagger
) -> list[tuple[Passage, Passage, float]]:
    """Each document's first Russian and first Chinese abstract with their text score, the bags
    weighted within the document. The bags of every document's abstracts are asked for at once
    (a build makes them on its pool, where one document's at a time would run them one by one)."""
    ru = bagger([p for r, _ in both for p in r], lex)
    zh = bagger([p for _, z in both for p in z], lex)
    out = []
    i = j = 0
    for r, z in both:
        rb, zb = _weigh(ru[i : i + len(r)], zh[j : j + len(z)])
        i, j = i + len(r), j + len(z)
        out.append((r[0], z[0], text_score(rb[0], zb[0], _chars(r[0]), _chars(z[0]))))
    return out


def find_parallel_passages(
    documents: Sequence[Document],
    lexicon: Lexicon | None = None,
    min_text_score: float = MIN_TEXT_SCORE,
    min_pair_score: float = MIN_PAIR_SCORE,
    aligner: BatchAligner | None = None,
    bagger: PassageBagger = passage_bags,
    memo: ScoreMemo | None = None,
) -> list[PassagePair]:
    """Parallel passages among documents: abstracts within a document, then documents across.

    Every Russian passage is paired with at most one Chinese passage and vice versa; pairs are
    tried best text score first, kept when their aligned score reaches ``min_pair_score`` (abstract
    pairs inside one document are always kept), and returned with their beads, best score first.
    ``bagger`` gives each passage's concepts (a build passes one that caches them per passage);
    ``memo`` holds an earlier run's text scores (see :class:`ScoreMemo`; the result is the same).
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    run = aligner or serial_aligner(lex)
    both: list[tuple[list[Passage], list[Passage]]] = []  # the abstracts of documents with both
    pool: list[Passage] = []
    for doc in documents:
        parts = passages(doc)
        ru_abs = [p for p in parts if p.lang == "ru" and p.kind == "abstract"]
        zh_abs = [p for p in parts if p.lang == "zh" and p.kind == "abstract"]
        if ru_abs and zh_abs:
            both.append((ru_abs, zh_abs))
        pool.extend(p for p in parts if p.kind == "text")
    abstracts = _abstract_pairs(both, lex, bagger) if both else []
    beads = run([(ru, zh) for ru, zh, _ in abstracts]) if abstracts else []
    found = [pair_from_beads(ru, zh, s, b) for (ru, zh, s), b in zip(abstracts, beads, strict=True)]
    found.extend(_across(pool, lex, min_text_score, min_pair_score, run, bagger, memo))
    return sorted(found, key=lambda p: -p.score)


def score_documents(
    ru_docs: Sequence[Sequence[str]], zh_docs: Sequence[Sequence[str]], lexicon: Lexicon | None = None
) -> list[list[float]]:
    """Text-level score of every Russian/Chinese document pair given as sentence lists (for ranking)."""
    lex = lexicon if lexicon is not None else default_lexicon()
    ru = [Passage(f"ru{k}", "ru", "text", tuple(_plain(d, "ru"))) for k, d in enumerate(ru_docs)]
    zh = [Passage(f"zh{k}", "zh", "text", tuple(_plain(d, "zh"))) for k, d in enumerate(zh_docs)]
    rb, zb = _bags(ru, zh, lex)
    return [
        [text_score(rb[i], zb[j], _chars(r), _chars(z)) for j, z in enumerate(zh)] for i, r in enumerate(ru)
    ]


def _plain(texts: Sequence[str], lang: str) -> list[Sentence]:
    return [Sentence("", lang, "body", 0, t, k + 1, 1) for k, t in enumerate(texts)]
