"""Benchmark ``ruzh check`` on 1,000,000 translation units with a 1,000-concept glossary.

Data: the 3,512 sentence pairs of FLORES-200 devtest and the Tatoeba ru-zh test set in
``../shared/data`` (not shipped). Unit k joins pair i = k mod N with a pair j that runs through all
others as k grows, so the 1,000,000 units are distinct texts with real words, numbers and names;
every 997th unit gets a planted slip (a changed number, an empty target, a copied source).

Glossary: the shipped termbase, topped up to 1,000 concepts with entries of the shipped ru->zh
lexicon that these pairs attest (best attested first: the rendering stands in the target of at least half
the pairs whose source has the Russian lemma), so conformance is checked on terms that occur.

Measured: wall time and peak memory (max RSS of the child process) of ``ruzh check --aligned`` and
``ruzh check --tmx`` on the same units, plus translate-toolkit's ``pofilter`` on a TMX sample,
extrapolated linearly to the full size (pofilter on the full file would take far too long).

    python bench/bench_check.py [--units 1000000] [--pofilter-sample 20000] [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))


def base_pairs() -> list[tuple[str, str]]:
    """FLORES devtest and Tatoeba test pairs, in file order."""
    pairs: list[tuple[str, str]] = []
    for ru_name, zh_name in (
        ("flores200_devtest/rus_Cyrl.devtest", "flores200_devtest/zho_Hans.devtest"),
        ("tatoeba_rus_zho/tatoeba-test-v2021-08-07.rus", "tatoeba_rus_zho/tatoeba-test-v2021-08-07.zho"),
    ):
        ru = (DATA / ru_name).read_text(encoding="utf-8").splitlines()
        zh = (DATA / zh_name).read_text(encoding="utf-8").splitlines()
        pairs.extend((r.replace("\t", " "), z.replace("\t", " ")) for r, z in zip(ru, zh, strict=True))
    return pairs


def units(pairs: list[tuple[str, str]], n: int) -> Iterator[tuple[str, str]]:
    """``n`` distinct units, each two base pairs joined; a planted slip every 997th unit."""
    size = len(pairs)
    for k in range(n):
        i = k % size
        j = (i + 1 + 37 * (k // size)) % size
        ru = f"{pairs[i][0]} {pairs[j][0]}"
        zh = pairs[i][1] + pairs[j][1]
        if k % 997 == 0:
            slip = (k // 997) % 3
            zh = "" if slip == 0 else ru if slip == 1 else zh + f"共{k % 90 + 10}个。"
        yield ru, zh


def glossary(pairs: list[tuple[str, str]], path: Path, total: int = 1000) -> int:
    """Write the shipped termbase plus attested lexicon entries as a termbase CSV of ``total`` concepts."""
    from ruzh.align.lexicon import shipped_entries
    from ruzh.align.morphology import WORD, token_key
    from ruzh.checks.units import CONFORMANCE_SKIP_DOMAINS
    from ruzh.glossary.termbase import default_path, load_termbase

    shipped = load_termbase()
    need = total - len(shipped)
    lemmas_per_pair = [set(token_key(w) for w in WORD.findall(ru)) for ru, _ in pairs]
    seen: Counter[str] = Counter(lem for s in lemmas_per_pair for lem in s)
    taken = {t.text for c in shipped for t in c.terms if t.lang == "ru"}
    where: dict[str, list[int]] = {}
    for i, lems in enumerate(lemmas_per_pair):
        for lem in lems:
            where.setdefault(lem, []).append(i)
    chosen: list[tuple[float, int, str, str]] = []
    for entry in shipped_entries():
        if entry.ru in taken or seen[entry.ru] < 3 or entry.pos not in ("NOUN", "NAME"):
            continue
        rate, zh = max(
            (sum(1 for i in where[entry.ru] if z in pairs[i][1]) / seen[entry.ru], z) for z in entry.zh[:3]
        )
        if rate >= 0.5:
            chosen.append((rate, seen[entry.ru], entry.ru, zh))
    chosen.sort(reverse=True)  # best attested first
    text = default_path().read_text(encoding="utf-8").rstrip("\n") + "\n"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(text)
        w = csv.writer(out, lineterminator="\n")
        for n, (_, _, ru, zh) in enumerate(chosen[:need]):
            w.writerow([f"BENCH{n:04d}", "ru", ru, "NOUN", "preferred", "bench", "", "bench"])
            w.writerow([f"BENCH{n:04d}", "zh", zh, "noun", "preferred", "bench", "", "bench"])
    assert "bench" not in CONFORMANCE_SKIP_DOMAINS
    return len(shipped) + min(need, len(chosen))


def write_inputs(work: Path, n: int, want_tmx: bool) -> tuple[Path, Path, Path, int]:
    """TSV, TMX and glossary files for ``n`` units (reused when already there)."""
    from ruzh.tmx.types import TranslationUnit
    from ruzh.tmx.writer import write_tmx

    pairs = base_pairs()
    tsv, tmx, gl = work / f"units-{n}.tsv", work / f"units-{n}.tmx", work / "glossary-1000.csv"
    if not tsv.exists():
        with tsv.open("w", encoding="utf-8") as out:
            for ru, zh in units(pairs, n):
                out.write(f"{ru}\t{zh}\n")
    if want_tmx and not tmx.exists():
        write_tmx(tmx, (TranslationUnit(ru=ru, zh=zh) for ru, zh in units(pairs, n)))
    concepts = glossary(pairs, gl)
    return tsv, tmx, gl, concepts


def timed(cmd: list[str], out: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak MB, exit code) of one command measured by GNU time, stdout to ``out``.

    CPU time (user + system) is given beside wall time because the machine is shared.
    """
    stats = out.with_suffix(".time")
    with out.open("wb") as sink:
        proc = subprocess.run(
            ["/usr/bin/time", "-o", str(stats), "-f", "%e %U %S %M", *cmd],
            stdout=sink,
            stderr=subprocess.PIPE,
            check=False,
        )
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-2000:])
    wall, user, system, kb = stats.read_text().split()[-4:]
    return float(wall), float(user) + float(system), int(kb) / 1024, proc.returncode


def head_tmx(tmx: Path, count: int, out: Path) -> None:
    """The first ``count`` units of a TMX as a TMX of their own."""
    from ruzh.tmx.reader import read_tmx
    from ruzh.tmx.writer import write_tmx

    def first() -> Iterator:
        for i, u in enumerate(read_tmx(tmx)):
            if i >= count:
                return
            yield u

    write_tmx(out, first())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--pofilter-sample", type=int, default=20_000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ruzh-bench-check")
    parser.add_argument("--skip", nargs="*", default=[], choices=["tsv", "tmx", "pofilter"])
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"development data not found at {DATA}", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    tsv, tmx, gl, concepts = write_inputs(args.work, args.units, not {"tmx", "pofilter"} <= set(args.skip))
    built = time.perf_counter() - t0
    print(f"inputs: {args.units:,} units, glossary of {concepts} concepts ({built:.0f} s to build)")
    ruzh = [
        sys.executable,
        "-m",
        "ruzh",
        "check",
        "--glossary",
        str(gl),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]
    for kind, flag, path in (("tsv", "--aligned", tsv), ("tmx", "--tmx", tmx)):
        if kind in args.skip:
            continue
        out = args.work / f"report-{kind}.json"
        seconds, cpu, mb, code = timed([*ruzh, flag, str(path)], out)
        import json

        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
        print(
            f"ruzh check {flag}: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak {mb:.0f} MB, exit {code}, "
            f"{summary['total']:,} findings {summary['by_rule']}"
        )
    if "pofilter" not in args.skip:
        sample = args.work / f"sample-{args.pofilter_sample}.tmx"
        if not sample.exists():
            head_tmx(tmx, args.pofilter_sample, sample)
        seconds, cpu, mb, code = timed(
            ["pofilter", "--progress=none", str(sample), str(args.work / "pofilter-out.tmx")],
            args.work / "pofilter.log",
        )
        per_unit = cpu / args.pofilter_sample
        print(
            f"pofilter on {args.pofilter_sample:,} units: {seconds:.1f} s wall, {cpu:.1f} s CPU, "
            f"peak {mb:.0f} MB, exit {code}; "
            f"extrapolated to {args.units:,} units: {per_unit * args.units:.0f} s CPU (linear)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
