"""Development check of the term pairing over aligned units, with held-out lexicon entries as gold.

A random 20% of the shipped lexicon's entries (``align/data/lexicon/``) is held out: the pairing
gets the other 80% as its prior and the aligned sentence pairs of FLORES-200 devtest and Tatoeba
(Simplified Chinese side) from ``../shared/data``. Measured:

- recall: held-out nouns whose Russian lemma and one of whose Chinese renderings occur together in
  at least two sentence pairs (the gold pairs that recur), and that get one of those renderings as
  their first partner;
- precision: first partners of Russian nouns the full lexicon knows, judged against the full
  lexicon (exact rendering; "lenient" also accepts a rendering inside the partner or the partner
  inside a rendering, e.g. 总统 for 美国总统 is not accepted, 学生 for 大学生 is);
- a sample of pairs of multi-word units (the lexicon cannot judge them) to read.

On the seeds (comparable documents, not translations; ``--seeds``): the share of recurring Russian
candidates that get a Chinese partner, and the top 50 pairs by termhood to read.

    python bench/bench_pairing.py [--seed 1] [--sample 40] [--data ../shared/data] [--corpus flores]
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
import random
import sys
import time
from pathlib import Path

from ruzh.align.aligner.perturb import read_flores, read_tatoeba
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import link_units
from ruzh.glossary.units import ru_units, sentence_units


def load_pairs(data: Path, corpus: str = "both") -> list[tuple[str, str]]:
    """FLORES-200 devtest and Tatoeba (Simplified), or one of them, as aligned (ru, zh) sentence pairs."""
    ru_f, zh_f, _ = read_flores(data) if corpus != "tatoeba" else ([], [], None)
    ru_t, zh_t = read_tatoeba(data) if corpus != "flores" else ([], [])
    return list(zip(ru_f + ru_t, zh_f + zh_t, strict=True))


def gold_recurring(pairs: list[tuple[str, str]], held: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Held-out nouns whose lemma (as a unit) and a rendering share at least two sentence pairs."""
    together: dict[str, int] = {}
    for ru, zh in pairs:
        keys = {" ".join(u[0]) for u in ru_units(ru)}
        for key in keys & held.keys():
            if any(z in zh for z in held[key]):
                together[key] = together.get(key, 0) + 1
    return {k: n for k, n in together.items() if n >= 2}


def _lenient(partner: str, renderings: tuple[str, ...]) -> bool:
    return any(z in partner or partner in z for z in renderings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seeds", action="store_true", help="the seeds' figures instead")
    parser.add_argument("--comparable", action="store_true", help="context pairing on unaligned FLORES")
    parser.add_argument(
        "--corpus", choices=("both", "flores", "tatoeba"), default="both", help="pair over one half only"
    )
    args = parser.parse_args()
    if args.seeds:
        return seeds_report()
    if args.comparable:
        return comparable_report(args.data, args.seed)
    entries = shipped_entries()
    full = {e.ru: e.zh for e in entries}
    nouns = {e.ru for e in entries if e.pos in ("NOUN", "NAME", "PROPN")}
    rng = random.Random(args.seed)
    held_keys = set(rng.sample(sorted(full), k=len(full) // 5))
    prior = {k: v for k, v in full.items() if k not in held_keys}
    pairs = load_pairs(args.data, args.corpus)
    started = time.process_time()
    sentences = [sentence_units(ru, zh) for ru, zh in pairs]
    units_cpu = time.process_time() - started
    started = time.process_time()
    links, total = link_units(sentences, prior)
    linking_cpu = time.process_time() - started
    held = {k: full[k] for k in held_keys & nouns}
    gold = gold_recurring(pairs, held)
    first = {" ".join(r): ls[0].zh for r, ls in links.items()}
    found = [k for k in gold if first.get(k) in held[k]]
    print(
        f"pairs: {total} aligned sentence pairs ({args.corpus}); CPU: units {units_cpu:.2f} s (jieba and "
        f"pymorphy3 loading included), linking {linking_cpu:.2f} s (wordfreq's lists loaded in it)"
    )
    print(f"held out: {len(held_keys)} of {len(full)} entries (seed {args.seed}), {len(held)} nouns/names")
    recall = len(found) / max(1, len(gold))
    print(f"recall: {len(found)}/{len(gold)} = {recall:.3f} of held-out pairs recurring >= 2")
    _precision("all judged", {k: z for k, z in first.items() if k in nouns}, full)
    _precision("held-out", {k: z for k, z in first.items() if k in held}, full)
    parts = sum(1 for ls in links.values() if ls[0].part)
    print(f"first partners found inside longer Chinese words (last round): {parts}")
    missed = sorted(set(gold) - set(found))
    print("missed (lemma: partner given / lexicon):")
    for k in missed[:25]:
        print(f"  {k}: {first.get(k, '-')} / {'|'.join(held[k])}")
    multi = sorted(k for k in first if " " in k)
    print(f"multi-word units paired: {len(multi)}; a sample to read:")
    for k in rng.sample(multi, k=min(args.sample, len(multi))):
        link = links[tuple(k.split(" "))][0]
        print(f"  {k} ~ {link.zh}  (linked {link.links}/{link.together}, ru {link.ru_count})")
    return 0


def comparable_report(data: Path, seed: int) -> int:
    """Context-vector pairing of held-out nouns across FLORES's two sides, not aligned."""
    from collections import Counter

    from ruzh.glossary.candidates_zh import compounds
    from ruzh.glossary.context import match_contexts, ru_contexts, zh_contexts

    ru_lines, zh_lines, _ = read_flores(data)
    entries = shipped_entries()
    full = {e.ru: e.zh for e in entries}
    rng = random.Random(seed)
    held_keys = set(rng.sample(sorted(full), k=len(full) // 5))
    prior = {k: v for k, v in full.items() if k not in held_keys}
    nouns = {e.ru for e in entries if e.pos in ("NOUN", "NAME")} & held_keys
    counts: Counter[str] = Counter()
    for line in ru_lines:
        counts.update({" ".join(u[0]) for u in ru_units(line)} & nouns)
    keys = [tuple(k.split(" ")) for k, n in counts.items() if n >= 3]
    zh_counts: Counter[str] = Counter()
    for line in zh_lines:
        zh_counts.update({"".join(words) for words in compounds(line)})  # the glossary's candidates
    zh_terms = [z for z, n in zh_counts.items() if n >= 3]
    vocabulary = {z for renderings in prior.values() for z in renderings}
    matches = match_contexts(ru_contexts(keys, ru_lines, prior), zh_contexts(zh_terms, zh_lines, vocabulary))
    reachable = [k for k in keys if any(z in zh_terms for z in full[" ".join(k)])]
    right = [m for m in matches if m.zh in full[" ".join(m.ru)]]
    print(
        f"comparable FLORES: {len(keys)} held-out nouns in >= 3 sentences, {len(reachable)} with a "
        f"rendering among {len(zh_terms)} Chinese nouns"
    )
    print(
        f"context pairs: {len(matches)}, right {len(right)} "
        f"(precision {len(right) / max(1, len(matches)):.3f}), "
        f"recall {len(right) / max(1, len(reachable)):.3f}"
    )
    for m in matches[:20]:
        print(f"  {' '.join(m.ru)} ~ {m.zh} cosine {m.cosine} (lexicon: {'|'.join(full[' '.join(m.ru)])})")
    return 0


def seeds_report() -> int:
    """Share of recurring Russian candidates of the seeds with a partner; the top 50 pairs."""
    from ruzh.align.reader import read_documents
    from ruzh.glossary.build import build_glossary
    from ruzh.seeds import seed_paths

    glossary = build_glossary(read_documents(seed_paths()))
    cands = [e for e in glossary.entries if e.status == "candidate" and e.ru and e.ru_freq >= 2]
    paired = [e for e in cands if e.zh]
    print(
        f"seeds: {len(paired)}/{len(cands)} = {len(paired) / max(1, len(cands)):.3f} recurring Russian "
        "candidates paired"
    )
    methods: dict[str, int] = {}
    for e in paired:
        methods[e.method] = methods.get(e.method, 0) + 1
    print("by method: " + ", ".join(f"{m} {n}" for m, n in sorted(methods.items())))
    infra = next((e for e in cands if e.ru == "инфраструктура"), None)
    print(f"инфраструктура: {infra.zh if infra else 'not a candidate'} ({infra.method if infra else '-'})")
    print("top 50 pairs by termhood:")
    for e in sorted(paired, key=lambda e: -(e.termhood or 0))[:50]:
        print(f"  {e.ru} ~ {e.zh}  termhood {e.termhood:g}, association {e.association:g}, {e.method}")
    return 0


def _precision(label: str, proposed: dict[str, str], full: dict[str, tuple[str, ...]]) -> None:
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
