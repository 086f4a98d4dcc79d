"""Parallel documents with a known gold alignment, built from line-parallel data (for evaluation:
``bench/bench_align.py`` and the accuracy tests).

FLORES-200 devtest lines are grouped into articles by consecutive equal URLs and articles into
documents of about 30 sentences. Each document is then perturbed with a fixed seed: a share of the
sentences is deleted on one side (gold 1-0 or 0-1 beads), and on each side independently a share of
adjacent sentences is merged (gold 1-2, 2-1, 2-2 beads). The gold follows from which original lines
each resulting sentence holds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class TestDoc:
    """One perturbed document: both sides' sentences and the gold beads."""

    ru: list[str]
    zh: list[str]
    gold: list[BeadPair]


def read_flores(data: Path) -> tuple[list[str], list[str], list[str]]:
    """Russian lines, Chinese lines and article URLs of FLORES-200 devtest."""
    base = data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    meta = (base / "metadata_devtest.tsv").read_text(encoding="utf-8").splitlines()[1:]
    urls = [line.split("\t")[0] for line in meta]
    return ru, zh, urls


def read_tatoeba(data: Path, script: str = "cmn_Hans") -> tuple[list[str], list[str]]:
    """Tatoeba ru–zh pairs whose Chinese side is in the given script (Simplified by default)."""
    base = data / "tatoeba_rus_zho"
    ru = (base / "tatoeba-test-v2021-08-07.rus").read_text(encoding="utf-8").splitlines()
    zh = (base / "tatoeba-test-v2021-08-07.zho").read_text(encoding="utf-8").splitlines()
    labels = (base / "tatoeba-test-v2021-08-07.zho.labels").read_text(encoding="utf-8").splitlines()
    keep = [k for k, label in enumerate(labels) if label == script]
    return [ru[k] for k in keep], [zh[k] for k in keep]


def group_by_url(urls: list[str], size: int = 30) -> list[range]:
    """Consecutive articles (runs of equal URLs) packed into documents of about ``size`` lines."""
    docs: list[range] = []
    start = 0
    for k in range(1, len(urls) + 1):
        boundary = k == len(urls) or urls[k] != urls[k - 1]
        if boundary and k - start >= size:
            docs.append(range(start, k))
            start = k
    if start < len(urls):
        docs.append(range(start, len(urls)))
    return docs


def chunks(count: int, size: int) -> list[range]:
    """Fixed-size pseudo-documents for data without article boundaries."""
    return [range(s, min(s + size, count)) for s in range(0, count, size)]


def _merge(units: list[list[int]], rate: float, rng: random.Random) -> list[list[int]]:
    out: list[list[int]] = []
    k = 0
    while k < len(units):
        if k + 1 < len(units) and rng.random() < rate:
            out.append(units[k] + units[k + 1])
            k += 2
        else:
            out.append(units[k])
            k += 1
    return out


def perturb(ru: list[str], zh: list[str], merge: float, delete: float, rng: random.Random) -> TestDoc:
    """Delete on one side, merge on each side, and derive the gold beads."""
    ru_keep: list[int] = []
    zh_keep: list[int] = []
    for k in range(len(ru)):
        if rng.random() < delete:
            (ru_keep if rng.random() < 0.5 else zh_keep).append(k)
        else:
            ru_keep.append(k)
            zh_keep.append(k)
    ru_units = _merge([[k] for k in ru_keep], merge, rng)
    zh_units = _merge([[k] for k in zh_keep], merge, rng)
    gold = _gold(ru_units, zh_units)
    ru_text = [" ".join(ru[k] for k in u) for u in ru_units]
    return TestDoc(ru_text, ["".join(zh[k] for k in u) for u in zh_units], gold)


def _gold(ru_units: list[list[int]], zh_units: list[list[int]]) -> list[BeadPair]:
    """Beads = connected groups of units that share original lines, in order."""
    ru_of = {k: u for u, unit in enumerate(ru_units) for k in unit}
    zh_of = {k: u for u, unit in enumerate(zh_units) for k in unit}
    beads: list[BeadPair] = []
    r = z = 0
    while r < len(ru_units) or z < len(zh_units):
        r_alone = r < len(ru_units) and not any(k in zh_of for k in ru_units[r])
        z_alone = z < len(zh_units) and not any(k in ru_of for k in zh_units[z])
        if r_alone and (not z_alone or min(ru_units[r]) < min(zh_units[z])):
            beads.append(((r,), ()))
            r += 1
            continue
        if z_alone or r >= len(ru_units):
            beads.append(((), (z,)))
            z += 1
            continue
        rs: set[int] = set()
        zs: set[int] = set()
        frontier_r, frontier_z = {r}, {z}
        while frontier_r or frontier_z:
            rs |= frontier_r
            zs |= frontier_z
            new_z = {zh_of[k] for u in frontier_r for k in ru_units[u] if k in zh_of} - zs
            new_r = {ru_of[k] for u in frontier_z for k in zh_units[u] if k in ru_of} - rs
            # a unit lying between two units of the group belongs to it (a deletion inside a merge)
            new_r |= set(range(min(rs | new_r), max(rs | new_r) + 1)) - rs
            new_z |= set(range(min(zs | new_z), max(zs | new_z) + 1)) - zs
            frontier_r, frontier_z = new_r, new_z
        beads.append((tuple(sorted(rs)), tuple(sorted(zs))))
        r, z = max(rs) + 1, max(zs) + 1
    return beads


def build(
    ru: list[str], zh: list[str], docs: list[range], merge: float, delete: float, seed: int
) -> list[TestDoc]:
    """Perturbed documents, reproducible from the seed."""
    rng = random.Random(seed)
    return [perturb([ru[k] for k in d], [zh[k] for k in d], merge, delete, rng) for d in docs]
