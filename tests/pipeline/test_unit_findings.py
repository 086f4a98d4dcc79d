"""The per-unit findings a build keeps per passage equal the findings of a check from scratch."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from ruzh.align.aligner.perturb import read_flores
from ruzh.align.reader import read_document
from ruzh.align.testcorpus import flores_documents
from ruzh.align.types import Document
from ruzh.checks.config import CheckConfig
from ruzh.checks.findings import Finding
from ruzh.checks.memory import UnitMemory, check_memory
from ruzh.checks.runner import document_part, termbase_part
from ruzh.checks.text import DocumentText
from ruzh.checks.units import glossary_digest, in_id_order
from ruzh.checks.variants import Glossary, overlay
from ruzh.glossary.entries import Entry
from ruzh.glossary.termbase import load_termbase
from ruzh.tmx.types import TranslationUnit

from ruzh.pipeline import checking
from ruzh.pipeline.cache import Cache
from ruzh.pipeline.check_parts import alone_part
from ruzh.pipeline.checking import EarlyParts, ahead, check_build, pooled, unit_memo

PASSAGE = 30  # units per pair of documents


def flores(shared_data: Path, n: int = 300) -> list[tuple[str, str]]:
    ru, zh, _ = read_flores(shared_data)
    return list(zip(ru[:n], zh[:n], strict=True))


def units_of(pairs: list[tuple[str, str]]) -> list[TranslationUnit]:
    """FLORES pairs as a memory of passages (``PASSAGE`` units per pair of documents)."""
    return [
        TranslationUnit(
            ru, zh, doc=f"r{k // PASSAGE}.txt", zh_doc=f"z{k // PASSAGE}.txt", ru_line=k, zh_line=k
        )
        for k, (ru, zh) in enumerate(pairs)
    ]


def planted(shared_data: Path) -> list[tuple[str, str]]:
    """300 FLORES pairs with an empty target, an untranslated unit, a changed number, a half-width
    comma and a source repeated with another target (a TM group)."""
    pairs = flores(shared_data)
    pairs[10] = (pairs[10][0], "")
    pairs[41] = (pairs[41][0], pairs[41][0])
    pairs[75] = (pairs[75][0] + " 2031", pairs[75][1])
    pairs[130] = (pairs[130][0], pairs[130][1].replace("，", ",", 1))
    pairs[250] = (pairs[5][0], pairs[250][1])
    return pairs


def counted(memo: Callable, calls: list[int]) -> Callable:
    def wrapped(
        units: Sequence[TranslationUnit], compute: Callable[[], tuple[Finding, ...]]
    ) -> Sequence[Finding]:
        return memo(units, lambda: (calls.append(len(units)), compute())[1])

    return wrapped


def test_kept_unit_findings_equal_fresh_ones_after_an_edit(shared_data: Path, tmp_path: Path) -> None:
    termbase = overlay(load_termbase(), ())
    digest = glossary_digest(termbase)
    cache = Cache(tmp_path)
    units = units_of(planted(shared_data))
    fresh = list(check_memory(units, termbase))
    assert {"unit-empty-target", "unit-untranslated", "unit-number-mismatch", "zh-halfwidth-punct"} <= {
        f.rule for f in fresh
    }
    assert any(f.rule.startswith("tm-") for f in fresh)  # the memory-wide part is there too
    places = {(f.rule, f.file, f.line) for f in fresh}
    assert {("unit-empty-target", "z0.txt", 10), ("unit-number-mismatch", "r2.txt", 75)} <= places
    assert ("zh-halfwidth-punct", "z4.txt", 130) in places
    calls: list[int] = []
    assert list(check_memory(units, termbase, memo=counted(unit_memo(cache, digest), calls))) == fresh
    assert calls == [PASSAGE] * 10
    calls.clear()
    assert list(check_memory(units, termbase, memo=counted(unit_memo(cache, digest), calls))) == fresh
    assert calls == []  # everything kept

    edited = list(units)
    edited[95] = TranslationUnit(units[95].ru + " 1999", units[95].zh, units[95].doc, units[95].zh_doc)
    edited[96] = TranslationUnit(units[5].ru, units[96].zh, units[96].doc, units[96].zh_doc)
    fresh_edit = list(check_memory(edited, termbase))
    assert fresh_edit != fresh
    kept = list(check_memory(edited, termbase, memo=counted(unit_memo(cache, digest), calls)))
    assert kept == fresh_edit
    assert calls == [PASSAGE]  # only the edited passage's units were checked again


def test_a_changed_glossary_is_a_new_key(shared_data: Path, tmp_path: Path) -> None:
    base = load_termbase()
    termbase = overlay(base, ())
    units = units_of(flores(shared_data, 60))
    cache = Cache(tmp_path)
    list(check_memory(units, termbase, memo=unit_memo(cache, glossary_digest(termbase))))
    # A row that forbids a rendering the Chinese side uses: the kept findings must not be reused.
    concept = next(c for c in base if any(t.lang == "zh" for t in c.terms))
    zh = concept.label("zh")
    ru = concept.label("ru")
    row = Entry(id=concept.id, ru=ru, zh=zh, zh_variants=(f"{zh}国 (forbidden)",))
    changed = overlay(base, (row,))
    assert glossary_digest(changed) != glossary_digest(termbase)
    planted_units = [*units, TranslationUnit(ru, f"{zh}国", "r9.txt", "z9.txt")]
    calls: list[int] = []
    memo = counted(unit_memo(cache, glossary_digest(changed)), calls)
    kept = list(check_memory(planted_units, changed, memo=memo))
    assert kept == list(check_memory(planted_units, changed))
    assert any(f.rule == "unit-term-forbidden" and f.file == "z9.txt" for f in kept)
    assert len(calls) == 3  # nothing kept under the other glossary


def test_the_order_of_the_glossary_rows_does_not_matter(shared_data: Path) -> None:
    termbase = overlay(load_termbase(), ())
    units = units_of(planted(shared_data))
    turned = Glossary(tuple(reversed(termbase.concepts)), termbase.accepted)
    assert glossary_digest(turned) == glossary_digest(termbase)
    assert list(check_memory(units, turned)) == list(check_memory(units, termbase))


def _documents(shared_data: Path, folder: Path) -> list[Document]:
    """12 FLORES articles as 24 documents, a half-width comma in each Chinese one."""
    paths = []
    for k, (ru, zh) in enumerate(flores_documents(shared_data)[:12]):
        zh = [zh[0].replace("，", ",", 1), *zh[1:]]
        for lang, lines in (("ru", ru), ("zh", zh)):
            paths.append(folder / f"a{k:02}_{lang}.txt")
            paths[-1].write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return [read_document(p) for p in paths]


def test_checks_on_the_pool_equal_those_made_here(shared_data: Path, tmp_path: Path) -> None:
    """A build's checks with 2 jobs compute the document parts, their termbase parts and the
    passages' unit findings on forked workers; they must give what one process gives, and the
    workers' cache entries must serve the next run (nothing is computed again)."""
    documents = _documents(shared_data, tmp_path)
    assert pooled(2, documents) and not pooled(1, documents)
    keys = [f"key{k}" for k in range(len(documents))]
    memory = UnitMemory(units_of(planted(shared_data)), "memory.tmx")
    termbase = overlay(load_termbase(), ())
    here = check_build(documents, keys, memory, (), CheckConfig(), Cache(tmp_path / "c1"), jobs=1)
    cache = Cache(tmp_path / "c2")
    steps: list[int] = []
    pooled_report = check_build(documents, keys, memory, (), CheckConfig(), cache, steps.append, jobs=2)
    assert pooled_report == here
    assert sum(steps) == (n := len(documents))
    rules = {f.rule for f in here.findings}
    assert {"zh-halfwidth-punct", "unit-empty-target", "unit-number-mismatch"} <= rules
    assert cache.missed == {"findings-doc": n, "findings-terms": n, "unit-findings": 10}  # the workers' too
    again = Cache(tmp_path / "c2")
    ready = ahead(documents, keys, memory.units, termbase, again, 1, lambda _: None)
    assert again.misses == 0 and len(ready.parts) == len(documents) and len(ready.units) == 10
    assert check_build(documents, keys, memory, (), CheckConfig(), again, jobs=2) == here
    assert again.misses == 0 and again.hits > 3 * len(documents)  # the workers' termbase parts too
    on_pool = ahead(documents, keys, memory.units, termbase, Cache(tmp_path / "c3"), 2, lambda _: None)
    assert len(on_pool.terms) == len(documents)  # made by the workers
    assert on_pool.units == ready.units
    assert on_pool.parts == {d: alone_part(p) for d, p in ready.parts.items()}  # what the merges take


def test_document_parts_started_early_serve_the_checks(shared_data: Path, tmp_path: Path) -> None:
    """A build starts the documents' own checks on the side before the glossary; the workers store
    the parts, and the checks take them as they would take kept ones."""
    documents = _documents(shared_data, tmp_path)
    keys = [f"key{k}" for k in range(len(documents))]
    memory = UnitMemory(units_of(flores(shared_data, 90)), "memory.tmx")
    here = check_build(documents, keys, memory, (), CheckConfig(), Cache(tmp_path / "c1"), jobs=1)
    cache = Cache(tmp_path / "c2")
    with EarlyParts(documents, keys, cache, 2) as early:
        early.start()
        parts = early.parts()  # waits for the workers
        assert all(p is not None for p in parts)
        assert check_build(documents, keys, memory, (), CheckConfig(), cache, jobs=2, early=early) == here
    assert cache.missed["findings-doc"] == len(documents)  # looked for once, before the glossary
    again = Cache(tmp_path / "c2")
    stored = EarlyParts(documents, keys, again, 2)
    assert stored.parts() == [None] * len(documents) and again.misses == again.hits == 0  # not read yet
    assert stored.stored == set(range(len(documents)))
    ready = ahead(
        documents, keys, memory.units, overlay(load_termbase(), ()), again, 1, lambda _: None, stored
    )
    assert list(ready.parts.values()) == parts and again.missed["findings-doc"] == 0  # read where used


def test_kept_parts_are_read_on_the_workers(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``POOL_READS`` documents the kept parts and termbase parts are read on the checks'
    workers, not here: the same report, the reads counted here, a damaged part made again."""
    documents = _documents(shared_data, tmp_path)
    keys = [f"key{k}" for k in range(len(documents))]
    memory = UnitMemory(units_of(flores(shared_data, 90)), "memory.tmx")
    here = check_build(documents, keys, memory, (), CheckConfig(), Cache(tmp_path / "c"), jobs=1)
    next((tmp_path / "c" / "findings-doc").rglob("*.json")).write_bytes(b"{}\n{}")
    read_here: list[str] = []
    original = checking.part_of

    def spied(cache: Cache, name: str, *rest: object) -> object:
        read_here.append(name)  # in a forked worker this list is the worker's own
        return original(cache, name, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "POOL_READS", 0)
    monkeypatch.setattr(checking, "part_of", spied)
    again = Cache(tmp_path / "c")
    assert check_build(documents, keys, memory, (), CheckConfig(), again, jobs=2) == here
    assert read_here == []
    assert again.rejected == 1 and again.missed == {"findings-doc": 1}
    assert again.hits >= 2 * len(documents) - 1  # every other part and every termbase part
    assert again.found["findings-doc"] == len(documents) - 1
    assert again.found["findings-terms"] == len(documents)


def test_termbase_parts_are_kept_while_the_concepts_stay(shared_data: Path, tmp_path: Path) -> None:
    """The documents' termbase parts are found with the concepts in the order of their ids and kept
    by the glossary digest: made once, read back while the concepts stay (in any order), made again
    for every document when one changes."""
    documents = _documents(shared_data, tmp_path)[:6]
    keys = [f"key{k}" for k in range(len(documents))]
    memory = UnitMemory(units_of(flores(shared_data, 60)), "memory.tmx")
    first = Cache(tmp_path / "c")
    report = check_build(documents, keys, memory, (), CheckConfig(), first, jobs=1)
    assert first.missed["findings-terms"] == len(documents)
    again = Cache(tmp_path / "c")
    assert check_build(documents, keys, memory, (), CheckConfig(), again, jobs=1) == report
    assert again.misses == 0
    concepts = list(load_termbase())
    base, reordered = overlay(concepts, ()), overlay([*concepts[1:], concepts[0]], ())
    assert glossary_digest(base) == glossary_digest(reordered)
    texts = [DocumentText.of(d) for d in documents]
    prepared = [document_part(t) for t in texts]
    assert [termbase_part(t, p, in_id_order(base)) for t, p in zip(texts, prepared, strict=True)] == [
        termbase_part(t, p, in_id_order(reordered)) for t, p in zip(texts, prepared, strict=True)
    ]
    uses = [termbase_part(t, p, base).summaries[0][1] for t, p in zip(texts, prepared, strict=True)]
    assert any(uses)  # the documents use termbase forms
    assert glossary_digest(overlay(concepts[1:], ())) != glossary_digest(base)


def test_the_unit_pass_on_its_own_worker_finds_what_it_finds_here(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two jobs the unit and memory rules run on a forked worker while the documents' findings
    are merged: the same report, and the worker stores the passages' unit findings it made."""
    documents = _documents(shared_data, tmp_path)
    keys = [f"key{k}" for k in range(len(documents))]
    memory = UnitMemory(units_of(planted(shared_data)), "memory.tmx")
    here = check_build(documents, keys, memory, (), CheckConfig(), Cache(tmp_path / "c1"), jobs=1)
    rules = {f.rule for f in here.findings}  # per unit, and across the memory
    assert {"unit-empty-target", "tm-inconsistent-target", "unit-length-ratio"} <= rules
    on_worker: list[bool] = []
    original = checking.unit_pass_aside

    @contextlib.contextmanager
    def spied(jobs: int, units: Sequence[TranslationUnit]) -> Iterator[Callable]:
        with original(jobs, units) as aside:

            def run(compute: Callable) -> Callable:
                later = aside(compute)
                on_worker.append(later is not compute)  # a future's result, not the pass itself
                return later

            yield run

    monkeypatch.setattr(checking, "ASIDE_UNITS", 0)
    monkeypatch.setattr(checking, "unit_pass_aside", spied)
    cache = Cache(tmp_path / "c2")
    assert check_build(documents, keys, memory, (), CheckConfig(), cache, jobs=2) == here
    assert on_worker == [True]
    again = Cache(tmp_path / "c2")
    assert check_build(documents, keys, memory, (), CheckConfig(), again, jobs=1) == here
    assert again.missed["unit-findings"] == 0  # stored by the workers
