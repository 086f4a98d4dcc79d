"""Build PDF-like corpora made from FLORES-200 devtest and compare every translation unit with the gold.

For each layout of the seeds (double-spaced visual lines, one paragraph per line, visual lines) and
each condition (clean, page breaks, page numbers, running headers, dashes), a corpus of two bilingual
articles (Аннотация/摘要), two translated documents under unrelated names and two monolingual
distractors (some files in cp1251/GB18030) is written and built as ``ruzh build`` builds it. Printed per
corpus and per condition: pair coverage, lax and strict TU precision, passages found/expected, false
passages, and the Russian/Chinese orphans (sentences in 1-0 / 0-1 beads) of the true passages.

    python bench/bench_layouts.py [--data ../shared/data] [--seeds 1] [--first-seed 0]
                                  [--layout L] [--condition C]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ruzh.align.pdflike import CONDITIONS, LAYOUTS
from ruzh.align.testcorpus import BuiltPassage, Score, flores_documents, make_corpus, score
from ruzh.tmx.units import units_from_beads

from ruzh.pipeline.build import BuildOptions, build


def built_passages(folder: Path, out: Path) -> list[BuiltPassage]:
    """Run the build on ``folder`` (one process, as ``ruzh build --jobs 1``) and list its passages."""
    result, _stats = build(BuildOptions(inputs=(folder,), output=out, jobs=1, quiet=True))
    passages = []
    for p in result.passages:
        units, _alone = units_from_beads(p.beads, p.ru_sentences, p.zh_sentences)
        ru_orphans = sum(len(b.src) for b in p.beads if not b.tgt)
        zh_orphans = sum(len(b.tgt) for b in p.beads if not b.src)
        pairs = tuple((u.ru, u.zh) for u in units)
        passages.append(BuiltPassage(p.ru_doc, p.zh_doc, pairs, ru_orphans, zh_orphans))
    return passages


def line(label: str, s: Score) -> str:
    return (
        f"{label:<22} coverage {s.coverage:.4f} ({s.covered_pairs}/{s.gold_pairs})  "
        f"precision lax {s.precision:.4f} strict {s.strict_precision:.4f} ({s.units} TUs)  "
        f"passages {s.passages_found}/{s.passages_expected} false {s.false_passages}  "
        f"orphans ru {s.ru_orphans} zh {s.zh_orphans}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data"), help="FLORES-200 folder's parent"
    )
    parser.add_argument("--seeds", type=int, default=1, help="corpora per layout and condition (default 1)")
    parser.add_argument("--first-seed", type=int, default=0, help="seed of the first corpus (default 0)")
    parser.add_argument("--layout", choices=LAYOUTS, action="append", help="only this layout (repeatable)")
    parser.add_argument("--condition", choices=CONDITIONS, action="append", help="only this condition")
    parser.add_argument("--keep", type=Path, help="write the corpora here instead of a temporary folder")
    args = parser.parse_args()
    if not (args.data / "flores200_devtest").is_dir():
        sys.exit(f"FLORES-200 devtest not found under {args.data}")
    documents = flores_documents(args.data)
    per_condition = {c: Score() for c in args.condition or CONDITIONS}
    total = Score()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for layout in args.layout or LAYOUTS:
            for condition in per_condition:
                for seed in range(args.first_seed, args.first_seed + args.seeds):
                    folder = root / f"{layout}-{condition}-{seed}"
                    corpus = make_corpus(documents, folder / "in", layout, condition, seed=seed)
                    s = score(corpus.gold, built_passages(folder / "in", folder / "out"))
                    print(line(f"{layout}/{condition}/{seed}", s), flush=True)
                    per_condition[condition].add(s)
                    total.add(s)
    print()
    for condition, s in per_condition.items():
        print(line(condition, s))
    print(line("all", total))


if __name__ == "__main__":
    main()
