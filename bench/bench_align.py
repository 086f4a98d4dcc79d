"""Accuracy, speed and memory of ``ruzh`` sentence alignment on perturbed parallel documents.

    python bench/bench_align.py                       # FLORES at 0/0, 0.10/0.05, 0.20/0.10 + Tatoeba
    python bench/bench_align.py --merge 0.1 --delete 0.05 --only flores
    python bench/bench_align.py --large 20000         # one 20,000 × 20,000 synthetic document
    python bench/bench_align.py --confusion --calibration   # bead-type confusion, score thresholds
    python bench/bench_align.py --merge 0.1 --delete 0.05 --docs 6 --scorer lexical --scorer hybrid
    python bench/bench_align.py --merge 0.1 --delete 0.05 --seeds 1,6-9   # mean over the held-out seeds
    python bench/bench_align.py --merge 0.1 --delete 0.05 --seeds 2-5,10-15   # ... the tuning seeds

Data: ``../shared/data`` beside the checkout (or ``--data``). Wall time counts from the start of this
script, imports and lexicon loading included; peak memory is the process's maximum resident set.
The length-only line is the same search with lexical and anchor evidence switched off (Gale–Church).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

START = time.perf_counter()

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from ruzh.align.aligner import Weights, align_sentences  # noqa: E402
from ruzh.align.aligner.evaluate import confusion, score  # noqa: E402
from ruzh.align.aligner.perturb import (  # noqa: E402
    TestDoc,
    build,
    chunks,
    group_by_url,
    read_flores,
    read_tatoeba,
)
from ruzh.align.scorers import SCORERS  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RATES = ((0.0, 0.0), (0.10, 0.05), (0.20, 0.10))
# Gale–Church-style reference: lengths only, bead-type penalties and sigma given their best values on
# FLORES/Tatoeba at 0.10/0.05 by a small grid (so the baseline is not handicapped by our weights).
LENGTH_ONLY = Weights(
    w_lex=0.0, w_len=1.0, sigma=0.2, skip=3.0, pen_2=2.3, pen_22=4.6, pen_3=4.6, pen_23=6.9, pen_33=9.2
)


def cpu_s() -> float:
    """User plus system CPU seconds of this process (wall time suffers when other jobs share the cores)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CALIBRATION_CUTS = (0.5, 0.8, 0.9)
KINDS = ("1-1", "1-0", "0-1", "1-2", "2-1", "2-2", "1-3", "3-1", "2-3", "3-2", "3-3")


@dataclass
class Result:
    """Scores of one run over a set of documents."""

    strict: float
    lax: float
    took: float
    scored: list[tuple[float, bool]]  # (bead score, bead is in the gold) for every predicted bead
    cells: dict[tuple[str, str], int]
    exact: dict[str, int]


def run(docs: list[TestDoc], weights: Weights | None = None, scorer: str = "lexical") -> Result:
    """Align every document and score the beads against the gold."""
    t0 = time.perf_counter()
    test = []
    scored: list[tuple[float, bool]] = []
    for d in docs:
        beads = align_sentences(d.ru, d.zh, weights=weights, scorer=scorer)
        test.append([(b.src, b.tgt) for b in beads])
        gold = set(d.gold)
        scored.extend((b.score, (b.src, b.tgt) in gold) for b in beads)
    took = time.perf_counter() - t0
    s = score([d.gold for d in docs], test)
    cells, exact = confusion([d.gold for d in docs], test)
    return Result(s.f1_strict, s.f1_lax, took, scored, cells, exact)


def calibration_line(scored: list[tuple[float, bool]]) -> str:
    """For each cut: the share of beads scoring at least that much, how many of those are right, and
    the share of the right beads that reach it."""
    right = sum(ok for _, ok in scored)
    cuts = []
    for cut in CALIBRATION_CUTS:
        kept = [ok for sc, ok in scored if sc >= cut]
        precision = sum(kept) / len(kept) if kept else 0.0
        cuts.append(
            f">={cut}: {len(kept) / len(scored):.0%} of beads, {precision:.1%} right, "
            f"{sum(kept) / max(right, 1):.0%} of right beads"
        )
    return "score" + "; ".join(cuts)


def confusion_lines(cells: dict[tuple[str, str], int], exact: dict[str, int]) -> list[str]:
    """Gold bead types (rows) against the predicted type of the bead holding their first sentence."""
    cols = [k for k in (*KINDS, "none") if any(c == k for _, c in cells)]
    rows = [k for k in KINDS if any(g == k for g, _ in cells)]
    lines = ["    gold\\test " + "".join(f"{c:>6s}" for c in cols) + "   exact"]
    for g in rows:
        total = sum(n for (gk, _), n in cells.items() if gk == g)
        counts = "".join(f"{cells.get((g, c), 0) or '.':>6}" for c in cols)
        lines.append(f"    {g:9s} {counts}   {exact.get(g, 0)}/{total}")
    return lines


class CachedModel:
    """The embedding model behind a text-keyed cache kept in a file, so that repeated benchmark runs
    over the same perturbations embed each text once (a development convenience: results are the
    same as without it, since an embedding depends on its text alone)."""

    def __init__(self, model: Any, path: Path) -> None:
        self.model, self.path = model, path
        self.vectors: dict[str, Any] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as saved:
                self.vectors = dict(zip(saved["texts"].tolist(), saved["vectors"], strict=True))
        self.added = 0

    def passage(self, texts: list[str]) -> Any:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            self.vectors.update(zip(missing, np.asarray(self.model.passage(missing)), strict=True))
            self.added += len(missing)
            if self.added >= 2000:
                self.save()
        return np.stack([self.vectors[t] for t in texts])

    def save(self) -> None:
        if not self.added:
            return
        texts = list(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, texts=np.array(texts), vectors=np.stack([self.vectors[t] for t in texts]))
        tmp.replace(self.path)
        self.added = 0


def use_embedding_cache(path: Path) -> CachedModel:
    """Route the embedding scorer's model through a :class:`CachedModel` kept in ``path``."""
    from ruzh.align.aligner import embeddings

    cached = CachedModel(embeddings._model(), path)
    embeddings._model = lambda: cached  # type: ignore[assignment]
    return cached


def report(name: str, docs: list[TestDoc], options: argparse.Namespace) -> None:
    docs = docs[: options.docs] if options.docs else docs
    for scorer in options.scorer:
        report_scorer(f"{name} {scorer}", docs, options, scorer)


def report_scorer(name: str, docs: list[TestDoc], options: argparse.Namespace, scorer: str) -> None:
    c0 = cpu_s()
    r = run(docs, scorer=scorer)
    sentences = sum(len(d.ru) + len(d.zh) for d in docs)
    line = f"{name:34s} docs={len(docs):3d} sent={sentences:5d} strict={r.strict:.3f} lax={r.lax:.3f}"
    line += f" align={r.took:.2f}s cpu={cpu_s() - c0:.2f}s"
    if options.baseline:
        b = run(docs, LENGTH_ONLY)
        line += f" | length-only strict={b.strict:.3f} lax={b.lax:.3f}"
    print(line, flush=True)
    if options.calibration:
        print(f"    {calibration_line(r.scored)}", flush=True)
    if options.confusion:
        print("\n".join(confusion_lines(r.cells, r.exact)), flush=True)


def parse_seeds(text: str) -> list[int]:
    """``1,6-9`` → ``[1, 6, 7, 8, 9]``."""
    out: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        out.extend(range(int(first), int(last or first) + 1))
    return out


def seed_means(name: str, make: Callable[[int], list[TestDoc]], options: argparse.Namespace) -> None:
    """Mean strict and lax F1 over several perturbations of the same documents (tuning on some
    seeds and reporting on others tells a real gain from the luck of one perturbation)."""
    for scorer in options.scorer:
        runs = [run(make(seed)[: options.docs or None], scorer=scorer) for seed in options.seeds]
        strict = sum(r.strict for r in runs) / len(runs)
        lax = sum(r.lax for r in runs) / len(runs)
        each = " ".join(f"{r.strict:.3f}/{r.lax:.3f}" for r in runs)
        print(f"{name} {scorer:8s} seeds={len(runs)} mean strict={strict:.4f} lax={lax:.4f} ({each})")
        if options.calibration:
            print(f"    {calibration_line([x for r in runs for x in r.scored])}", flush=True)
        if options.confusion:
            cells: dict[tuple[str, str], int] = {}
            exact: dict[str, int] = {}
            for r in runs:
                for key, count in r.cells.items():
                    cells[key] = cells.get(key, 0) + count
                for key, count in r.exact.items():
                    exact[key] = exact.get(key, 0) + count
            print("\n".join(confusion_lines(cells, exact)), flush=True)


def large(data: Path, size: int, seed: int) -> None:
    """FLORES repeated to ``size`` lines per side, perturbed at 0.10/0.05, aligned as one document."""
    ru, zh, _ = read_flores(data)
    source = int(size / 0.88)  # merges and deletions remove about 12% of the sentences of each side
    reps = source // len(ru) + 1
    ru_all, zh_all = (ru * reps)[:source], (zh * reps)[:source]
    (doc,) = build(ru_all, zh_all, [range(source)], 0.10, 0.05, seed)
    t0 = time.perf_counter()
    beads = align_sentences(doc.ru, doc.zh)
    took = time.perf_counter() - t0
    s = score([doc.gold], [[(b.src, b.tgt) for b in beads]])
    print(
        f"large {len(doc.ru)}x{len(doc.zh)}: strict={s.f1_strict:.3f} lax={s.f1_lax:.3f} align={took:.1f}s "
        f"wall={time.perf_counter() - START:.1f}s cpu={cpu_s():.1f}s peak={peak_mb():.0f}MB"
    )


def self_training(data: Path, seed: int) -> None:
    """Each data set as one long perturbed document, aligned without and with self-training."""
    ru, zh, _ = read_flores(data)
    tr, tz = read_tatoeba(data)
    for name, (r, z) in (("flores", (ru, zh)), ("tatoeba", (tr, tz))):
        (doc,) = build(r, z, [range(len(r))], 0.10, 0.05, seed)
        for flag in (False, True):
            beads = align_sentences(doc.ru, doc.zh, self_train=flag)
            s = score([doc.gold], [[(b.src, b.tgt) for b in beads]])
            print(
                f"{name} one document, self-training {'on ' if flag else 'off'}: "
                f"strict={s.f1_strict:.3f} lax={s.f1_lax:.3f}"
            )


def pairing(data: Path) -> None:
    """Document pairing: how often each Russian document's best-scoring Chinese document is its own."""
    from ruzh.align.aligner.pairing import score_documents

    ru, zh, urls = read_flores(data)
    docs = group_by_url(urls)
    t0 = time.perf_counter()
    matrix = score_documents([[ru[k] for k in d] for d in docs], [[zh[k] for k in d] for d in docs])
    took = time.perf_counter() - t0
    right = sum(max(range(len(row)), key=row.__getitem__) == i for i, row in enumerate(matrix))
    own = min(row[i] for i, row in enumerate(matrix))
    other = max(v for i, row in enumerate(matrix) for j, v in enumerate(row) if i != j)
    print(
        f"pairing {len(docs)}x{len(docs)} FLORES documents: top-1 {right}/{len(docs)}, lowest true-pair "
        f"score {own:.3f}, highest wrong-pair score {other:.3f}, {took:.2f}s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding the two data sets")
    parser.add_argument("--merge", type=float, help="merge rate (default: the three standard settings)")
    parser.add_argument("--delete", type=float, help="deletion rate (default: the three standard settings)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the perturbation")
    parser.add_argument(
        "--seeds", type=parse_seeds, help="mean F1 over these perturbation seeds instead (1,6-9)"
    )
    parser.add_argument("--only", choices=("flores", "tatoeba"), help="run one data set")
    parser.add_argument("--baseline", action="store_true", help="also score the length-only baseline")
    parser.add_argument("--calibration", action="store_true", help="also show how bead scores threshold")
    parser.add_argument(
        "--confusion", action="store_true", help="also show the bead-type confusion against the gold"
    )
    parser.add_argument(
        "--scorer",
        action="append",
        choices=SCORERS,
        help="scorer to measure, may be repeated (default: lexical; the others need the embeddings extra)",
    )
    parser.add_argument(
        "--embed-cache",
        type=Path,
        metavar="FILE.npz",
        help="keep sentence embeddings in this file between runs (same results, embedded once)",
    )
    parser.add_argument("--docs", type=int, help="only the first N documents of each set")
    parser.add_argument("--large", type=int, metavar="N", help="only the synthetic N × N document")
    parser.add_argument("--self-train", action="store_true", help="only the self-training comparison")
    parser.add_argument("--pairing", action="store_true", help="only the document-pairing check")
    parser.add_argument(
        "--script",
        default="cmn_Hans",
        help="Tatoeba Chinese script label to use (cmn_Hans, cmn_Hant; default cmn_Hans)",
    )
    args = parser.parse_args()
    args.scorer = args.scorer or ["lexical"]
    if not (args.data / "flores200_devtest").is_dir():
        print(f"data not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    if args.pairing:
        pairing(args.data)
        return 0
    if args.self_train:
        self_training(args.data, args.seed)
        return 0
    if args.large:
        large(args.data, args.large, args.seed)
        return 0
    cache = use_embedding_cache(args.embed_cache) if args.embed_cache else None
    rates = RATES if args.merge is None else ((args.merge, args.delete or 0.0),)
    sets = []
    if args.only != "tatoeba":
        ru, zh, urls = read_flores(args.data)
        sets.append(("flores", ru, zh, group_by_url(urls)))
    if args.only != "flores":
        ru, zh = read_tatoeba(args.data, args.script)
        sets.append(("tatoeba", ru, zh, chunks(len(ru), 30)))
    for name, ru, zh, docs in sets:
        for merge, delete in rates:
            label = f"{name} merge={merge:.2f} delete={delete:.2f}"
            if args.seeds:
                seed_means(label, lambda seed: build(ru, zh, docs, merge, delete, seed), args)  # noqa: B023
            else:
                report(label, build(ru, zh, docs, merge, delete, args.seed), args)
    if cache is not None:
        cache.save()
    print(f"wall={time.perf_counter() - START:.2f}s cpu={cpu_s():.2f}s peak={peak_mb():.0f}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
