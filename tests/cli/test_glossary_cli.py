"""``ruzh glossary build | merge | show`` end to end on the seeds."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from ruzh.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    assert main(["glossary", "build", "-o", str(out)]) == 0
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_build_writes_the_glossary_files_for_the_seeds(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir())
    assert names == ["glossary-omegat.txt", "glossary.csv", "glossary.tbx", "glossary.xcs"]
    de = next(r for r in _rows(built / "glossary.csv") if r["id"] == "DE0001")
    assert [d[:3] for d in de["ru_docs"].split(";")] == ["000", "004"]
    assert [d[:3] for d in de["zh_docs"].split(";")] == ["000", "001", "002", "003"]
    assert int(de["zh_freq"]) > int(de["ru_freq"]) > 0


def test_build_of_chosen_inputs_and_summary(
    tmp_path: Path, seed_path: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "build", str(seed_path("001")), "-o", str(tmp_path)]) == 0
    assert "1 documents" in capsys.readouterr().err
    de = next(r for r in _rows(tmp_path / "glossary.csv") if r["id"] == "DE0001")
    assert de["ru_freq"] == "0" and de["zh_docs"].startswith("001")


def test_merge_round_trip(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(built / "glossary.csv")
    cand = next(r for r in rows if r["status"] == "candidate")
    cand["status"] = "rejected"
    rows[0]["note"] = "checked"
    reviewed = tmp_path / "reviewed.csv"
    with reviewed.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    capsys.readouterr()
    assert main(["glossary", "merge", str(reviewed), str(built / "glossary.csv")]) == 0
    merged = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert len(merged) == len(rows)
    by_id = {r["id"]: r for r in merged}
    assert by_id[cand["id"]]["status"] == "rejected"
    assert by_id[rows[0]["id"]]["note"] == "checked"


def test_malformed_reviewed_csv_is_one_line_error_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,ru,zh,status\nDE1,цифра,数字,approved\nDE1,цифра,数字,approved\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["glossary", "build", "--reviewed", str(bad), "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: duplicate id DE1") and f"({bad}:3)" in err and "Traceback" not in err
    assert not out.exists()


def test_show_prints_attestations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "show", "цифровую экономику"]) == 0
    out = capsys.readouterr().out
    assert "DE0001" in out and "000_" in out and "004_" in out and "数字经济" in out


def test_show_unknown_term_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "show", "абракадабра"]) == 2
    assert "error: no termbase concept" in capsys.readouterr().err


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "build", "--help"]) == 0
    text = capsys.readouterr().out
    assert "exit codes:" in text and "--reviewed" in text and "--pairs" in text


def test_build_with_aligned_pairs(tmp_path: Path) -> None:
    ru = ["Тёмная материя невидима.", "Учёные изучают тёмную материю.", "О тёмной материи спорят."]
    zh = ["暗物质是看不见的。", "科学家研究暗物质。", "人们争论暗物质。"]
    (tmp_path / "ru.txt").write_text("\n\n".join(ru) + "\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("\n\n".join(zh) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("".join(f"{r}\t{z}\n" for r, z in zip(ru, zh, strict=True)), encoding="utf-8")
    out = tmp_path / "out"
    args = ["glossary", "build", str(tmp_path / "ru.txt"), str(tmp_path / "zh.txt"), "--pairs", str(pairs)]
    assert main([*args, "--min-docs", "1", "--min-freq", "2", "-o", str(out)]) == 0
    row = next(r for r in _rows(out / "glossary.csv") if r["ru"] == "темная материя")
    assert row["zh"] == "暗物质" and "aligned" in row["evidence"] and row["status"] == "candidate"


def test_all_termbase_adds_the_concepts_the_documents_never_use(
    tmp_path: Path, seed_path: Callable[[str], Path], built: Path
) -> None:
    from ruzh.glossary.termbase import load_termbase

    assert main(["glossary", "build", "--all-termbase", "-o", str(tmp_path)]) == 0
    everything = {r["id"] for r in _rows(tmp_path / "glossary.csv") if r["status"] == "termbase"}
    attested = {r["id"] for r in _rows(built / "glossary.csv") if r["status"] == "termbase"}
    assert everything == {c.id for c in load_termbase()} and attested < everything


def test_control_characters_in_a_document_are_stripped_and_reported(tmp_path: Path) -> None:
    """The reader refuses files that look binary, but a few control characters pass it (and .docx and
    TMX text may carry them): the glossary contexts drop them and the build says where they were."""
    from ruzh.align.reader import document_from_text
    from ruzh.glossary.build import build_glossary
    from ruzh.glossary.export import write_outputs

    text = "Цифровая экономика\x07 растёт.\n\nЦифровая\x1b экономика меняет рынок.\n\n数字经济\x01发展。\n"
    doc = document_from_text(text, "ctl", str(tmp_path / "ctl.txt"))
    glossary = build_glossary([doc])
    assert any("U+0007" in n and n.startswith("ctl:") for n in glossary.notices)
    assert any("U+001B" in n for n in glossary.notices) and any("U+0001" in n for n in glossary.notices)
    write_outputs(glossary, tmp_path / "out")  # the TBX writer refuses control characters: none left
    csv_text = (tmp_path / "out" / "glossary.csv").read_text(encoding="utf-8-sig")
    assert "Цифровая экономика растёт" in csv_text and not any(ch in csv_text for ch in "\x07\x1b\x01")


def test_max_candidates_caps_each_language_and_by_default_nothing_does(built: Path, tmp_path: Path) -> None:
    """By default every candidate that reaches --min-termhood is listed; --max-candidates keeps the
    N of best termhood in each language."""

    def candidates(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        new = [r for r in rows if r["status"] == "candidate" and r["method"] != "transliteration"]
        return [r for r in new if r["ru"]], [r for r in new if not r["ru"]]

    ru_all, zh_all = candidates(_rows(built / "glossary.csv"))
    assert len(zh_all) > 20
    assert len(ru_all) > 150 and min(float(r["termhood"]) for r in ru_all) >= 1.0
    assert main(["glossary", "build", "--max-candidates", "20", "-o", str(tmp_path)]) == 0
    ru, zh = candidates(_rows(tmp_path / "glossary.csv"))
    assert len(ru) == 20 and len(zh) <= 20
    best = sorted((float(r["termhood"]) for r in ru_all), reverse=True)[:20]
    assert sorted((float(r["termhood"]) for r in ru), reverse=True) == best
