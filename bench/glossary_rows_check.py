"""Development check of the glossary's rows, end to end, with held-out lexicon entries as gold.

:mod:`bench_pairing` measures the pairing of aligned units alone; a user sees rows. Here the whole
glossary is built (:func:`glossary.build.build_glossary`: candidates ranked by termhood, the pairing,
the partner test, headwords) over documents made of FLORES-200 devtest and Tatoeba (Simplified
Chinese) from ``../shared/data``, 50 lines to a document, with their aligned sentence pairs, an empty
termbase (a corpus of a domain the termbase does not cover) and the shipped lexicon less a held-out
fifth of its entries as the prior (the same splits as :mod:`bench_pairing`). Gold: the held-out nouns
that recur with one of their renderings (the same rendering in two sentence pairs); and among them
the specialised ones, rarer in general Russian than ``SPECIALISED`` on wordfreq's Zipf scale (a
glossary is right to leave out день and друг, which no termhood measure calls terms). Measured:

- recall: gold nouns whose row's Chinese term is such a rendering, and with the row's Chinese
  variants counted too;
- wrong: gold nouns whose row pairs them with a term that is not one of their renderings (lenient:
  a rendering inside the partner or the partner inside a rendering is right), as a share of the gold.

    python bench/glossary_rows_check.py [--seed 1 2 3] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_pairing import _lenient, gold_recurring, held_out, load_pairs
from ruzh.align.lexicon import shipped_entries
from ruzh.align.morphology import lemma_key
from ruzh.align.reader import read_documents
from ruzh.glossary.build import BuildOptions, build_glossary
from ruzh.glossary.corpus_lemmas import corpus_lemmas, corpus_spellings
from ruzh.glossary.entries import Entry
from wordfreq import zipf_frequency

LINES = 50  # lines to a document
SPECIALISED = 4.0  # Zipf frequency (log10 per billion words) below which a noun counts as specialised


def documents(pairs: list[tuple[str, str]], folder: Path) -> list[Path]:
    """The pairs' Russian and Chinese sides as documents of :data:`LINES` lines, one per paragraph."""
    paths = []
    for k in range(0, len(pairs), LINES):
        for lang, side in (("ru", 0), ("zh", 1)):
            path = folder / f"doc{k // LINES:03d}_{lang}.txt"
            path.write_text("\n\n".join(p[side] for p in pairs[k : k + LINES]) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--seed", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--max-candidates", type=int, default=BuildOptions().max_candidates)
    parser.add_argument("--min-freq", type=int, default=BuildOptions().min_freq)
    args = parser.parse_args()
    pairs = load_pairs(args.data)
    full = {e.ru: e.zh for e in shipped_entries()}
    nouns = {e.ru for e in shipped_entries() if e.pos in ("NOUN", "NAME", "PROPN")}
    choice = corpus_lemmas(corpus_spellings(ru for ru, _ in pairs))
    with tempfile.TemporaryDirectory() as tmp:
        docs = list(read_documents(documents(pairs, Path(tmp))))
    print(f"{len(docs)} documents, {len(pairs)} aligned sentence pairs, an empty termbase")
    for seed in args.seed:
        held = held_out(full, seed)
        gold: dict[str, set[str]] = {}
        for item in gold_recurring(pairs, {k: full[k] for k in held & nouns}, choice, one=True):
            lemma, rendering = item.split("\t")
            gold.setdefault(lemma, set()).add(rendering)
        started = time.process_time()
        prior = {k: v for k, v in full.items() if k not in held}
        options = BuildOptions(min_freq=args.min_freq, max_candidates=args.max_candidates)
        glossary = build_glossary(docs, (), pairs=pairs, lexicon=prior, options=options)
        cpu = time.process_time() - started
        rows = {" ".join(lemma_key(e.ru)): e for e in glossary.entries if e.ru and e.zh}
        print(f"seed {seed}: {len(glossary.entries)} rows, glossary CPU {cpu:.1f} s")
        specialised = {k: v for k, v in gold.items() if zipf_frequency(k, "ru") < SPECIALISED}
        for label, wanted in (("all", gold), ("specialised", specialised)):
            _figures(label, wanted, rows, full)
    return 0


def _figures(
    label: str, gold: dict[str, set[str]], rows: dict[str, Entry], full: dict[str, tuple[str, ...]]
) -> None:
    found = [k for k in gold if k in rows and rows[k].zh in gold[k]]
    with_variants = [k for k in gold if k in rows and gold[k] & {rows[k].zh, *rows[k].zh_variants}]
    wrong = [k for k in gold if k in rows and not _lenient(rows[k].zh, full[k])]
    n = max(len(gold), 1)
    print(
        f"  {label} ({len(gold)} gold nouns): recall {len(found)}/{n} = {len(found) / n:.3f} (with variants "
        f"{len(with_variants) / n:.3f}), wrong {len(wrong)}/{n} = {len(wrong) / n:.3f}"
    )
    print("    wrong:", ", ".join(f"{k}~{rows[k].zh}" for k in sorted(wrong)) or "-")
    missed = (f"{k}~{rows[k].zh if k in rows else '-'}" for k in sorted(gold) if k not in found)
    print("    missed:", ", ".join(missed) or "-")


if __name__ == "__main__":
    raise SystemExit(main())
