"""The pairing's figures on comparable text and on the seeds, for ``bench_pairing.py --comparable | --seeds``.

Kept apart from the held-out lexicon check of ``bench_pairing.py``: these two reports read other data
(FLORES's two sides as unaligned corpora; the seeds built as ``ruzh build`` builds them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from ruzh.align.aligner.perturb import read_flores
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.units import ru_units


def comparable_report(data: Path, held_out: Callable[[Iterable[str]], set[str]]) -> int:
    """Context-vector pairing of held-out nouns across FLORES's two sides, not aligned."""
    from ruzh.glossary.candidates_zh import compounds
    from ruzh.glossary.context import match_contexts, ru_contexts, zh_contexts

    ru_lines, zh_lines, _ = read_flores(data)
    entries = shipped_entries()
    full = {e.ru: e.zh for e in entries}
    held_keys = held_out(full)
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
