"""TMX benchmark: ruzh's streaming writer/reader against translate-toolkit's ``tmxfile``, and fuzzy lookup.

Units are generated from the parallel data in ``../shared/data`` (FLORES-200 devtest and Tatoeba
pairs, cycled; every cycle after the first adds a counter so units stay distinct). Each measurement
runs in its own subprocess that reports its wall time and peak resident memory (``ru_maxrss``), so one
step's memory cannot hide another's.

    python bench/bench_tmx.py                      # 1,000,000 units, 1,000 lookups on 100,000 units
    python bench/bench_tmx.py --units 100000 --skip-ttk
    python bench/bench_tmx.py --skip-ttk --skip-lookup --repeat 3   # read the same file 3 times

Targets (issue 4): write 1M units in <= 20 s and <= 150 MB; read 1M in <= 15 s and <= 150 MB;
1,000 lookups against 100,000 units in <= 10 s.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


def load_pairs(data: Path) -> list[tuple[str, str]]:
    """FLORES devtest and Tatoeba test pairs, trimmed."""
    pairs: list[tuple[str, str]] = []
    sets = [
        ("flores200_devtest/rus_Cyrl.devtest", "flores200_devtest/zho_Hans.devtest"),
        ("tatoeba_rus_zho/tatoeba-test-v2021-08-07.rus", "tatoeba_rus_zho/tatoeba-test-v2021-08-07.zho"),
    ]
    for ru_name, zh_name in sets:
        ru = (data / ru_name).read_text(encoding="utf-8").splitlines()
        zh = (data / zh_name).read_text(encoding="utf-8").splitlines()
        pairs.extend((r.strip(), z.strip()) for r, z in zip(ru, zh, strict=True) if r.strip() and z.strip())
    return pairs


def generate(data: Path, count: int) -> Iterator[tuple[str, str, int]]:
    """``count`` distinct (ru, zh, number) pairs cycling the real data."""
    pairs = load_pairs(data)
    for i in range(count):
        ru, zh = pairs[i % len(pairs)]
        cycle = i // len(pairs)
        if cycle:
            ru, zh = f"{ru} ({cycle})", f"{zh}（{cycle}）"
        yield ru, zh, i


def step_write_ruzh(data: Path, count: int, out: Path) -> dict[str, object]:
    from ruzh.tmx.types import TranslationUnit
    from ruzh.tmx.writer import TmxSettings, write_tmx

    units = (
        TranslationUnit(
            ru,
            zh,
            doc=f"doc{i // 500}.txt",
            zh_doc=f"doc{i // 500}.zh.txt",
            role="body",
            bead="1-1",
            score=round(0.5 + (i % 50) / 100, 4),
            ru_line=i % 500 + 1,
            zh_line=i % 500 + 1,
        )
        for ru, zh, i in generate(data, count)
    )
    report = write_tmx(out, units, TmxSettings(signature="bench"))
    return {"units": report.written, "mb": round(out.stat().st_size / 1e6, 1)}


def step_read_ruzh(path: Path) -> dict[str, object]:
    from ruzh.tmx.reader import TmxReader

    n = chars = 0
    for unit in TmxReader(path):
        n += 1
        chars += len(unit.ru) + len(unit.zh)
    return {"units": n, "chars": chars}


def step_write_ttk(data: Path, count: int, out: Path) -> dict[str, object]:
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="ru", targetlanguage="zh-CN")
    for ru, zh, _ in generate(data, count):
        store.addtranslation(ru, "ru", zh, "zh-CN")
    with out.open("wb") as handle:
        store.serialize(handle)
    return {"units": len(store.units), "mb": round(out.stat().st_size / 1e6, 1)}


def step_read_ttk(path: Path) -> dict[str, object]:
    from translate.storage.tmx import tmxfile

    with path.open("rb") as handle:
        store = tmxfile(handle)
    n = chars = 0
    for unit in store.units:
        n += 1
        chars += len(unit.source) + len(unit.target)
    return {"units": n, "chars": chars}


def edit(sentence: str, rng: random.Random) -> str:
    """A light edit: one word dropped, one ending changed."""
    words = sentence.split()
    if len(words) > 4:
        del words[rng.randrange(len(words))]
    k = rng.randrange(len(words))
    words[k] = words[k][:-1] if len(words[k]) > 3 else words[k]
    return " ".join(words)


def step_lookup(data: Path, count: int, queries: int) -> dict[str, object]:
    from ruzh.tmx.lookup import TmIndex, signature
    from ruzh.tmx.types import TranslationUnit

    units = [TranslationUnit(ru, zh) for ru, zh, _ in generate(data, count)]
    started = time.perf_counter()
    index = TmIndex(units)
    built = time.perf_counter() - started
    rng = random.Random(7)
    flores = load_pairs(data)[:1012]
    picked = [rng.randrange(len(flores)) for _ in range(queries)]
    asked = [edit(flores[i][0], rng) for i in picked]
    started = time.perf_counter()
    results = index.lookup_many(asked, top=3)
    spent = time.perf_counter() - started
    # A cycled TM holds each sentence several times (with a counter); any copy of the source is a hit.
    hits = sum(
        bool(r) and r[0].unit.ru.split(" (")[0] == flores[i][0].split(" (")[0]
        for r, i in zip(results, picked, strict=True)
    )
    return {
        "index_s": round(built, 2),
        "lookup_s": round(spent, 2),
        "queries": queries,
        "top1": hits,
        "signature": signature(),
    }


def child(args: argparse.Namespace) -> None:
    """Run one step and print its figures as JSON (time, peak RSS of this process)."""
    started = time.perf_counter()
    data, path = Path(args.data), Path(args.path) if args.path else Path()
    steps = {
        "write-ruzh": lambda: step_write_ruzh(data, args.units, path),
        "read-ruzh": lambda: step_read_ruzh(path),
        "write-ttk": lambda: step_write_ttk(data, args.units, path),
        "read-ttk": lambda: step_read_ttk(path),
        "lookup": lambda: step_lookup(data, args.lookup_units, args.queries),
    }
    result = steps[args.step]()
    result["seconds"] = round(time.perf_counter() - started, 2)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 2)  # the machine may be shared: CPU time too
    result["peak_mb"] = round(usage.ru_maxrss / 1024, 1)
    print(json.dumps(result))


def run_step(args: argparse.Namespace, step: str, path: Path | None = None) -> dict[str, object]:
    command = [
        sys.executable,
        __file__,
        "--step",
        step,
        "--data",
        str(args.data),
        "--units",
        str(args.units),
        "--lookup-units",
        str(args.lookup_units),
        "--queries",
        str(args.queries),
    ]
    if path is not None:
        command += ["--path", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{step:11s} {json.dumps(result, ensure_ascii=False)}", file=sys.stderr)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", default=str(DEFAULT_DATA), help="folder with flores200_devtest/ and tatoeba_rus_zho/"
    )
    parser.add_argument(
        "--units", type=int, default=1_000_000, help="units written and read (default 1,000,000)"
    )
    parser.add_argument(
        "--lookup-units", type=int, default=100_000, help="TM size for lookups (default 100,000)"
    )
    parser.add_argument("--queries", type=int, default=1000, help="lookups (default 1,000)")
    parser.add_argument("--skip-ttk", action="store_true", help="do not run translate-toolkit (it needs GBs)")
    parser.add_argument("--skip-lookup", action="store_true", help="do not run the lookup step")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="read the written file this many times (a shared machine's load varies; the least CPU is kept)",
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        child(args)
        return 0
    if not Path(args.data, "flores200_devtest").is_dir():
        print(f"no data at {args.data}: give --data", file=sys.stderr)
        return 2
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_tmx.") as tmp:
        ours, theirs = Path(tmp, "ruzh.tmx"), Path(tmp, "ttk.tmx")
        results["write-ruzh"] = run_step(args, "write-ruzh", ours)
        reads = [run_step(args, "read-ruzh", ours) for _ in range(max(1, args.repeat))]
        results["read-ruzh"] = min(reads, key=lambda r: float(str(r["cpu_s"])))
        if not args.skip_ttk:
            results["write-ttk"] = run_step(args, "write-ttk", theirs)
            results["read-ttk"] = run_step(args, "read-ttk", ours)  # the same file ruzh read
    if not args.skip_lookup:
        results["lookup"] = run_step(args, "lookup")
    for kind in ("write", "read"):
        if f"{kind}-ttk" in results:
            r, t = results[f"{kind}-ruzh"], results[f"{kind}-ttk"]
            time_ratio = float(str(t["seconds"])) / float(str(r["seconds"]))
            memory_ratio = float(str(t["peak_mb"])) / float(str(r["peak_mb"]))
            print(
                f"{kind}: ruzh {r['seconds']} s / {r['peak_mb']} MB; translate-toolkit {t['seconds']} s / "
                f"{t['peak_mb']} MB; translate-toolkit takes {time_ratio:.1f}x the time, "
                f"{memory_ratio:.1f}x the memory"
            )
    print(json.dumps({"units": args.units, **results}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
