"""Chinese typography: half-width punctuation, unbalanced pairs, stray spaces, 一 standing for a dash.

Chinese prose uses full-width punctuation (GB/T 15834-2011). PDF extraction and hasty typing leave
half-width marks (``数字政府,强化``), spaces inside words (``推 动``) and the character 一 ("one")
where a dash belongs (``中国一中东欧``, read 中国—中东欧). All positions come from the raw lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import regex
from ruzh.checks.findings import Finding
from ruzh.checks.rules import finding
from ruzh.checks.summary import CorpusCheck, Fact
from ruzh.checks.text import DocumentText
from ruzh.lang.marks import CLOSERS, LOW_QUOTE, OPENERS

_HAN = regex.compile(r"\p{Han}")
# Closing marks after which a following half-width mark is still in Chinese text.
_CJK_CLOSERS = "”’》〉」』）】。，、"

# Half-width mark -> (class, its full-width counterpart).
HALF_TO_FULL: dict[str, tuple[str, str]] = {
    ",": ("comma", "，"),
    ".": ("period", "。"),
    ";": ("semicolon", "；"),
    ":": ("colon", "："),
    "(": ("paren", "（"),
    ")": ("paren", "）"),
    "!": ("exclamation", "！"),
    "?": ("question", "？"),
}
FULL_CLASSES: dict[str, str] = {full: cls for cls, full in HALF_TO_FULL.values()}
# A half-width class used at least this often and more than its full-width twin is taken as the
# document's deliberate convention (e.g. headings numbered ``(一)`` throughout), not as slips.
CONVENTION_MIN = 3

_STRAY_SPACE = regex.compile(r"(\p{Han})([ \t\u00a0\u3000]+)(\p{Han})")
_ZH_SENTENCE_PUNCT = regex.compile(r"[，。、；：！？]")
# A Chinese line shorter than this without sentence punctuation is a byline, heading or table cell,
# where spaces separate names or columns (``文/左鹏飞 陈静``).
PROSE_MIN_HAN = 20

# Partners written 中国—X in Belt-and-Road texts; 中国一X with 一 ("one") is a slip for the dash.
DASH_PARTNERS = ("中东欧", "东盟", "阿拉伯", "中亚", "拉美", "非洲", "欧盟", "太平洋岛国", "海合会")
_DASHES = "—–－―"


def _in_chinese(line: str, i: int) -> bool:
    """True when the half-width mark at ``line[i]`` follows Chinese text."""
    j = i - 1
    while j >= 0 and line[j] == " ":
        j -= 1
    return j >= 0 and (bool(_HAN.match(line[j])) or line[j] in _CJK_CLOSERS)


def _candidates(lines: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(line, 0-based index, mark) of half-width marks in Chinese context."""
    for number, line in enumerate(lines, 1):
        for i, ch in enumerate(line):
            if ch not in HALF_TO_FULL:
                continue
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if ch == "(":
                if (i > 0 and _HAN.match(line[i - 1])) or (nxt and _HAN.match(nxt)):
                    yield number, i, ch
            elif ch == ")":
                if (nxt and _HAN.match(nxt)) or _in_chinese(line, i):
                    yield number, i, ch
            elif ch == ".":
                # 影响.智慧 but not 5.G, .com, or an ellipsis
                if i > 0 and _HAN.match(line[i - 1]) and not regex.match(r"[\p{Latin}\d.]", nxt):
                    yield number, i, ch
            elif _in_chinese(line, i) and not (ch == ":" and nxt == "/"):
                yield number, i, ch


_SEGMENT_PREFILTER = regex.compile(
    r"[\p{Han}”’》〉」』）】] ?[,;:!?()]|\p{Han}\.(?![\p{Latin}\d.])|[()]\p{Han}"
)


def segment_halfwidth(text: str) -> list[tuple[int, str]]:
    """(0-based index, mark) of half-width marks in the Chinese text of one segment.

    Parentheses around Latin or digits only, ``(CEP)``, follow a common convention for foreign
    names in Chinese translations and are left alone here; a document-wide convention decides in
    :func:`halfwidth_punctuation`.
    """
    if not _SEGMENT_PREFILTER.search(text):
        return []
    out = []
    for _, i, ch in _candidates((text,)):
        if ch in "()":
            j = text.rfind("(", 0, i) if ch == ")" else i
            k = i if ch == ")" else text.find(")", i)
            inner = text[j + 1 : k] if j >= 0 and k >= 0 else ""
            if inner and not _HAN.search(inner):
                continue
        out.append((i, ch))
    return out


def halfwidth_punctuation(src: DocumentText) -> Iterator[Finding]:
    """Half-width marks in Chinese text of a document whose Chinese text otherwise uses full width."""
    cands = list(_candidates(src.lines))
    if not cands:
        return
    full = Counter(FULL_CLASSES[ch] for line in src.lines for ch in line if ch in FULL_CLASSES)
    half = Counter(HALF_TO_FULL[ch][0] for _, _, ch in cands)
    if sum(full.values()) <= sum(half.values()):
        return  # the document's Chinese text is not full-width; nothing to be consistent with
    skip = {c for c, n in half.items() if n >= CONVENTION_MIN and n > full[c]}
    done: set[tuple[int, int]] = set()
    for number, i, ch in cands:
        cls, fw = HALF_TO_FULL[ch]
        if cls in skip or (number, i) in done:
            continue
        line = src.lines[number - 1]
        if ch == "(":
            close = line.find(")", i + 1, i + 40)
            if close > 0:
                done.add((number, close))
                text = line[i : close + 1]
                yield finding(
                    "zh-halfwidth-punct",
                    f"half-width parentheses {text} in Chinese text "
                    f"(the document uses （） {full[cls] // 2}×); "
                    f"write （{text[1:-1]}）",
                    src.name,
                    number,
                    i + 1,
                    text,
                    context=line[max(0, i - 4) : close + 5],
                )
                continue
        yield finding(
            "zh-halfwidth-punct",
            f"half-width '{ch}' in Chinese text (the document uses '{fw}' {full[cls]}×); write '{fw}'",
            src.name,
            number,
            i + 1,
            ch,
            context=line[max(0, i - 4) : i + 5],
        )


_OPENERS, _CLOSERS = OPENERS, CLOSERS
# Longest stretch of running text a quote or bracket is allowed to stay open.
MAX_SPAN = 400
# ``1)`` ``а)`` ``b)``: list enumerators in Russian and English have no opening bracket.
_ENUMERATOR = regex.compile(r"(?:^|[\s;:,.])(?:\d{1,2}|[\p{Cyrillic}\p{Latin}])$")


# Closing quote -> (its opening partner, the opening mark to suggest) for pairs typed the wrong way
# round: ”七姊妹“ for “七姊妹”.
_REVERSED = {"”": ("“", "“"), "»": ("«", "«")}
REVERSED_SPAN = 60


def _reversed_end(s: str, i: int) -> int:
    """Offset of the opening quote that ends a reversed pair starting with the closer at ``i``, or -1."""
    if s[i] not in _REVERSED:
        return -1
    opener = _REVERSED[s[i]][0]
    end = s.find(opener, i + 1, i + REVERSED_SPAN)
    if end < 0 or s.find(s[i], i + 1, end) >= 0:
        return -1
    # the opener at ``end`` is a real one when a closer follows it before any other opener
    close, reopen = s.find(s[i], end + 1, end + MAX_SPAN), s.find(opener, end + 1, end + MAX_SPAN)
    return -1 if close >= 0 and (reopen < 0 or close < reopen) else end


def _unmatched_closer(s: str, i: int) -> tuple[str, int] | None:
    """For a closer at ``i`` with no opener: (message, offset of a reversed partner or -1), or
    ``None`` for a list enumerator such as ``1)``."""
    ch = s[i]
    if ch == ")" and _ENUMERATOR.search(s[max(0, i - 4) : i]):
        return None
    end = _reversed_end(s, i)
    if end > 0:
        return f"quotes reversed: {s[i : end + 1]}; write {_REVERSED[ch][1]}{s[i + 1 : end]}{ch}", end
    return f"'{ch}' closes nothing: its opening partner is missing", -1


def unbalanced_pairs(src: DocumentText) -> Iterator[Finding]:
    """Quotes and brackets opened and never closed, or closed without an opener, in running text."""
    s = src.text
    stack: list[tuple[str, int]] = []

    def report(offset: int, what: str, end: int = -1) -> Finding:
        line, col = src.locate(offset)
        text = s[offset : end + 1] if end > 0 else s[offset]
        return finding(
            "unbalanced-pair", what, src.name, line, col, text, context=s[max(0, offset - 6) : offset + 6]
        )

    skip: set[int] = set()
    for i, ch in enumerate(s):
        if i in skip:
            continue
        while stack and i - stack[0][1] > MAX_SPAN:
            mark, at = stack.pop(0)
            yield report(at, f"'{mark}' is not closed within {MAX_SPAN} characters; add its partner")
        if ch == LOW_QUOTE[1] and stack and stack[-1][0] == LOW_QUOTE[0]:
            stack.pop()  # Russian inner quotes „…“
        elif ch in _OPENERS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            family = _CLOSERS[ch]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if _OPENERS[stack[k][0]] == family), -1)
            if depth < 0:
                unmatched = _unmatched_closer(s, i)
                if unmatched is not None:
                    skip.add(unmatched[1])
                    yield report(i, unmatched[0], unmatched[1])
                continue
            for mark, at in stack[depth + 1 :]:
                yield report(at, f"'{mark}' is not closed before '{ch}'; add its partner")
            del stack[depth:]
    for mark, at in stack:
        yield report(at, f"'{mark}' is never closed; add its partner")


def stray_spaces(src: DocumentText) -> Iterator[Finding]:
    """Spaces between two Han characters in lines of running Chinese prose."""
    for number, line in enumerate(src.lines, 1):
        if "  " in line.strip() and not _ZH_SENTENCE_PUNCT.search(line):
            continue  # columns of a table
        if not _ZH_SENTENCE_PUNCT.search(line) and len(_HAN.findall(line)) < PROSE_MIN_HAN:
            continue
        for m in _STRAY_SPACE.finditer(line):
            text = m.group(0)
            yield finding(
                "zh-stray-space",
                f"space inside Chinese text '{text}'; write '{m.group(1)}{m.group(3)}'",
                src.name,
                number,
                m.start() + 1,
                text,
                context=line[max(0, m.start() - 4) : m.end() + 4],
            )


def _dash_facts(src: DocumentText) -> tuple[Fact, ...]:
    """A document's dash contexts (Han before, two characters after: 中国—中东欧 gives 国, 中东) and
    every 一 that may stand for a dash, with whether it does whatever the rest of the corpus writes."""
    s = src.text
    facts: dict[tuple[str, str], Fact] = {}
    for i, ch in enumerate(s):
        if ch in _DASHES and 0 < i < len(s) - 2 and _HAN.match(s[i - 1]) and _HAN.match(s[i + 1]):
            facts.setdefault((s[i - 1], s[i + 1 : i + 3]), Fact("dash", 0, 0, s[i - 1], (s[i + 1 : i + 3],)))
    found = list(facts.values())
    for m in regex.finditer(r"一", s):
        i = m.start()
        before, after = s[i - 1 : i], s[i + 1 : i + 3]
        partner = (
            before == "国" and s[i - 2 : i] == "中国" and any(s.startswith(p, i + 1) for p in DASH_PARTNERS)
        )
        cyrillic = bool(regex.match(r"\s", before) and regex.match(r"\s\p{Cyrillic}", after))
        line, col = src.locate(i)
        alone = "yes" if partner or cyrillic else ""
        found.append(Fact("han", line, col, s[max(0, i - 2) : i + 4], (before, after, alone)))
    return tuple(found)


def _han_for_dash(documents: Sequence[tuple[str, tuple[Fact, ...]]]) -> Iterator[Finding]:
    """一 where the corpus writes a dash in the same place, or between Russian words."""
    contexts = {(f.text, f.data[0]) for _, facts in documents for f in facts if f.kind == "dash"}
    for name, facts in documents:
        for f in facts:
            if f.kind != "han" or not (f.data[2] or (f.data[0], f.data[1]) in contexts):
                continue
            yield finding(
                "han-for-dash",
                f"'一' (the Han numeral one) in '{f.text}' stands where a dash belongs; write '—'",
                name,
                f.line,
                f.column,
                "一",
                context=f.text,
            )


HAN_FOR_DASH = CorpusCheck(_dash_facts, _han_for_dash)
