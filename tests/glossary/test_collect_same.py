"""The collectors count a sentence from its cached findings exactly as they counted it afresh.

``RuCollector.add`` and ``ZhCollector.add`` read what a sentence adds (words, names, phrases or
compounds) from a cache by its text, since corpora repeat sentences. The plain counting below finds
everything again for every sentence, as the collectors did before; both must leave the same
state, in the same insertion order, on FLORES-200 devtest, Tatoeba and the seeds, arranged in
documents that repeat sentences within and across documents.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruzh.align.reader import read_document
from ruzh.glossary import candidates_zh, collect_ru
from ruzh.glossary.attest import context
from ruzh.glossary.candidates_ru import phrases
from ruzh.glossary.names import NameTally, chinese_names, russian_names
from ruzh.seeds import seed_paths

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def _documents(lang: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """Documents of one language: slices of FLORES and Tatoeba that overlap (so that sentences
    recur in several documents), one with each sentence twice, and the seeds' sentences."""
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores, read_tatoeba

    ru, zh, _ = read_flores(DATA)
    ru_t, zh_t = read_tatoeba(DATA)
    lines = (ru if lang == "ru" else zh)[:120] + (ru_t if lang == "ru" else zh_t)[:120]
    docs = [(f"d{k}", list(enumerate(lines[k * 30 : k * 30 + 60]))) for k in range(7)]
    docs.append(("twice", [(i, s) for i, s in enumerate(lines[50:80]) for _ in (0, 1)]))
    for path in seed_paths()[:6]:
        document = read_document(path)
        sentences = [
            (s.line, s.text) for b in document.blocks if b.lang in (lang, "mixed") for s in b.sentences
        ]
        docs.append((document.name, sentences))
    return docs


def _names(into: dict[str, NameTally], doc: str, found: list[str]) -> None:
    for name in found:
        tally = into.setdefault(name, NameTally())
        tally.forms[name] += 1
        tally.docs[doc] += 1


def _example(examples: list[Any], doc: str, line: int, snippet: Any) -> None:
    if len(examples) < 3 and doc not in {e[0] for e in examples}:
        examples.append((doc, line, snippet()))


def _plain_ru(docs: list[tuple[str, list[tuple[int, str]]]]) -> collect_ru.RuCollector:
    out = collect_ru.RuCollector()
    for doc, sentences in docs:
        for line, text in sentences:
            words = [collect_ru._spellings(w) for w in collect_ru._CYRILLIC.findall(text)]
            out.words.update(Counter(lemma for lemma, _ in words))
            for lemma, pair in words:
                out.spellings.setdefault(lemma, set()).update(pair)
            _names(out.names, doc, russian_names(text))
            for ph in (p for p in phrases(text) if collect_ru.is_stopped(p.key) is None):
                tally = out.tallies.setdefault(ph.key, collect_ru.RuTally(ph.key, ph.pattern))
                tally.surfaces.update([text[ph.start : ph.end]])
                tally.docs.update([doc])
                _example(tally.examples, doc, line, lambda p=ph, t=text: context(t, p.start, p.end))
    return out


def _plain_zh(docs: list[tuple[str, list[tuple[int, str]]]]) -> candidates_zh.ZhCollector:
    out = candidates_zh.ZhCollector()
    for doc, sentences in docs:
        for line, text in sentences:
            words = candidates_zh.tagged(text)
            out.words.update(Counter(w.word for w in words if candidates_zh._HAN.match(w.word)))
            _names(out.names, doc, chinese_names(words))
            for found, starts, ends in candidates_zh.spans(candidates_zh.runs(text, words)):
                tally = out.tallies.setdefault(found, candidates_zh.ZhTally(found))
                tally.docs.update([doc])
                tally.starts, tally.ends = tally.starts + starts, tally.ends + ends
                written = "".join(found)
                at = max(text.find(written), 0)
                end = at + len(written)
                _example(tally.examples, doc, line, lambda a=at, b=end, t=text: context(t, a, b, 20))
    return out


def _state(collector: Any) -> dict[str, Any]:
    """Everything a collector holds, with the order of every mapping."""
    return {
        name: [
            (k, _state(v) if hasattr(v, "__dataclass_fields__") else _ordered(v)) for k, v in value.items()
        ]
        if isinstance(value, dict)
        else _ordered(value)
        for name, value in vars(collector).items()
    }


def _ordered(value: Any) -> Any:
    if isinstance(value, Counter):
        return list(value.items())
    if isinstance(value, set):
        return sorted(value)
    return value


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_a_collector_counts_cached_sentences_as_fresh_ones(lang: str) -> None:
    docs = _documents(lang)
    fresh = _plain_ru(docs) if lang == "ru" else _plain_zh(docs)
    collector = collect_ru.RuCollector() if lang == "ru" else candidates_zh.ZhCollector()
    cache = (collect_ru if lang == "ru" else candidates_zh)._sentence
    hits = cache.cache_info().hits
    for doc, sentences in docs:
        for line, text in sentences:
            collector.add(doc, line, text)
    assert _state(collector) == _state(fresh)
    # repeats were read from the cache, and the comparison covers real tallies
    assert cache.cache_info().hits - hits >= 220
    assert len(collector.tallies) > 500 and len(collector.names) > 30
    assert sum(len(t.examples) for t in collector.tallies.values()) > 500
