"""Chinese term candidates: noun compounds assembled from jieba's words, ranked with C-value.

jieba splits 数字经济 into 数字/经济 and 数字基础设施 into 数字/基础设施, so a compound is a run of
nominal words (nouns, verbal nouns, abbreviations, distinguishing words) with nothing between
them; every sub-run of one to four words is a candidate, and C-value discounts a short compound
that only occurs inside a longer one. A single word needs two characters (基础设施, 疫苗); generic
ones (问题, 方面) lose by termhood against general-language frequency, and ``data/stop_zh.tsv``
keeps out the few that termhood cannot judge.
"""

from __future__ import annotations

import logging
import marshal
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Any, NamedTuple

import regex
from ruzh.glossary.attest import add_counts, context, copied, new_counter
from ruzh.glossary.collect_ru import read_stop_table
from ruzh.glossary.names import NameTally, chinese_names, merge_examples, merge_names

_HAN = regex.compile(r"^\p{Han}+$")
_NOMINAL_FLAGS = ("n", "vn", "j", "b", "an")
MAX_WORDS = 4
# One-character words that may end a compound: -isation, -ity, city, province, district,
# bureau, industry, rate, network.
SUFFIXES = frozenset("化性市省区局业率网")


@dataclass
class ZhTally:
    """Counts of one compound across a corpus."""

    words: tuple[str, ...]
    docs: Counter[str] = field(default_factory=Counter)
    starts: int = 0
    ends: int = 0
    examples: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The compound as written."""
        return "".join(self.words)

    @property
    def freq(self) -> int:
        """Total occurrences."""
        return sum(self.docs.values())

    @property
    def free(self) -> bool:
        """Seen at least once starting and once ending a run of nouns: not only ever a fragment."""
        return self.starts > 0 and self.ends > 0


class Word(NamedTuple):
    """A word as jieba cuts it, with its part-of-speech flag from jieba's dictionary."""

    word: str
    flag: str


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """jieba's tokenizer with its default dictionary, loaded on first use and kept quiet (it logs
    its dictionary loading)."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    _load_cached_dictionary(jieba.dt)
    jieba.dt.check_initialized()
    return jieba.dt


def load_segmenter() -> None:
    """Load jieba's dictionary and word tags now: a process that forks workers afterwards shares
    them, where each worker would otherwise load its own (0.8 s of CPU each)."""
    _word_tags()


def _import_jieba() -> Any:
    """``import jieba`` without ``pkg_resources``: jieba imports it (0.15 s of CPU, nothing else
    in a build does) only to open its own dictionary file, and opens that file by its path, the
    same bytes, when the import fails."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    """``{word: flag}`` of jieba's default dictionary, the table ``jieba.posseg`` builds at import
    line by line (0.6 s of CPU); its lines are ``word freq flag``, so one split of the whole file
    gives the same table in a third of the time."""
    tokenizer = _tokenizer()
    with tokenizer.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3:
        raise ValueError(
            f"jieba dictionary {tokenizer.dictionary or 'dict.txt'}: lines of three fields expected"
        )
    return dict(zip(fields[0::3], fields[2::3], strict=True))


def _load_cached_dictionary(tokenizer: Any) -> None:
    """Load jieba's default dictionary from the cache file jieba itself writes, read in one piece:
    jieba's own ``marshal.load`` on the open file reads it object by object, which takes about
    1.4 s of CPU where ``marshal.loads`` of its bytes takes 0.3 s. Anything unexpected (no cache
    yet, another dictionary, an unreadable file) leaves the loading to jieba."""
    if tokenizer.initialized or tokenizer.dictionary is not None:
        return
    path = Path(tokenizer.tmp_dir or tempfile.gettempdir()) / (tokenizer.cache_file or "jieba.cache")
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return
    if isinstance(freq, dict) and isinstance(total, int) and total > 0:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary holds the word (with a frequency: not only as a prefix)."""
    return bool(_frequencies().get(word))


def dictionary_flag(word: str) -> str:
    """The part-of-speech flag jieba's dictionary gives the word ("" if it has none)."""
    return _word_tags().get(word, "")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """jieba's word frequencies (its prefixes are in it with 0)."""
    freq: dict[str, int] = _tokenizer().FREQ
    return freq


@lru_cache(maxsize=1)
def stop_list() -> dict[str, dict[str, str]]:
    """``{"head"|"word"|"phrase": {word: reason}}`` from ``data/stop_zh.tsv``."""
    return read_stop_table("stop_zh.tsv")


def _nominal(flag: str) -> bool:
    return flag.startswith("n") or flag in _NOMINAL_FLAGS


def tagged(text: str) -> list[Word]:
    """jieba's ``(word, flag)`` pairs of a text (dictionary only: the HMM for unknown words is
    twenty times slower and adds little for compounds)."""
    return list(_tagged(text))


# jieba.posseg's own splitting of a text: runs it cuts with the dictionary, spaces, and the rest
# character by character (numbers "m", Latin letters "eng", others "x").
_CUT_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_SPACE = re.compile(r"(\r\n|\s)")
_DIGITS = frozenset("0123456789")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | _DIGITS


@lru_cache(maxsize=50_000)
def _tagged(text: str) -> tuple[Word, ...]:
    """What ``jieba.posseg.cut(text, HMM=False)`` gives, without importing ``jieba.posseg`` (whose
    import builds its tag table the slow way). Cached: the pairing tags the aligned units, which
    are sentences the collector tagged already."""
    out: list[Word] = []
    for block in _CUT_BLOCK.split(text):
        if _CUT_BLOCK.match(block):
            out.extend(_cut_block(block))
            continue
        for piece in _SPACE.split(block):
            if _SPACE.match(piece):
                out.append(Word(piece, "x"))
                continue
            latin = piece[:1] in _LATIN
            for char in piece:
                flag = "m" if char in _DIGITS or char == "." else "eng" if latin else "x"
                out.append(Word(char, flag))
    return tuple(out)


def _cut_block(block: str) -> list[Word]:
    """jieba's cut of one block without the HMM (as jieba.posseg does it): the best route through
    the dictionary's words, runs of single Latin letters and digits joined."""
    tags = _word_tags()
    ends = _route(block, _frequencies(), _log_total())
    out: list[Word] = []
    latin = ""
    at = 0
    while at < len(block):
        word = block[at : ends[at]]
        at = ends[at]
        if word in _LATIN:  # one letter or digit
            latin += word
            continue
        if latin:
            out.append(Word(latin, "eng"))
            latin = ""
        out.append(Word(word, tags.get(word, "x")))
    if latin:
        out.append(Word(latin, "eng"))
    return out


_EXPRESSIONS = frozenset("li")  # jieba's flags of set expressions: 习用语 ("l") and 成语 ("i")
_HEAD_FLAGS = frozenset(("n", "vn"))  # common nouns and verbal nouns: names (nr, ns, nz) head no compound
_IDIOM_CHARS = 4  # 成语 of four characters are classical idioms, predicates and modifiers (附庸风雅)


def reading_flag(word: str, flag: str) -> str:
    """The flag the glossary reads a tagged word by: jieba's (``flag``), except that a set expression
    whose last word is a common noun is a noun (:func:`_expression_flag`)."""
    return _expression_flag(word, flag) if flag in _EXPRESSIONS else flag


@lru_cache(maxsize=100_000)
def _expression_flag(word: str, flag: str) -> str:
    """``n`` for a set expression whose last word is a common noun, else its own ``flag``.

    jieba files many compound nouns so (发展中国家, 交通系统, 光污染), which were then never a partner nor
    a candidate. A Chinese noun phrase ends with its head noun: the last word, the longest proper
    ending of two characters or more in the dictionary; 一般来说 (来说), 毫无疑问 (疑问, a verb there)
    and four-character 成语 (附庸风雅) keep theirs; a predicate (引起争议) is a partner like any noun,
    and the association decides. Development check (``bench/bench_pairing.py``, five splits):
    multi-word recall 0.498 -> 0.610, its wrong pairs and the single-word figures unchanged."""
    if flag == "i" and len(word) >= _IDIOM_CHARS:
        return flag
    for head in (word[start:] for start in range(1, len(word) - 1)):
        if _frequencies().get(head):
            return "n" if _word_tags().get(head) in _HEAD_FLAGS else flag
    return flag


def _route(block: str, freq: dict[str, int], log_total: float) -> list[int]:
    """Where the word starting at each position ends on jieba's most probable route: jieba's
    ``get_DAG`` and ``calc`` in one pass from the end, with the same arithmetic and the same
    choice between equally probable words (the longer one), without building the DAG."""
    n = len(block)
    score = [0.0] * (n + 1)
    ends = [0] * (n + 1)
    for start in range(n - 1, -1, -1):
        best, best_end = 0.0, 0
        i, frag = start, block[start]
        while i < n and frag in freq:
            count = freq[frag]
            i += 1
            if count:
                value = log(count) - log_total + score[i]
                if not best_end or value >= best:
                    best, best_end = value, i
            frag = block[start : i + 1]
        if not best_end:  # no dictionary word starts here: the character alone
            best, best_end = log(1) - log_total + score[start + 1], start + 1
        score[start], ends[start] = best, best_end
    return ends


@lru_cache(maxsize=1)
def _log_total() -> float:
    return log(_tokenizer().total)


@lru_cache(maxsize=200_000)
def _is_han(word: str) -> bool:
    """Only Chinese characters (cached: a corpus repeats its words far more than it has them)."""
    return _HAN.match(word) is not None


def runs(text: str, pairs: list[Word] | None = None) -> Iterator[list[str]]:
    """Runs of consecutive nominal Chinese words of a text (``pairs``: its tagged words, if known)."""
    run: list[str] = []
    for pair in tagged(text) if pairs is None else pairs:
        word, flag = pair.word, reading_flag(pair.word, pair.flag)
        if _is_han(word) and _nominal(flag):
            run.append(word)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def compounds(text: str, run_list: list[list[str]] | None = None) -> list[tuple[str, ...]]:
    """Every candidate compound (as a word tuple) of a text, with repeats (``run_list``: its runs)."""
    return [words for words, _, _ in spans(runs(text) if run_list is None else run_list)]


def spans(run_list: Iterable[list[str]]) -> Iterator[tuple[tuple[str, ...], bool, bool]]:
    """``(words, starts its run, ends its run)`` for every candidate sub-run."""
    for run in run_list:
        for size in range(1, MAX_WORDS + 1):
            for i in range(len(run) - size + 1):
                words = tuple(run[i : i + size])
                if _well_formed(words) and is_stopped(words) is None:
                    yield words, i == 0, i + size == len(run)


def _well_formed(words: tuple[str, ...]) -> bool:
    """One long word, or words of two characters or more, the last possibly a suffix (化, 性, 市)."""
    if len(words) == 1:
        return len(words[0]) >= 2
    return all(len(w) >= 2 for w in words[:-1]) and (len(words[-1]) >= 2 or words[-1] in SUFFIXES)


def is_stopped(words: tuple[str, ...]) -> str | None:
    """The stop-list reason that keeps a compound out, or ``None``."""
    table = stop_list()
    if "".join(words) in table.get("phrase", {}):
        return table["phrase"]["".join(words)]
    for w in words:
        if w in table.get("word", {}):
            return table["word"][w]
    return table.get("head", {}).get(words[-1])


class _Sentence(NamedTuple):
    """What one sentence adds to a collector, whatever the document: its Chinese words, its names,
    and its compounds (words, starts its run, ends its run, where and how long it is written)."""

    words: tuple[str, ...]
    names: tuple[str, ...]
    compounds: tuple[tuple[tuple[str, ...], bool, bool, int, int], ...]


@lru_cache(maxsize=50_000)
def _sentence(text: str) -> _Sentence:
    """Cached by text: a corpus repeats sentences, and the runs and compounds of one are the
    costly part of counting it once it is tagged."""
    pairs = tagged(text)
    found = []
    for words, starts, ends in spans(runs(text, pairs)):
        written = "".join(words)
        found.append((words, starts, ends, max(text.find(written), 0), len(written)))
    han = tuple(p.word for p in pairs if _is_han(p.word))
    return _Sentence(han, tuple(chinese_names(pairs)), tuple(found))


class ZhCollector:
    """Tallies Chinese compounds over documents."""

    def __init__(self) -> None:
        self.tallies: dict[tuple[str, ...], ZhTally] = {}
        self.names: dict[str, NameTally] = {}
        self.words: Counter[str] = Counter()

    @property
    def tokens(self) -> int:
        """Chinese words counted (the corpus size that frequencies are relative to)."""
        return self.words.total()

    def add(self, doc: str, line: int, text: str) -> None:
        """Count the compounds, the words and the names of one sentence of a document."""
        found = _sentence(text)
        self.words.update(found.words)
        for name in found.names:
            tally_name = self.names.setdefault(name, NameTally())
            tally_name.forms[name] += 1
            tally_name.docs[doc] += 1
        for words, starts, ends, at, size in found.compounds:
            tally = self.tallies.get(words)
            if tally is None:
                tally = self.tallies[words] = ZhTally(words, new_counter())
            tally.docs[doc] += 1
            tally.starts += starts
            tally.ends += ends
            if len(tally.examples) < 3 and all(e[0] != doc for e in tally.examples):
                tally.examples.append((doc, line, context(text, at, at + size, 20)))

    def merge(self, later: ZhCollector) -> None:
        """Take in the tallies of later documents, as if they had been added here."""
        merge_names(self.names, later.names)
        add_counts(self.words, later.words)
        for words, part in later.tallies.items():
            tally = self.tallies.get(words)
            if tally is None:
                tally = self.tallies[words] = ZhTally(words, copied(part.docs))
            else:
                add_counts(tally.docs, part.docs)
            tally.starts += part.starts
            tally.ends += part.ends
            merge_examples(tally.examples, part.examples)
