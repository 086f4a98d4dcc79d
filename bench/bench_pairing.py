"""Development check of the term pairing over aligned units, with held-out lexicon entries as gold.

A fifth of the shipped lexicon's entries (``align/data/lexicon/``) is held out: a key is held out
when a hash of the key and the split's seed says so, so that entries added to the lexicon leave the
others' draw as it was and figures stay comparable across lexicon versions. The pairing gets the
other entries as its prior and the aligned sentence pairs of FLORES-200 devtest and Tatoeba
(Simplified Chinese side) from ``../shared/data``. Measured on each split (seeds 1–5 by default,
with their mean and range; the first split's lists are printed to read):

- recall: held-out nouns whose Russian lemma and one of whose Chinese renderings occur together in
  at least two sentence pairs (the gold pairs that recur), and that get one of those renderings as
  their first partner; and "of pairs that recur": the nouns one of whose renderings recurs by
  itself (two sentence pairs with the same rendering, as a pair of a terminology recurs: встреча
  seen once with 会议 and once with 会面 counts in the first figure only) whose first partner is such
  a rendering;
- wrong: first partners of Russian nouns the full lexicon knows, judged against the full lexicon
  ("lenient": a rendering inside the partner or the partner inside a rendering also counts as
  right, e.g. 学生 for 大学生); and the same among the held-out nouns only (those the pairing had to
  find without their renderings: the case of a corpus's own terms);
- multi-word recall and wrong: the lexicon has no phrases, so the gold is the Russian noun phrases
  of two or three words whose words' full-lexicon renderings, in some order, stand as one contiguous
  string on the Chinese side (развитая страна ~ 发达国家 = 发达 + 国家). Recall counts the phrases
  with a held-out word whose composed rendering recurs in two sentence pairs; wrong counts the
  paired phrases with a composed rendering seen whose partner is not lenient-right against it (a
  right but not compositional partner counts as wrong: мобильный телефон ~ 手机);
- a sample of pairs of multi-word units to read.

On the seeds (comparable documents, not translations; ``--seeds``): the share of recurring Russian
candidates that get a Chinese partner, and the top 50 pairs by termhood to read.

    python bench/bench_pairing.py [--seed 1 2 3 4 5] [--sample 40] [--data ../shared/data] [--corpus flores]
    python bench/bench_pairing.py --seeds

Comparable text (``--comparable``): FLORES-200 devtest's Russian and Chinese sides as two
monolingual corpora (no sentence alignment used). Held-out nouns seen in at least three Russian
sentences are matched by context (``glossary.context``) against every Chinese candidate (word or
compound, as the glossary proposes them) seen in three sentences; recall and precision against the
held-out renderings.

    python bench/bench_pairing.py --comparable
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pairing_side_reports import comparable_report, seeds_report
from ruzh.align.aligner.perturb import read_flores, read_tatoeba
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.corpus_lemmas import corpus_lemmas, corpus_spellings, rekey, rekeyed
from ruzh.glossary.linking import Link, link_units
from ruzh.glossary.units import OTHER, SentenceUnits, ru_units, sentence_units


def load_pairs(data: Path, corpus: str = "both") -> list[tuple[str, str]]:
    """FLORES-200 devtest and Tatoeba (Simplified), or one of them, as aligned (ru, zh) sentence pairs."""
    ru_f, zh_f, _ = read_flores(data) if corpus != "tatoeba" else ([], [], None)
    ru_t, zh_t = read_tatoeba(data) if corpus != "flores" else ([], [])
    return list(zip(ru_f + ru_t, zh_f + zh_t, strict=True))


def gold_recurring(
    pairs: list[tuple[str, str]],
    held: dict[str, tuple[str, ...]],
    choice: Mapping[str, str] | None = None,
    one: bool = False,
) -> dict[str, int]:
    """Held-out nouns whose lemma (as a unit, with the corpus's ``choice`` of lemmas) and a
    rendering share at least two sentence pairs (``one``: the same rendering twice, as a pair of a
    terminology recurs, keyed ``lemma<TAB>rendering``; встреча seen once with 会议 and once with 会面
    is not)."""
    together: Counter[str] = Counter()
    for ru, zh in pairs:
        keys = {" ".join(rekey(u[0], choice or {})) for u in ru_units(ru)}
        for key in keys & held.keys():
            seen = {z for z in held[key] if z in zh}
            if seen:
                together.update({f"{key}\t{z}" for z in seen} if one else {key})
    return {k: n for k, n in together.items() if n >= 2}


def _lenient(partner: str, renderings: tuple[str, ...]) -> bool:
    return any(z in partner or partner in z for z in renderings)


def held_out(keys: Iterable[str], seed: int) -> set[str]:
    """The held-out fifth of the lexicon's keys for a split: each key is chosen by a hash of the key
    and the seed, so that a key added to the lexicon does not redraw the others."""
    return {
        k
        for k in keys
        if int(hashlib.blake2b(f"{seed}\t{k}".encode(), digest_size=8).hexdigest(), 16) % 5 == 0
    }


def compositions(key: tuple[str, ...], lexicon: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The Chinese strings the lexicon composes for a Russian phrase: one rendering of each word, in
    any order (a genitive dependent goes first in Chinese: 提高生产率 and 生产率提高 both count)."""
    if any(w not in lexicon for w in key):
        return set()
    return {
        "".join(parts)
        for order in itertools.permutations(key)
        for parts in itertools.product(*(lexicon[w] for w in order))
    }


@dataclass
class Phrase:
    """A Russian noun phrase's composed renderings seen in the aligned Chinese, and in how many pairs."""

    sentences: int = 0
    renderings: Counter[str] = field(default_factory=Counter)


def composed_phrases(
    sentences: Sequence[SentenceUnits], zh_texts: Sequence[str], lexicon: Mapping[str, tuple[str, ...]]
) -> dict[tuple[str, ...], Phrase]:
    """Russian noun phrases of two or three words whose composed rendering (the longest, where one
    holds another: 发达国家, not 发达国) stands as a contiguous string on the Chinese side of their
    sentence pairs: multi-word gold without a terminology."""
    seen: dict[tuple[str, ...], Phrase] = {}
    cache: dict[tuple[str, ...], set[str]] = {}
    for units, zh in zip(sentences, zh_texts, strict=True):
        for key in {k for k, _, _ in units.ru if 2 <= len(k) <= 3 and k[0] != OTHER}:
            if key not in cache:
                cache[key] = compositions(key, lexicon)
            hits = {z for z in cache[key] if z in zh}
            longest = {z for z in hits if not any(z != y and z in y for y in hits)}
            if longest:
                phrase = seen.setdefault(key, Phrase())
                phrase.sentences += 1
                phrase.renderings.update(longest)
    return seen


@dataclass(frozen=True)
class Split:
    """The figures of one held-out split."""

    seed: int
    found: int
    gold: int
    pair_found: int
    pair_gold: int
    judged: int
    wrong: int
    held_judged: int
    held_wrong: int
    multi_found: int
    multi_gold: int
    multi_judged: int
    multi_wrong: int

    def line(self) -> str:
        return (
            f"seed {self.seed}: recall {self.found}/{self.gold} = {_ratio(self.found, self.gold):.3f} "
            f"(of pairs that recur {self.pair_found}/{self.pair_gold} = "
            f"{_ratio(self.pair_found, self.pair_gold):.3f}), wrong "
            f"{self.wrong}/{self.judged} = {_ratio(self.wrong, self.judged):.3f} (held-out "
            f"{self.held_wrong}/{self.held_judged} = {_ratio(self.held_wrong, self.held_judged):.3f}); "
            "multi-word recall "
            f"{self.multi_found}/{self.multi_gold} = {_ratio(self.multi_found, self.multi_gold):.3f}, wrong "
            f"{self.multi_wrong}/{self.multi_judged} = {_ratio(self.multi_wrong, self.multi_judged):.3f}"
        )


def _ratio(a: int, b: int) -> float:
    return a / max(1, b)


def _summary(splits: Sequence[Split]) -> None:
    for label, num, den in (
        ("recall", "found", "gold"),
        ("recall of pairs that recur", "pair_found", "pair_gold"),
        ("wrong", "wrong", "judged"),
        ("wrong among held-out nouns", "held_wrong", "held_judged"),
        ("multi-word recall", "multi_found", "multi_gold"),
        ("multi-word wrong", "multi_wrong", "multi_judged"),
    ):
        values = [_ratio(getattr(s, num), getattr(s, den)) for s in splits]
        print(f"  {label}: mean {sum(values) / len(values):.3f}, range {min(values):.3f}–{max(values):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument(
        "--seed", type=int, nargs="+", default=[1, 2, 3, 4, 5], help="held-out splits (the first is detailed)"
    )
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seeds", action="store_true", help="the seeds' figures instead")
    parser.add_argument("--comparable", action="store_true", help="context pairing on unaligned FLORES")
    parser.add_argument(
        "--corpus", choices=("both", "flores", "tatoeba"), default="both", help="pair over one half only"
    )
    parser.add_argument(
        "--wrong", action="store_true", help="list every split's wrong held-out pairs with their counts"
    )
    parser.add_argument(
        "--no-lexicon", action="store_true", help="pair without a prior (a new domain), judged on all nouns"
    )
    args = parser.parse_args()
    if args.seeds:
        return seeds_report()
    if args.comparable:
        return comparable_report(args.data, lambda keys: held_out(keys, args.seed[0]))
    entries = shipped_entries()
    full = {e.ru: e.zh for e in entries}
    nouns = {e.ru for e in entries if e.pos in ("NOUN", "NAME", "PROPN")}
    pairs = load_pairs(args.data, args.corpus)
    started = time.process_time()
    choice = corpus_lemmas(corpus_spellings(ru for ru, _ in pairs))  # as a build chooses them
    sentences = rekeyed([sentence_units(ru, zh) for ru, zh in pairs], choice)
    units_cpu = time.process_time() - started
    phrases = composed_phrases(sentences, [zh for _, zh in pairs], full)
    print(
        f"pairs: {len(pairs)} aligned sentence pairs ({args.corpus}); CPU: units {units_cpu:.2f} s (jieba, "
        f"pymorphy3 loading); {len(phrases)} phrases with a composed rendering"
    )
    if args.no_lexicon:
        return no_lexicon_report(sentences, pairs, full, nouns, choice)
    splits = []
    for i, seed in enumerate(args.seed):
        held_keys = held_out(full, seed)
        started = time.process_time()
        links, _ = link_units(sentences, {k: v for k, v in full.items() if k not in held_keys})
        cpu = time.process_time() - started
        first = {" ".join(r): ls[0].zh for r, ls in links.items()}
        held = {k: full[k] for k in held_keys & nouns}
        gold = gold_recurring(pairs, held, choice)
        found = [k for k in gold if first.get(k) in held[k]]
        pair_gold = {k.split("\t")[0] for k in gold_recurring(pairs, held, choice, one=True)}
        recurring = set(gold_recurring(pairs, held, choice, one=True))
        pair_found = [k for k in pair_gold if f"{k}\t{first.get(k)}" in recurring]
        judged = {k: z for k, z in first.items() if k in nouns}
        held_judged = [k for k in judged if k in held]
        multi = _multi_word(links, phrases, held_keys)
        split = Split(
            seed,
            len(found),
            len(gold),
            len(pair_found),
            len(pair_gold),
            len(judged),
            sum(1 for k, z in judged.items() if not _lenient(z, full[k])),
            len(held_judged),
            sum(1 for k in held_judged if not _lenient(judged[k], full[k])),
            *multi,
        )
        splits.append(split)
        print(f"{split.line()} (linking CPU {cpu:.2f} s, {len(held_keys)} of {len(full)} entries held out)")
        if args.wrong:
            _wrong_links(links, {k: held[k] for k in held_judged}, full)
        if i == 0 and not args.wrong:
            _details(links, first, judged, full, held, gold, found, phrases, held_keys, args.sample)
    if len(splits) > 1:
        print(f"over seeds {' '.join(map(str, args.seed))}:")
        _summary(splits)
    return 0


def _wrong_links(
    links: Mapping[tuple[str, ...], list[Link]],
    held: Mapping[str, tuple[str, ...]],
    full: Mapping[str, tuple[str, ...]],
) -> None:
    """The held-out nouns whose first partner is wrong, with the counts behind each of its partners
    (flags: K known, P inside or across Chinese words, R a relative's rendering, S transliteration)."""
    for k in sorted(held):
        found = links[tuple(k.split(" "))]
        if not _lenient(found[0].zh, full[k]):
            print(f"  WRONG {k} ({'|'.join(full[k][:4])}): " + "; ".join(map(_counts, found)))


def _counts(link: Link) -> str:
    flags = [("K", link.known), ("P", link.part), ("R", link.related), ("S", link.sounds)]
    marks = "".join(f for f, on in flags if on)
    counts = f"{link.links}/{link.together} ru {link.ru_count} zh {link.zh_count} G2 {link.g2}"
    return f"{link.zh} {counts}{' ' + marks if marks else ''}"


def no_lexicon_report(
    sentences: Sequence[SentenceUnits],
    pairs: list[tuple[str, str]],
    full: Mapping[str, tuple[str, ...]],
    nouns: set[str],
    choice: Mapping[str, str],
) -> int:
    """The pairing with no prior at all, as on a new domain: every lexicon noun is held out."""
    links, _ = link_units(sentences, {})
    first = {" ".join(r): ls[0].zh for r, ls in links.items()}
    judged = {k: full[k] for k in nouns if k in first}
    wrong = sum(1 for k in judged if not _lenient(first[k], full[k]))
    recurring = set(gold_recurring(pairs, {k: full[k] for k in nouns}, choice, one=True))
    pair_gold = {k.split("\t")[0] for k in recurring}
    found = sum(1 for k in pair_gold if f"{k}\t{first.get(k)}" in recurring)
    print(
        f"no lexicon: recall of pairs that recur {found}/{len(pair_gold)} = "
        f"{_ratio(found, len(pair_gold)):.3f}; wrong {wrong}/{len(judged)} = {_ratio(wrong, len(judged)):.3f}"
    )
    _wrong_links(links, judged, full)
    return 0


def _multi_word(
    links: Mapping[tuple[str, ...], list[Link]],
    phrases: Mapping[tuple[str, ...], Phrase],
    held: set[str],
) -> tuple[int, int, int, int]:
    """Multi-word found/gold and wrong/judged. Gold: phrases with a word held out whose composed
    rendering recurs (two sentence pairs); judged: every paired phrase with a composed rendering
    seen, wrong when its partner is neither inside such a rendering nor holds one."""
    gold = [k for k, c in phrases.items() if c.sentences >= 2 and not held.isdisjoint(k)]
    found = sum(1 for k in gold if k in links and links[k][0].zh in phrases[k].renderings)
    judged = [k for k in phrases if k in links]
    wrong = sum(1 for k in judged if not _lenient(links[k][0].zh, tuple(phrases[k].renderings)))
    return found, len(gold), len(judged), wrong


def _seen(phrase: Phrase) -> str:
    return "|".join(z for z, _ in phrase.renderings.most_common(3))


def _details(
    links: Mapping[tuple[str, ...], list[Link]],
    first: Mapping[str, str],
    judged: Mapping[str, str],
    full: Mapping[str, tuple[str, ...]],
    held: Mapping[str, tuple[str, ...]],
    gold: Mapping[str, int],
    found: Sequence[str],
    phrases: Mapping[tuple[str, ...], Phrase],
    held_keys: set[str],
    sample: int,
) -> None:
    """The first split's lists to read: wrong pairs, misses, multi-word misses and wrong pairs."""
    _precision("all judged", judged, full)
    _precision("held-out", {k: z for k, z in first.items() if k in held}, full)
    parts = sum(1 for ls in links.values() if ls[0].part)
    print(f"first partners found inside or across Chinese words (last rounds): {parts}")
    print("missed (lemma: partner given / lexicon):")
    for k in sorted(set(gold) - set(found))[:25]:
        print(f"  {k}: {first.get(k, '-')} / {'|'.join(held[k])}")
    multi_gold = [k for k, c in phrases.items() if c.sentences >= 2 and not held_keys.isdisjoint(k)]
    print("multi-word missed (phrase: partner given / composed renderings seen):")
    for k in sorted(multi_gold):
        if k not in links or links[k][0].zh not in phrases[k].renderings:
            given = links[k][0].zh if k in links else "-"
            print(f"  {' '.join(k)}: {given} / {_seen(phrases[k])}")
    print("multi-word wrong (phrase ~ partner / composed renderings seen):")
    for k in sorted(k for k in phrases if k in links):
        if not _lenient(links[k][0].zh, tuple(phrases[k].renderings)):
            print(f"  {' '.join(k)} ~ {links[k][0].zh} / {_seen(phrases[k])}")
    multi = sorted(k for k in first if " " in k)
    print(f"multi-word units paired: {len(multi)}; a sample to read:")
    for k in random.Random(0).sample(multi, k=min(sample, len(multi))):
        link = links[tuple(k.split(" "))][0]
        print(f"  {k} ~ {link.zh}  (linked {link.links}/{link.together}, ru {link.ru_count})")


def _precision(label: str, proposed: Mapping[str, str], full: Mapping[str, tuple[str, ...]]) -> None:
    exact = sum(1 for k, z in proposed.items() if z in full[k])
    lenient = sum(1 for k, z in proposed.items() if _lenient(z, full[k]))
    n = max(1, len(proposed))
    print(
        f"precision ({label}): {exact}/{len(proposed)} = {exact / n:.3f} exact, "
        f"{lenient / n:.3f} lenient; wrong {1 - lenient / n:.3f}"
    )
    wrong = [(k, z) for k, z in sorted(proposed.items()) if not _lenient(z, full[k])]
    print("  wrong, first 15: " + ", ".join(f"{k}~{z} ({'|'.join(full[k][:2])})" for k, z in wrong[:15]))


if __name__ == "__main__":
    sys.exit(main())
