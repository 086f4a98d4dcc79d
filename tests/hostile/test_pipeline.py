"""Hostile caches, clashing names, configurations and concurrent builds against ``ruzh build``."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from ruzh.seeds import seed_paths
from ruzh.tmx.reader import read_tmx

from ruzh.cli import main
from ruzh.pipeline import build as build_module
from ruzh.pipeline import cache as cache_module
from ruzh.pipeline import outdir
from ruzh.pipeline.build import OUTPUT_FILES, BuildOptions, build


class _Planted:
    """A pickle that runs a shell command when loaded: what the old cache executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _seed(number: str) -> Path:
    return next(p for p in seed_paths() if p.stem.startswith(number))


def _corpus(tmp_path: Path, numbers: tuple[str, ...] = ("000", "001", "003")) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in numbers:
        shutil.copy(_seed(number), corpus / f"{number}.txt")
    return corpus


def _build(corpus: Path, out: Path, *extra: str) -> int:
    return main(["build", str(corpus), "-o", str(out), "-q", "--jobs", "1", *extra])


def _entries(out: Path) -> list[Path]:
    return sorted((out / ".ruzh-cache").rglob("*.json"))


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_a_planted_pickle_runs_nothing_and_drops_no_document(tmp_path: Path, pinned: None) -> None:
    corpus, out, marker = _corpus(tmp_path), tmp_path / "out", tmp_path / "PWNED"
    assert _build(corpus, out) == 0
    clean = _outputs(out)
    entries = _entries(out)
    assert entries, "the first build fills the cache"
    for entry in entries:  # every entry, under its own name and under the old pickle name
        entry.write_bytes(pickle.dumps(_Planted(marker)))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(_Planted(marker)))
    (out / outdir.MANIFEST).unlink()  # every output is written again, from what the cache gives
    assert _build(corpus, out) == 0
    assert not marker.exists()
    assert _outputs(out) == clean  # nothing dropped: the same outputs as the clean build
    assert all(json.loads(e.read_bytes().partition(b"\n")[0])["format"] for e in _entries(out))


def test_wrong_typed_and_bit_flipped_entries_are_misses(tmp_path: Path, pinned: None) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    options = BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=out / ".ruzh-cache", quiet=True)
    build(options)
    clean = _outputs(out)
    entries = _entries(out)
    for k, entry in enumerate(entries):
        raw = bytearray(entry.read_bytes())
        if k % 2:  # a well-formed entry whose payload has the wrong types, with a matching checksum
            header = json.loads(raw.partition(b"\n")[0])
            payload = json.dumps({"findings": "x", "passages": [1, 2], "beads": {"a": None}}).encode()
            header["sha256"] = __import__("hashlib").sha256(payload).hexdigest()
            entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)
        else:  # 20 flipped bytes spread over the entry
            for i in range(0, len(raw), max(1, len(raw) // 20))[:20]:
                raw[i] ^= 0x55
            entry.write_bytes(bytes(raw))
    (out / outdir.MANIFEST).unlink()
    _, second = build(options)
    assert second.cache_rejected == len(entries) and second.cache_hits == 0  # every entry read, none used
    assert second.documents == 3
    assert _outputs(out) == clean


def test_the_keys_cover_every_package_that_shapes_an_output() -> None:
    files = {p.as_posix() for package in cache_module.PACKAGES for p in cache_module._package_files(package)}
    parts = ("report/render.py", "report/report.css", "commands/build.py", "pipeline/build.py")
    parts += ("checks/rules.py", "glossary/build.py", "align/aligner/core.py", "tmx/writer.py")
    for part in parts:
        assert any(f.endswith(part) for f in files), part


def test_same_file_name_in_two_folders_loses_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for folder, seed in (("a", "004"), ("b", "001")):  # one Russian, one Chinese
        (corpus / folder).mkdir(parents=True)
        shutil.copy(_seed(seed), corpus / folder / "paper.txt")
    out = tmp_path / "out"
    result, _ = build(BuildOptions(inputs=(corpus,), output=out, jobs=1, quiet=True))
    assert [d.name for d in result.documents] == ["a/paper.txt", "b/paper.txt"]
    total = sum(len(d.sentences()) for d in result.documents)
    with (out / "unaligned.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    units = list(read_tmx(out / "memory.tmx"))
    in_units = sum(int(u.bead.split("-")[0]) + int(u.bead.split("-")[1]) for u in units)
    assert len(rows) + in_units == total
    assert {r["doc"] for r in rows} == {"a/paper.txt", "b/paper.txt"}
    unique = {(r["doc"], r["line"], r["column"], r["lang"]) for r in rows}
    assert len(unique) == len(rows)
    assert {u.doc for u in units} <= {"a/paper.txt", "b/paper.txt"}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "a/paper.txt" in html and "b/paper.txt" in html


def _rules(out: Path) -> set[str]:
    return {f["rule"] for f in json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]}


def test_build_reads_the_check_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _build(corpus, tmp_path / "plain", "--fail-on", "warning") == 1
    rules = _rules(tmp_path / "plain")
    assert len(rules) >= 2
    (tmp_path / "ruzh.toml").write_text(
        f'[check]\nfail-on = "warning"\ndisable = {json.dumps(sorted(rules))}\n', encoding="utf-8"
    )
    assert _build(corpus, tmp_path / "configured") == 0  # fail-on from the file; nothing left to fail
    assert _rules(tmp_path / "configured") == set()
    (tmp_path / "ruzh.toml").write_text('[check]\ndisable = ["no-such-rule"]\n', encoding="utf-8")
    capsys.readouterr()
    assert _build(corpus, tmp_path / "broken") == 2
    err = capsys.readouterr().err
    assert "unknown rule id 'no-such-rule'" in err and "ruzh.toml:2" in err
    (tmp_path / "ruzh.toml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.ruzh.check]\nfail-on = "bogus"\n', encoding="utf-8")
    assert _build(corpus, tmp_path / "broken2") == 2


def test_a_held_output_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with open(out / outdir.LOCK, "w") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        assert _build(_corpus(tmp_path), out) == 2
    assert "another ruzh build is writing into this output folder" in capsys.readouterr().err
    assert not (out / "memory.tmx").exists()


def test_stale_parts_go_and_an_interrupted_build_keeps_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pinned: None
) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    assert _build(corpus, out) == 0
    old = _outputs(out)
    (out / ".memory.tmx.abc123.part").write_text("half", encoding="utf-8")
    (corpus / "extra.txt").write_bytes(_seed("004").read_bytes())

    def interrupted(*_args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "report_files", interrupted)
    assert _build(corpus, out) == 130
    assert _outputs(out) == old  # memory.tmx etc. of the new corpus were staged, never moved in
    assert not list(out.glob(".*.part"))
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _build(corpus, out) == 0
    assert not (out / outdir.STAGING).exists()
    assert "extra.txt" in (out / "unaligned.tsv").read_text(encoding="utf-8")


def test_a_build_killed_while_moving_is_finished_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staging = out / outdir.STAGING
    staging.mkdir(parents=True)
    for name in ("memory.tmx", "unaligned.tsv"):
        (staging / name).write_text(f"new {name}", encoding="utf-8")
        (out / name).write_text(f"old {name}", encoding="utf-8")
    (out / "memory.tmx").unlink()
    os.replace(staging / "memory.tmx", out / "memory.tmx")  # the kill came after the first move
    (staging / outdir.MARKER).write_text("memory.tmx\nunaligned.tsv\n", encoding="utf-8")
    outdir.recover(out)
    assert (out / "unaligned.tsv").read_text(encoding="utf-8") == "new unaligned.tsv"
    assert (out / "memory.tmx").read_text(encoding="utf-8") == "new memory.tmx"
    assert not staging.exists()


def test_killing_the_main_process_leaves_no_worker(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, sys, time
        from ruzh.pipeline.pool import worker_pool
        pool = worker_pool(2)
        pids = {pool.submit(os.getpid).result() for _ in range(8)}
        pool.submit(time.sleep, 60)
        print(" ".join(map(str, sorted(pids))), flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    workers = [int(p) for p in child.stdout.readline().split()]
    assert workers
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [p for p in workers if Path(f"/proc/{p}").exists() and "Z" not in _state(p)]
        time.sleep(0.05)
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_building_the_current_folder_twice_reads_the_same_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    monkeypatch.chdir(corpus)
    counts = []
    for _ in range(2):
        options = BuildOptions((Path("."),), Path("out"), jobs=1, cache_dir=Path("out/.ruzh-cache"))
        result, _ = build(replace(options, quiet=True))
        counts.append(sorted(d.name for d in result.documents))
    assert counts[0] == counts[1] == ["000.txt", "001.txt", "003.txt"]


def test_an_unchanged_rerun_rewrites_nothing_but_a_tampered_output_is_replaced(
    tmp_path: Path, pinned: None
) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    assert _build(corpus, out) == 0
    clean = _outputs(out)
    inodes = {name: (out / name).stat().st_ino for name in OUTPUT_FILES}
    assert _build(corpus, out) == 0
    assert {name: (out / name).stat().st_ino for name in OUTPUT_FILES} == inodes
    (out / "report.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    assert _build(corpus, out) == 0
    assert _outputs(out) == clean


def test_a_changed_report_page_is_rendered_again_not_kept(tmp_path: Path) -> None:
    """A kept page must be the file the last build wrote: a page edited in the output folder (here
    given a script) does not match the manifest's hash and is rendered again, like a fresh build."""
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    assert _build(corpus, out) == 0
    pair = next(p for p in sorted((out / "report").glob("pair-*.html")))
    clean = pair.read_bytes()
    pair.write_bytes(clean.replace(b"</main>", b"<script>alert(1)</script></main>"))
    with (corpus / "001.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nЭто предложение добавлено при правке.\n")
    _, stats = build(
        BuildOptions(inputs=(corpus,), output=out, jobs=1, cache_dir=out / ".ruzh-cache", quiet=True)
    )
    assert stats.report_kept > 0
    assert b"<script>alert" not in pair.read_bytes()
    manifest = json.loads((out / outdir.MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["pages"]) == {
        n for n in stats.report if n.startswith(("report/pair-", "report/doc-"))
    }


def test_a_planted_manifest_cannot_name_a_file_outside_the_report(tmp_path: Path) -> None:
    """Pages are looked up by the names this build's report has, whatever the manifest lists."""
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    assert _build(corpus, out) == 0
    secret = tmp_path / "secret.html"
    secret.write_text("<p>not ours</p>", encoding="utf-8")
    manifest = json.loads((out / outdir.MANIFEST).read_text(encoding="utf-8"))
    manifest["pages"]["../secret.html"] = "0" * 64
    manifest["files"]["../secret.html"] = "0" * 64
    (out / outdir.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert _build(corpus, out) == 0
    assert all("not ours" not in p.read_text(encoding="utf-8") for p in (out / "report").glob("*.html"))
    assert secret.exists()
