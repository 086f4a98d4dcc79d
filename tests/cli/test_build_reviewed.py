"""``ruzh build --reviewed FILE``: the review loop in one command, on the seeds.

A reviewer opens glossary.csv in a Russian-locale spreadsheet (saved with ``;``, a BOM and CRLF,
statuses capitalised), approves a candidate, rejects another and marks a variant the seeds use
deprecated; the next build must carry each decision into every output.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from ruzh.glossary.entries import read_csv

from ruzh.cli import main


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("first")
    assert main(["build", "-o", str(out), "--quiet", "--jobs", "1", "--no-cache"]) == 0
    return out


def _review(first: Path, target: Path) -> dict[str, str]:
    """Edit the first build's CSV as a reviewer would; return the ids decided."""
    with (first / "glossary.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    paired = [r for r in rows if r["status"] == "candidate" and r["ru"] and r["zh"]]
    approved, rejected = paired[0], paired[1]
    approved["status"], rejected["status"] = "Approved", "REJECTED"
    smart = next(r for r in rows if r["id"] == "DE0197")  # 智慧城市, and the seeds also write 智能城市
    smart["status"], smart["zh_variants"] = "Approved", "智能城市 (Deprecated)"
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return {
        "approved": approved["id"],
        "rejected": rejected["id"],
        "ru": rejected["ru"],
        "zh": approved["zh"],
    }


def test_review_decisions_reach_every_output(first: Path, tmp_path: Path) -> None:
    reviewed = tmp_path / "reviewed.csv"
    ids = _review(first, reviewed)
    out = tmp_path / "second"
    assert main(["build", "-o", str(out), "--quiet", "--jobs", "1", "--reviewed", str(reviewed)]) == 0
    entries = {e.id: e for e in read_csv(out / "glossary.csv")}
    assert entries[ids["approved"]].status == "approved"
    assert entries[ids["rejected"]].status == "rejected"
    assert sum(1 for e in entries.values() if e.ru == ids["ru"]) == 1  # not proposed again
    assert ids["zh"] in (out / "glossary.tbx").read_text(encoding="utf-8")
    assert ids["zh"] in (out / "glossary-omegat.txt").read_text(encoding="utf-8")
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert any(f["rule"] == "term-deprecated" and "智能城市" in f["message"] for f in findings)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("id,ru,zh,status\nA1,облако,云,approved\nA1,туман,雾,approved\n", "duplicate id"),
        ("id,ru,zh,status\nA1,облако,云,maybe\n", "unknown status"),
        ("id,ru,zh,status,status\nA1,облако,云,approved,rejected\n", "appears twice"),
        ("id,ru,zh,status\n", "no rows"),
        ('id,ru,zh,status\nA1,"облако,云,approved\n', "broken CSV quoting"),
        ("id,ru,zh,status,zh_variants\nA1,облако,云,approved,云端 (preferred)\n", "two preferred"),
    ],
)
def test_a_broken_review_file_stops_before_anything_is_written(
    tmp_path: Path, body: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = tmp_path / "reviewed.csv"
    reviewed.write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "-o", str(out), "--quiet", "--reviewed", str(reviewed)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and f"{reviewed}:" in err and err.count("\n") == 1
    assert not out.exists() or not any(out.iterdir())
