"""``ruzh check`` end to end: default corpus, formats, exit codes, config, baseline, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ruzh.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_seeds_by_default_fail_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json")
    doc = json.loads(out)
    assert doc["summary"]["files"] == 5 and doc["summary"]["total"] == len(doc["findings"]) > 0
    assert doc["summary"]["by_severity"]["error"] >= 4  # IоT ×3, B2С in seed 004
    assert code == 1
    rules = {f["rule"] for f in doc["findings"]}
    assert {
        "zh-halfwidth-punct",
        "zh-stray-space",
        "unbalanced-pair",
        "han-for-dash",
        "mixed-script-word",
    } <= rules


def test_fail_on_levels(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "--fail-on", "never")[0] == 0
    doc = tmp_path / "zh.txt"
    doc.write_text(
        "数字经济发展迅速，城市建设加快，数据要素价值释放。政府推动改革,强化治理。\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, str(doc), "--fail-on", "error")
    assert code == 0 and f"{doc}:1:32: warning zh-halfwidth-punct" in out
    assert run(capsys, str(doc), "--fail-on", "warning")[0] == 1
    doc.write_text("数字经济发展迅速，城市建设加快。\n", encoding="utf-8")
    assert run(capsys, str(doc), "--fail-on", "warning")[:2] == (
        0,
        "0 findings (0 errors, 0 warnings, 0 infos) in 1 files\n",
    )


def test_output_file_is_written_before_the_exit_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "r.sarif"
    code, out, _ = run(capsys, "--format", "sarif", "--output", str(out_file))
    assert code == 1 and out == ""
    assert json.loads(out_file.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_configuration_error_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cfg = tmp_path / "ruzh.toml"
    cfg.write_text('[check]\ndisable = ["zh-stray-spaces"]\n', encoding="utf-8")
    code, out, err = run(capsys, "--config", str(cfg))
    assert code == 2 and out == ""
    assert "unknown rule id 'zh-stray-spaces'" in err and f"{cfg}:2" in err and "Traceback" not in err


def test_unreadable_input_exits_3_and_writes_no_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    report = tmp_path / "report.json"
    code, _, err = run(capsys, str(bad), "--output", str(report))
    assert code == 3 and not report.exists()
    assert str(bad) in err and "Traceback" not in err
    code, _, err = run(capsys, str(tmp_path / "missing.txt"))
    assert code == 3 and "missing.txt" in err


def test_baseline_hides_known_findings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    code, _, err = run(capsys, "--write-baseline", str(base), "--format", "json")
    assert code == 1 and "fingerprints written" in err
    code, out, _ = run(capsys, "--baseline", str(base), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["findings"] == [] and doc["summary"]["suppressed_by_baseline"] > 0


def test_new_finding_shows_through_the_baseline(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Технологии IoT растут.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    assert run(capsys, str(doc), "--write-baseline", str(base))[0] == 0
    doc.write_text("Новая строка.\nТехнологии IoT растут, и IоT тоже.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(doc), "--baseline", str(base))
    assert code == 1 and f"{doc}:2:" in out and "mixed-script-word" in out


def test_aligned_pairs_and_github_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pairs = tmp_path / "p.tsv"
    pairs.write_text(
        "Рост составил 15 %.\t增长了15%。\nВ 2021 году.\t2012年。\nПривет, мир.\t\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "--aligned", str(pairs), "--format", "github")
    assert code == 1
    assert f"::error file={pairs},line=3,col=1,title=unit-empty-target::" in out
    assert f"::warning file={pairs},line=2,col=1,title=unit-number-mismatch::" in out


def test_list_rules_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0 and "mixed-script-word" in out and "tm-inconsistent-target" in out
    assert main(["check", "--help"]) == 0
    assert "exit codes" in capsys.readouterr().out


def test_docx_paragraphs_are_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import zipfile

    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>Технологии IоT растут.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>数字经济发展迅速，城市建设加快。政府推动改革,强化治理。</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    doc = tmp_path / "d.docx"
    with zipfile.ZipFile(doc, "w") as archive:
        archive.writestr("word/document.xml", body)
    code, out, _ = run(capsys, str(doc), "--format", "text")
    assert code == 1
    assert f"{doc}:1:12: error mixed-script-word" in out
    assert f"{doc}:2:23: warning zh-halfwidth-punct" in out


def test_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Технологии IоT.\n".encode())))
    code, out, _ = run(capsys, "-")
    assert code == 1 and out.startswith("<stdin>:1:12: error mixed-script-word")


def test_github_format_is_the_default_in_github_actions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(capsys)
    assert out.startswith("::") and "::error file=" in out


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_reports_are_byte_identical_run_to_run(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    first = run(capsys, "--format", fmt)[1]
    assert first and run(capsys, "--format", fmt)[1] == first
