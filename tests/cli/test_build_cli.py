"""``ruzh build`` on the seeds: every output file, nothing lost, cache reuse, no half-written files."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from ruzh.core.langtags import OutputTags
from ruzh.glossary.entries import read_csv
from ruzh.seeds import seed_paths
from ruzh.tmx.reader import read_tmx

from ruzh.cli import main
from ruzh.pipeline import OUTPUT_FILES, counting
from ruzh.pipeline import build as build_module
from ruzh.pipeline.build import BuildOptions, build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    assert main(["build", "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    return out


def test_every_output_file_is_written(built: Path) -> None:
    for name in OUTPUT_FILES:
        assert (built / name).stat().st_size > 0, name
    assert not list(built.glob("*.part")) and not list(built.glob(".*.part"))


def test_abstract_pair_of_seed_000_is_in_the_memory(built: Path) -> None:
    units = list(read_tmx(built / "memory.tmx"))
    assert any(
        u.ru.startswith("В данной статье рассматриваются") and u.zh.startswith("本文通过中白两国")
        for u in units
    )


def test_every_sentence_is_in_a_unit_or_in_unaligned(built: Path) -> None:
    from ruzh.align.reader import read_document

    total = sum(len(read_document(p).sentences()) for p in seed_paths())
    with (built / "unaligned.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    units = list(read_tmx(built / "memory.tmx"))
    in_units = sum(int(u.bead.split("-")[0]) + int(u.bead.split("-")[1]) for u in units)
    assert len(rows) + in_units == total
    assert {r["reason"] for r in rows} <= {"no-partner-in-passage", "no-parallel-passage"}


def test_outputs_pass_their_own_validators(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tmx", "validate", str(built / "memory.tmx")]) == 0
    entries = read_csv(built / "glossary.csv")
    assert any(e.ru == "цифровая экономика" and e.zh == "数字经济" for e in entries)
    sarif = json.loads((built / "findings.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"] == "ruzh"
    findings = json.loads((built / "findings.json").read_text(encoding="utf-8"))
    assert findings["summary"]["total"] == len(findings["findings"]) > 0


def test_rerun_reuses_the_cache_and_gives_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    options = BuildOptions(
        inputs=tuple(seed_paths()), output=tmp_path, jobs=1, cache_dir=tmp_path / ".cache", quiet=True
    )
    _, first = build(options)
    before = {name: (tmp_path / name).read_bytes() for name in OUTPUT_FILES}
    _, second = build(options)
    assert first.cache_hits == 0 and second.cache_misses == 0 and second.cache_hits > 0
    assert {name: (tmp_path / name).read_bytes() for name in OUTPUT_FILES} == before


@pytest.mark.parametrize("jobs", [1, 2])  # with 2, memory.tmx is being written on a worker
def test_interrupt_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "report_files", interrupted)
    options = BuildOptions(inputs=tuple(seed_paths()), output=tmp_path, jobs=jobs, cache_dir=None, quiet=True)
    with pytest.raises(KeyboardInterrupt):
        build(options)
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(".part")]
    assert leftovers == []
    assert not (tmp_path / "report.html").exists() and not (tmp_path / "memory.tmx").exists()


def test_unreadable_input_and_keep_going(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "000.txt").write_bytes(seed_paths()[0].read_bytes())
    assert main(["build", str(corpus), "-o", str(tmp_path / "a"), "-q"]) == 3
    assert "file is empty" in capsys.readouterr().err
    assert main(["build", str(corpus), "-o", str(tmp_path / "b"), "-q", "--keep-going"]) == 3
    assert (tmp_path / "b" / "memory.tmx").exists()
    assert main(["build", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "c"), "-q"]) == 3
    assert main(["build", "-o", str(tmp_path / "d"), "--jobs", "0"]) == 2


def test_changed_settings_do_not_reuse_corpus_results(tmp_path: Path) -> None:
    base = dict(
        inputs=tuple(seed_paths()), output=tmp_path, jobs=1, cache_dir=tmp_path / ".cache", quiet=True
    )
    build(BuildOptions(**base))
    _, again = build(BuildOptions(**base, tags=OutputTags(zh="zh-Hans")))
    # glossary and findings are recomputed; documents, passages and per-document findings are not
    assert again.missed == {"glossary": 1, "findings": 1}
    assert 'xml:lang="zh-Hans"' in (tmp_path / "memory.tmx").read_text(encoding="utf-8")


@pytest.mark.parametrize("group_tasks", [1, 4])
def test_one_edited_document_costs_its_own_share_and_gives_a_fresh_build(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_tasks: int
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(counting, "GROUP", 4)  # the 13 documents' counts kept in 4 groups
    # 1: the first build's workers count each group in one task and combine it there; 4: they count
    # the documents a few at a time and combine the groups in a second round
    monkeypatch.setattr(counting, "GROUP_TASKS", group_tasks)
    base = shared_data / "flores200_devtest"
    ru = (base / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (base / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(4):
        (corpus / f"p{k}_ru.txt").write_text("\n\n".join(ru[30 * k : 30 * k + 25]) + "\n", encoding="utf-8")
        (corpus / f"p{k}_zh.txt").write_text("\n\n".join(zh[30 * k : 30 * k + 25]) + "\n", encoding="utf-8")
    for path in seed_paths():
        (corpus / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    options = BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=tmp_path / "cache", quiet=True)
    build(replace(options, jobs=2))  # counted on forked workers: the same results as counted here
    edited_path = corpus / "p2_ru.txt"
    edited_path.write_text("Итак, " + edited_path.read_text(encoding="utf-8"), encoding="utf-8")
    _, edited = build(options)
    # Only the edited document is read, counted and checked again, and only its passage re-bagged and
    # re-aligned; the corpus-wide results are recomputed from the cached parts.
    assert {k: edited.missed[k] for k in ("documents", "glossary-parts", "findings-doc")} == {
        "documents": 1,
        "glossary-parts": 1,
        "findings-doc": 1,
    }
    # The glossary combines one group again (the workers of the first build stored the others), and
    # restores only that group's other 3 parts.
    assert edited.missed["glossary-groups"] == 1 and edited.found["glossary-groups"] == 3
    assert edited.found["glossary-parts"] == 3
    # The edited sentence stays in its 1-1 bead with a new text: the glossary tokenises the units of
    # that one passage again.
    assert edited.missed["pairing-units"] == 1
    assert edited.missed["unit-findings"] == 1  # and checks that passage's units again, no other
    assert edited.missed["findings-terms"] == 1  # the same termbase: the others' termbase parts kept
    assert edited.missed["bags"] == 1 and edited.missed["beads"] <= 3
    # The pages of the other passages and documents are kept from the folder's last build ...
    pages = [n for n in edited.report if n.startswith(("report/pair-", "report/doc-"))]
    assert 0 < edited.report_kept < len(pages)
    # ... and every output, report pages included, is what a fresh build writes (no cache: nothing
    # is kept, not even the pages of the output folder, and the counts are merged part by part).
    incremental = {name: (out / name).read_bytes() for name in (*OUTPUT_FILES, *edited.report)}
    _, clean = build(BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=None, quiet=True))
    assert clean.report_kept == 0 and clean.report == edited.report
    for name, data in incremental.items():
        assert (out / name).read_bytes() == data, name
