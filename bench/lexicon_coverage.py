"""How much Russian text the shipped ru–zh lexicon covers, and how often its renderings hit.

The sentence aligner matches Russian lemmas against Chinese renderings, so a lexicon is only as
useful as (a) the share of Russian content-word tokens whose lemma has an entry and (b) the share of
those lemma occurrences whose Chinese rendering really appears in the parallel Chinese line. This
script measures both on any text, and validates the lexicon files' format on the way.

Precision is set against a chance baseline: how often the same renderings occur in an unrelated
Chinese line (half the file away). The Chinese is first converted to Simplified characters the way
the aligner does it (``align.aligner.features.simplified``: Tatoeba's Chinese is partly Traditional,
and the lexicon is Simplified), and spaces are removed, as FLORES writes "2011 年" and "4 个月";
``--keep-spaces`` keeps them.

Usage::

    python bench/lexicon_coverage.py ../shared/data/flores200_devtest/rus_Cyrl.devtest
    python bench/lexicon_coverage.py RU.txt --zh ZH.txt          # adds the precision check
    python bench/lexicon_coverage.py --validate                   # format and lemma checks only
    python bench/lexicon_coverage.py RU.txt --zh ZH.txt --pos NOUN,NAME   # list problems of these POS
    python bench/lexicon_coverage.py RU.txt --lexicon align/data/lexicon/nouns.tsv \
        --lexicon align/data/lexicon/names.tsv

Exit status: 0, or 1 when the lexicon files have problems (malformed lines, duplicate keys across
files, keys that lemma() never returns).

Word classes come from pymorphy3's most likely parse of each token: NAME (geographical names,
surnames, first names, organisations), NOUN, ADJ (adjectives, participles), VERB (verbs, gerunds,
infinitives), ADVB. Function words are not counted.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex
from ruzh.align.aligner.features import simplified
from ruzh.align.morphology import is_known_word, lemma, parses

REPO = Path(__file__).resolve().parents[1]
LEXICON_DIR = REPO / "align" / "data" / "lexicon"

WORD = regex.compile(r"\p{Cyrillic}+(?:-\p{Cyrillic}+)*")
# A rendering: Han characters, optionally Latin letters or digits (acronyms such as "APEC", "5G").
RENDERING = regex.compile(r"[\p{Han}A-Za-z0-9·]+")
HAN = regex.compile(r"\p{Han}")
NAME_TAGS = ("Geox", "Surn", "Name", "Patr", "Orgn", "Trad")
CLASS_OF_POS = {
    "NOUN": "NOUN",
    "ADJF": "ADJ",
    "ADJS": "ADJ",
    "COMP": "ADJ",
    "PRTF": "ADJ",
    "PRTS": "ADJ",
    "VERB": "VERB",
    "INFN": "VERB",
    "GRND": "VERB",
    "ADVB": "ADVB",
}
CLASSES = ("NAME", "NOUN", "ADJ", "VERB", "ADVB")
# Everyday words have several usual renderings (играть: 玩, 打, 踢, 弹); more would match by chance.
MAX_RENDERINGS = 6


@dataclass(frozen=True)
class Entry:
    """One lexicon line: where it is, its part of speech and its Chinese renderings."""

    file: str
    line: int
    pos: str
    renderings: tuple[str, ...]


def lexicon_files(paths: list[Path]) -> list[Path]:
    """The .tsv files named, or found in the directories named."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("*.tsv")) if p.is_dir() else [p])
    return files


def read_lexicon(files: list[Path], problems: list[str]) -> dict[str, Entry]:
    """Parse the lexicon files; malformed lines and duplicate keys go to ``problems``."""
    entries: dict[str, Entry] = {}
    for f in files:
        for n, raw in enumerate(read_lines(f), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            where = f"{f.name}:{n}"
            cols = raw.split("\t")
            if len(cols) != 3:
                problems.append(f"{where}: {len(cols)} tab-separated columns, expected 3: {raw!r}")
                continue
            key, pos, zh = cols
            renderings = tuple(zh.split("|"))
            problems.extend(f"{where}: {msg}" for msg in check_entry(key, pos, renderings))
            if key in entries:
                first = entries[key]
                problems.append(f"{where}: duplicate key {key!r} (first at {first.file}:{first.line})")
                continue
            entries[key] = Entry(f.name, n, pos, renderings)
    return entries


def check_entry(key: str, pos: str, renderings: tuple[str, ...]) -> Iterator[str]:
    """Format rules of one entry: lower-case key without ё, known POS, 1-6 clean renderings."""
    if key != key.lower() or "ё" in key or key != key.strip() or not key:
        yield f"key {key!r} must be lower-case, stripped, with е for ё"
    if not pos.isupper() or not pos.isalpha():
        yield f"POS {pos!r} must be an upper-case tag such as NOUN"
    if not 1 <= len(renderings) <= MAX_RENDERINGS:
        yield f"{len(renderings)} renderings for {key!r}, expected 1-{MAX_RENDERINGS}"
    if len(set(renderings)) != len(renderings):
        yield f"repeated rendering for {key!r}: {'|'.join(renderings)}"
    for r in renderings:
        if not RENDERING.fullmatch(r) or not (HAN.search(r) or r.isupper() or r.isdigit()):
            yield f"rendering {r!r} of {key!r} is not Han characters (or an upper-case acronym)"


def lemma_problems(entries: dict[str, Entry]) -> Iterator[tuple[bool, str]]:
    """(is_error, message) for keys that lemma() may never return.

    An error: a dictionary word for which lemma() returns the key for none of its forms. A key
    need not be its own lemma: lemma("математика") is "математик" (a genitive reading wins), yet
    "математики", "математикой" give "математика", so both keys are useful. A warning: fewer than a
    quarter of the forms give the key, or the word is unknown to the dictionary (a guessed lemma,
    such as "сианя" for "Сиань", cannot be checked from the key alone).
    """
    for key, e in entries.items():
        where = f"{e.file}:{e.line}"
        if not is_known_word(key):
            if lemma(key) != key:
                yield False, f"{where}: {key!r} is not in the dictionary (guessed lemma {lemma(key)!r})"
            continue
        forms = {
            f.word
            for p in parses(key)
            if p.normal_form.replace("ё", "е") == key
            for f in p.lexeme
            if f.tag.POS not in ("PRTF", "PRTS")  # lemma() keeps participles as adjectives
        }
        produced = sum(lemma(w) == key for w in forms)
        if lemma(key) != key and not produced:
            yield True, f"{where}: lemma() gives {lemma(key)!r}, never {key!r}, for the forms of {key!r}"
        elif forms and produced * 4 < len(forms):
            yield False, f"{where}: fewer than a quarter of the forms of {key!r} have it as lemma()"


def word_class(word: str) -> str | None:
    """NAME, NOUN, ADJ, VERB, ADVB for a content word by its most likely parse, else None."""
    options = parses(word.lower().replace("ё", "е"))
    if not options:
        return None
    tag = options[0].tag
    cls = CLASS_OF_POS.get(str(tag.POS)) if tag.POS else None
    if cls == "NOUN" and any(t in tag for t in NAME_TAGS):
        return "NAME"
    if cls is None and str(tag).startswith("UNKN") and len(word) > 1:
        return "NAME" if word[0].isupper() else "NOUN"
    return cls


def tokens(line: str) -> Iterator[tuple[str, str]]:
    """(class, lemma) of each Russian content-word token of a line."""
    for m in WORD.finditer(line):
        cls = word_class(m.group())
        if cls is not None:
            yield cls, lemma(m.group())


def coverage(lines: Iterable[str], entries: dict[str, Entry]) -> dict[str, tuple[int, int, Counter[str]]]:
    """Per word class: tokens covered, tokens seen, and the counts of missing lemmas."""
    seen: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    missing: dict[str, Counter[str]] = {c: Counter() for c in CLASSES}
    for line in lines:
        for cls, lem in tokens(line):
            seen[cls] += 1
            if lem in entries:
                hit[cls] += 1
            else:
                missing[cls][lem] += 1
    return {c: (hit[c], seen[c], missing[c]) for c in CLASSES}


@dataclass
class Hits:
    """For one lexicon entry: lines with the lemma, and how many of them found a rendering
    in the parallel Chinese line and in an unrelated one (half the file away: a chance baseline)."""

    lines: int = 0
    parallel: int = 0
    unrelated: int = 0


def precision(ru: list[str], zh: list[str], entries: dict[str, Entry], keep_spaces: bool) -> dict[str, Hits]:
    """Per entry: how often its rendering occurs in the parallel line vs. in an unrelated line.

    The Chinese is matched as the aligner sees it: in Simplified characters, and without spaces
    (FLORES writes "4 个月", "2011 年") unless ``keep_spaces``.
    """
    zh = [simplified(z) if keep_spaces else "".join(simplified(z).split()) for z in zh]
    stats: dict[str, Hits] = {}
    for i, line in enumerate(ru):
        other = zh[(i + len(zh) // 2) % len(zh)]
        for lem in {lem for _, lem in tokens(line) if lem in entries}:
            h = stats.setdefault(lem, Hits())
            h.lines += 1
            h.parallel += any(r in zh[i] for r in entries[lem].renderings)
            h.unrelated += any(r in other for r in entries[lem].renderings)
    return stats


def report_coverage(name: str, result: dict[str, tuple[int, int, Counter[str]]], top: int) -> None:
    """Print coverage per class and the most frequent missing lemmas."""
    print(f"== coverage of {name}")
    all_hit = sum(h for h, _, _ in result.values())
    all_seen = sum(s for _, s, _ in result.values())
    for cls, (h, s, _) in result.items():
        print(f"  {cls:5} {h:6d} / {s:6d} tokens  {h / max(s, 1):6.1%}")
    print(f"  all   {all_hit:6d} / {all_seen:6d} tokens  {all_hit / max(all_seen, 1):6.1%}")
    for cls, (_, _, miss) in result.items():
        if miss and top:
            shown = ", ".join(f"{w} {c}" for w, c in miss.most_common(top))
            print(f"  missing {cls}: {shown}")


def report_precision(stats: dict[str, Hits], entries: dict[str, Entry], pos: set[str], top: int) -> None:
    """Print hit rates per part of speech, and the entries seen at least twice that never hit."""
    print("== precision: lemma occurrences (once per line) whose rendering is in the parallel Chinese line")
    for p in sorted({e.pos for e in entries.values()}):
        sel = [h for lem, h in stats.items() if entries[lem].pos == p]
        n = sum(h.lines for h in sel)
        if n:
            par, unr = sum(h.parallel for h in sel), sum(h.unrelated for h in sel)
            print(
                f"  {p:5} {par:6d} / {n:6d}  {par / n:6.1%}   in an unrelated line: {unr / n:6.1%}"
                f"   ({len(sel)} entries seen)"
            )
    mine = {lem: h for lem, h in stats.items() if not pos or entries[lem].pos in pos}
    never = sorted(
        ((h.lines, lem) for lem, h in mine.items() if h.parallel == 0 and h.lines >= 2), reverse=True
    )
    if never:
        print(
            f"  never found (seen >= 2 lines): {len(never)}: "
            + ", ".join(f"{lem} {n}" for n, lem in never[:top])
        )
    weak = sorted(
        (h.parallel / h.lines, -h.lines, lem)
        for lem, h in mine.items()
        if h.lines >= 4 and 0 < h.parallel / h.lines < 0.5
    )
    if weak:
        print(
            "  found in under half of the lines (seen >= 4): "
            + ", ".join(f"{lem} {mine[lem].parallel}/{mine[lem].lines}" for _, _, lem in weak[:top])
        )
    noisy = sorted((-h.unrelated / h.lines, lem) for lem, h in mine.items() if h.lines >= 3 and h.unrelated)
    if noisy:
        print(
            "  often found in unrelated lines (seen >= 3): "
            + ", ".join(f"{lem} {mine[lem].unrelated}/{mine[lem].lines}" for _, lem in noisy[:top])
        )


def read_lines(path: Path) -> list[str]:
    """All lines of a UTF-8 text file; a clear message (exit 2) when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        sys.exit(f"error: cannot read {path}: {err}")


def main(argv: list[str] | None = None) -> int:
    """Validate the lexicon, then measure coverage (and precision with --zh)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="*", type=Path, help="Russian text files, one sentence per line")
    ap.add_argument(
        "--lexicon",
        action="append",
        type=Path,
        help="a lexicon .tsv file or directory; repeat for several (default: align/data/lexicon)",
    )
    ap.add_argument("--zh", type=Path, help="Chinese file line-parallel to the (single) Russian text")
    ap.add_argument("--top", type=int, default=40, help="how many missing lemmas to list per class")
    ap.add_argument("--validate", action="store_true", help="also check every key with lemma()")
    ap.add_argument("--pos", default="", help="list problem entries only of these POS, e.g. NOUN,NAME")
    ap.add_argument("--keep-spaces", action="store_true", help="match against Chinese with its spaces")
    args = ap.parse_args(argv)
    problems: list[str] = []
    files = lexicon_files(args.lexicon or [LEXICON_DIR])
    entries = read_lexicon(files, problems)
    if args.validate:
        for is_error, msg in lemma_problems(entries):
            if is_error:
                problems.append(msg)
            else:
                print(f"warning: {msg}", file=sys.stderr)
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    counts = Counter(e.pos for e in entries.values())
    print(
        f"lexicon: {len(entries)} entries from {len(files)} files "
        f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); {len(problems)} problems"
    )
    for text in args.texts:
        report_coverage(str(text), coverage(read_lines(text), entries), args.top)
    if args.zh is not None:
        if len(args.texts) != 1:
            ap.error("--zh needs exactly one Russian text")
        ru, zh = read_lines(args.texts[0]), read_lines(args.zh)
        if len(ru) != len(zh):
            ap.error(f"{args.texts[0]} has {len(ru)} lines but {args.zh} has {len(zh)}")
        stats = precision(ru, zh, entries, args.keep_spaces)
        report_precision(stats, entries, set(filter(None, args.pos.split(","))), args.top)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
