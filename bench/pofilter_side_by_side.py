"""``ruzh check`` and translate-toolkit's ``pofilter`` side by side on one TMX.

The TMX holds the FLORES-200 devtest pairs (human translations, punctuation as a Chinese editor
writes it: «…» and "…" become “…”, (…) becomes （…）, a full stop 。), plus a few planted slips so both
tools have something real to find. For every pofilter note on a punctuation test the script asks
whether the pair is in fact a correct Russian→Chinese correspondence (the same number of quotes,
brackets and sentence ends once ru marks are mapped to their Chinese forms); those are false
alarms. It also records pofilter's exit code (pofilter exits 0 whatever it finds).

    python bench/pofilter_side_by_side.py [--work DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

PLANTED: dict[str, str] = {}  # tuid -> the slip planted there
PUNCTUATION_TESTS = ("endpunc", "startpunc", "doublequoting", "singlequoting", "brackets", "puncspacing")
# Russian mark -> the Chinese marks a correct translation uses for it.
QUOTES_RU = '«»„“"'
QUOTES_ZH = "“”‘’「」『』"
ENDS = {".": "。.", "?": "？?", "!": "！!", "…": "…"}


def _count(text: str, marks: str) -> int:
    return sum(text.count(m) for m in marks)


def correct_pair(test: str, ru: str, zh: str) -> bool:
    """True when the punctuation pofilter complains about corresponds correctly between ru and zh."""
    if test == "doublequoting" or test == "singlequoting":
        return _count(ru, QUOTES_RU) == _count(zh, QUOTES_ZH) and _count(ru, QUOTES_RU) > 0
    if test == "brackets":
        return _count(ru, "()") == _count(zh, "()（）") and _count(ru, "()") > 0
    if test in ("endpunc", "startpunc"):
        r, z = ru.rstrip(' »"”)'), zh.rstrip(" ”」』）)")
        if test == "startpunc":
            r, z = ru.lstrip(' «"„('), zh.lstrip(" “「『（(")
            return r[:1].isalnum() and (z[:1].isalnum() or "\u4e00" <= z[:1] <= "\u9fff")
        return bool(r) and bool(z) and r[-1] in ENDS and z[-1] in ENDS[r[-1]]
    # Chinese full-width marks carry no space after them by rule
    return test == "puncspacing"


def balanced(text: str) -> bool:
    """Quotes and brackets of one segment add up (half- and full-width brackets as one family)."""
    return all(
        sum(text.count(c) for c in o) == sum(text.count(c) for c in c2)
        for o, c2 in (("(（", ")）"), ("«", "»"), ("“", "”"), ("《", "》"))
    )


def tu_lines(tmx: Path) -> dict[int, str]:
    """Line of each ``<tu>`` -> its tuid, to map ruzh's positions back to units."""
    root = etree.parse(str(tmx), etree.XMLParser(resolve_entities=False, no_network=True))
    return {tu.sourceline: tu.get("tuid", "") for tu in root.iter("tu")}


def build_tmx(path: Path, limit: int) -> list[tuple[str, str]]:
    """FLORES pairs with three planted slips (a changed year, an untranslated unit, a lost bracket)."""
    from ruzh.tmx.types import TranslationUnit
    from ruzh.tmx.writer import write_tmx

    base = DATA / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()[:limit]
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()[:limit]
    pairs = list(zip(ru, zh, strict=True))
    i = next(k for k, (r, z) in enumerate(pairs) if "2016" in r and "2016" in z)
    pairs[i] = (pairs[i][0], pairs[i][1].replace("2016", "2061"))
    pairs[7] = (pairs[7][0], pairs[7][0])
    j = next(k for k, (_, z) in enumerate(pairs) if "（" in z)
    pairs[j] = (pairs[j][0], pairs[j][1].replace("）", "", 1))
    PLANTED.update({str(i + 1): "year 2016 -> 2061", "8": "untranslated", str(j + 1): "lost ）"})
    write_tmx(path, (TranslationUnit(ru=r, zh=z, tuid=str(k + 1)) for k, (r, z) in enumerate(pairs)))
    return pairs


def pofilter_notes(tmx: Path, out: Path) -> tuple[int, dict[str, list[str]]]:
    """pofilter's exit code and, per tuid, the names of the tests that failed."""
    proc = subprocess.run(
        ["pofilter", "--progress=none", str(tmx), str(out)], capture_output=True, check=False
    )
    notes: dict[str, list[str]] = {}
    root = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True))
    for tu in root.iter("tu"):
        notes[tu.get("tuid", "")] = [(n.text or "").split(":", 1)[0] for n in tu.findall("note")]
    return proc.returncode, notes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ruzh-pofilter")
    parser.add_argument("--limit", type=int, default=1012)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"development data not found at {DATA}", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    tmx = args.work / "flores.tmx"
    pairs = build_tmx(tmx, args.limit)
    code, notes = pofilter_notes(tmx, args.work / "pofilter-out.tmx")
    by_test = Counter(t for tests in notes.values() for t in tests)
    false_alarms = Counter(
        t
        for tuid, tests in notes.items()
        for t in tests
        if t in PUNCTUATION_TESTS and correct_pair(t, *pairs[int(tuid) - 1])
    )
    proc = subprocess.run(
        [sys.executable, "-m", "ruzh", "check", "--tmx", str(tmx), "--format", "json"],
        capture_output=True,
        check=False,
    )
    report = json.loads(proc.stdout)
    ruzh_rules = Counter(f["rule"] for f in report["findings"])
    print(f"TMX: {len(pairs)} FLORES-200 devtest units, 3 planted slips ({tmx})")
    print(f"pofilter: exit {code}, {len(notes)} units flagged, {sum(by_test.values())} notes")
    for test, n in by_test.most_common():
        extra = f"  ({false_alarms[test]} on a correct ru→zh pair)" if test in false_alarms else ""
        print(f"  {n:5d} {test}{extra}")
    print(f"pofilter notes on correct punctuation pairs: {sum(false_alarms.values())}")
    print(f"ruzh check: exit {proc.returncode}, {len(report['findings'])} findings")
    for rule, n in ruzh_rules.most_common():
        print(f"  {n:5d} {rule}")
    pairs_found = [f for f in report["findings"] if f["rule"] == "unbalanced-pair"]
    wrong = [f for f in pairs_found if balanced(f["text"])]
    print(f"ruzh unbalanced-pair findings: {len(pairs_found)}, on a segment whose marks add up: {len(wrong)}")
    for f in report["findings"]:
        if f["rule"] == "zh-halfwidth-punct":  # a half-width mark inside Chinese text is never a correct pair
            print(f"  zh-halfwidth-punct line {f['line']}: {f['message']}")
    where = tu_lines(tmx)
    ruzh_by_tuid: dict[str, list[str]] = {}
    for f in report["findings"]:
        ruzh_by_tuid.setdefault(where.get(f["line"], "?"), []).append(f["rule"])
    for tuid, slip in PLANTED.items():
        print(
            f"planted {slip} (unit {tuid}): pofilter {notes.get(tuid, [])}; ruzh {ruzh_by_tuid.get(tuid, [])}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
