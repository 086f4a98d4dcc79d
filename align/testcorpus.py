"""PDF-like test corpora with a known gold, made from line-parallel data (FLORES-200 devtest).

A corpus is a folder of the files a user collects: bilingual articles (a Russian «Аннотация.» and its
«摘要：» in one file, then a Russian body without translation), Russian documents and their Chinese
translations under unrelated names, and monolingual distractors. Every file is rendered with
:mod:`align.pdflike` in one layout and condition, some in cp1251 or GB18030. The gold says which
passages are parallel and which sentence translates which; :func:`score` compares a build with it.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex
from ruzh.align.aligner.perturb import group_by_url, read_flores
from ruzh.align.pdflike import Paragraph, Style, render, with_dashes

ABSTRACT_SENTENCES = 5
GOLD_FILE = "gold.json"
PARAGRAPH_SENTENCES = (2, 5)
NOT_TEXT = regex.compile(r"[^\p{L}\p{N}]+")


@dataclass(frozen=True)
class GoldPassage:
    """A Russian and a Chinese passage that translate each other, sentence ``i`` for sentence ``i``."""

    ru_doc: str
    zh_doc: str
    kind: str  # ``abstract`` or ``document``
    ru: tuple[str, ...]
    zh: tuple[str, ...]


@dataclass
class Corpus:
    """Files written and the gold passages among them."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    gold: list[GoldPassage] = field(default_factory=list)


def write_gold(gold: Sequence[GoldPassage], path: Path) -> None:
    """The gold of a corpus as JSON (kept beside its files; ``ruzh build`` reads only .txt/.docx)."""
    records = [{**vars(g), "ru": list(g.ru), "zh": list(g.zh)} for g in gold]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_gold(path: Path) -> list[GoldPassage]:
    """Gold passages written by :func:`write_gold`."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [GoldPassage(r["ru_doc"], r["zh_doc"], r["kind"], tuple(r["ru"]), tuple(r["zh"])) for r in records]


def flores_documents(data: Path) -> list[tuple[list[str], list[str]]]:
    """FLORES-200 devtest as documents of about 30 sentences (whole articles), ru and zh lines."""
    ru, zh, urls = read_flores(data)
    return [([ru[k] for k in d], [zh[k] for k in d]) for d in group_by_url(urls)]


def _paragraphs(sentences: Sequence[str], lang: str, rng: random.Random) -> list[Paragraph]:
    joiner = " " if lang == "ru" else ""
    out, k = [], 0
    while k < len(sentences):
        n = rng.randint(*PARAGRAPH_SENTENCES)
        out.append(Paragraph(lang, joiner.join(sentences[k : k + n])))
        k += n
    return out


def _paragraphs_like(sentences: Sequence[str], lang: str, sizes: Sequence[int]) -> list[Paragraph]:
    joiner = " " if lang == "ru" else ""
    out, k = [], 0
    for n in sizes:
        out.append(Paragraph(lang, joiner.join(sentences[k : k + n])))
        k += n
    return out


def _sizes(count: int, rng: random.Random) -> list[int]:
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(min(rng.randint(*PARAGRAPH_SENTENCES), count - sum(sizes)))
    return sizes


def _name(rng: random.Random, number: int) -> str:
    return f"{number:03d}_{hashlib.sha1(str(rng.random()).encode()).hexdigest()[:16]}"


def _encode(text: str, lang: str, legacy: bool) -> bytes:
    """UTF-8, or the legacy encoding of the language when it can hold the text."""
    if legacy:
        try:
            return text.encode("cp1251" if lang == "ru" else "gb18030")
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8")


def _title(sentence: str) -> str:
    return " ".join(sentence.rstrip(".!?").split()[:7])


class _Writer:
    def __init__(self, folder: Path, layout: str, condition: str, seed: int) -> None:
        self.corpus = Corpus(folder)
        self.rng = random.Random(seed)
        self.layout, self.condition, self.seed = layout, condition, seed
        folder.mkdir(parents=True, exist_ok=True)

    def style(self) -> Style:
        return Style(
            self.layout,
            self.condition,
            zh_width=self.rng.choice((48, 56, 68)),
            page_lines=self.rng.randint(24, 40),
            first_page=self.rng.randint(3, 120),
            seed=self.rng.randint(0, 99),
        )

    def ru_text(self, sentences: Iterable[str]) -> list[str]:
        if self.condition != "dashes":
            return list(sentences)
        return [with_dashes(s, self.rng) for s in sentences]

    def write(self, paragraphs: list[Paragraph], lang: str, legacy: bool) -> str:
        name = _name(self.rng, len(self.corpus.files))
        path = self.corpus.folder / f"{name}.txt"
        path.write_bytes(_encode(render(paragraphs, self.style(), lang), lang, legacy))
        self.corpus.files.append(path)
        return name

    def article(self, abstract: tuple[list[str], list[str]], body: list[str], legacy: bool) -> None:
        ru = self.ru_text(abstract[0][:ABSTRACT_SENTENCES])
        zh = abstract[1][:ABSTRACT_SENTENCES]
        text = self.ru_text(body)
        paragraphs = [
            Paragraph("ru", _title(text[0])),
            Paragraph("ru", "Аннотация. " + " ".join(ru)),
            Paragraph("ru", "Ключевые слова: " + ", ".join(_title(ru[0]).lower().split()[:4]) + "."),
            Paragraph("zh", "摘要：" + "".join(zh)),
            Paragraph("zh", "关键词：" + "；".join(regex.findall(r"\p{Han}{2,4}", zh[0])[:4])),
            *_paragraphs(text, "ru", self.rng),
        ]
        name = self.write(paragraphs, "ru", legacy)
        self.corpus.gold.append(GoldPassage(name, name, "abstract", tuple(ru), tuple(zh)))

    def translation(self, document: tuple[list[str], list[str]], legacy: bool) -> None:
        ru = self.ru_text(document[0])
        sizes = _sizes(len(ru), self.rng)
        ru_name = self.write(_paragraphs_like(ru, "ru", sizes), "ru", legacy)
        zh_name = self.write(_paragraphs_like(document[1], "zh", sizes), "zh", not legacy)
        self.corpus.gold.append(GoldPassage(ru_name, zh_name, "document", tuple(ru), tuple(document[1])))

    def distractor(self, sentences: list[str], lang: str, legacy: bool) -> None:
        text = self.ru_text(sentences) if lang == "ru" else sentences
        self.write(_paragraphs(text, lang, self.rng), lang, legacy)


def make_corpus(
    documents: Sequence[tuple[list[str], list[str]]],
    folder: Path,
    layout: str,
    condition: str,
    seed: int = 0,
    articles: int = 2,
    translations: int = 2,
) -> Corpus:
    """Write a corpus of bilingual articles, translated documents and two distractors into ``folder``."""
    writer = _Writer(folder, layout, condition, seed)
    order = list(range(len(documents)))
    random.Random(seed).shuffle(order)
    picks = iter(order * 2)
    for k in range(articles):
        writer.article(documents[next(picks)], documents[next(picks)][0], legacy=k % 2 == 1)
    for k in range(translations):
        writer.translation(documents[next(picks)], legacy=k % 2 == 1)
    writer.distractor(documents[next(picks)][0], "ru", legacy=True)
    writer.distractor(documents[next(picks)][1], "zh", legacy=False)
    write_gold(writer.corpus.gold, folder / GOLD_FILE)
    return writer.corpus


def normalise(text: str) -> str:
    """Letters and digits only, lower case: what the metric compares (spaces, hyphens, dashes and
    punctuation do not decide whether a sentence was found)."""
    return NOT_TEXT.sub("", text).lower()


class _Side:
    """Gold sentences of one side, concatenated, to find which of them a unit's text covers."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.norm = [normalise(s) for s in sentences]
        self.starts: list[int] = []
        position = 0
        for text in self.norm:
            self.starts.append(position)
            position += len(text)
        self.joined = "".join(self.norm)

    def indices(self, text: str) -> set[int]:
        """Gold sentences that ``text`` covers (all of it, or a part of one or several)."""
        target = normalise(text)
        if not target:
            return set()
        at = self.joined.find(target)
        if at >= 0:
            end = at + len(target)
            return {i for i, s in enumerate(self.starts) if s < end and s + len(self.norm[i]) > at}
        return {i for i, gold in enumerate(self.norm) if gold and gold in target}


@dataclass
class Score:
    """How a build compares with the gold of one corpus."""

    gold_pairs: int = 0
    covered_pairs: int = 0
    units: int = 0
    lax_correct: int = 0
    strict_correct: int = 0
    passages_expected: int = 0
    passages_found: int = 0
    false_passages: int = 0
    ru_orphans: int = 0
    zh_orphans: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def coverage(self) -> float:
        return self.covered_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def precision(self) -> float:
        return self.lax_correct / self.units if self.units else 1.0

    @property
    def strict_precision(self) -> float:
        return self.strict_correct / self.units if self.units else 1.0


@dataclass(frozen=True)
class BuiltPassage:
    """What a build aligned: documents, and units as (ru text, zh text); orphans per side."""

    ru_doc: str
    zh_doc: str
    units: tuple[tuple[str, str], ...]
    ru_orphans: int = 0
    zh_orphans: int = 0


def score(gold: Sequence[GoldPassage], built: Sequence[BuiltPassage]) -> Score:
    """Pair coverage, lax/strict unit precision, passages found and false, orphans per side."""
    result = Score(passages_expected=len(gold), gold_pairs=sum(len(g.ru) for g in gold))
    by_docs = {(g.ru_doc, g.zh_doc): g for g in gold}
    for passage in built:
        result.units += len(passage.units)
        truth = by_docs.get((passage.ru_doc, passage.zh_doc))
        if truth is None:
            result.false_passages += 1
            continue
        result.passages_found += 1
        result.ru_orphans += passage.ru_orphans
        result.zh_orphans += passage.zh_orphans
        ru_side, zh_side = _Side(truth.ru), _Side(truth.zh)
        covered: set[int] = set()
        for ru, zh in passage.units:
            ru_ids, zh_ids = ru_side.indices(ru), zh_side.indices(zh)
            both = ru_ids & zh_ids
            result.lax_correct += bool(both)
            result.strict_correct += bool(ru_ids) and ru_ids == zh_ids
            covered |= both
        result.covered_pairs += len(covered)
    return result
