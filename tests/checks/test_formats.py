"""Report formats, fingerprints, configuration and baselines."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from lxml import etree
from ruzh.align.reader import read_document
from ruzh.checks.baseline import read_baseline, split_known, write_baseline
from ruzh.checks.config import CheckConfig, load_config, parse_config
from ruzh.checks.findings import Finding, fails, with_fingerprints
from ruzh.checks.formats import (
    GITHUB_LIMIT,
    Report,
    render_github,
    render_json,
    render_junit,
    render_sarif,
    render_text,
)
from ruzh.checks.homoglyphs import mixed_script
from ruzh.checks.rules import RULES, finding
from ruzh.checks.runner import run_checks
from ruzh.checks.text import DocumentText
from ruzh.checks.variants import load_glossary
from ruzh.core.errors import ConfigError, InputError
from ruzh.seeds import seed_paths


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return run_checks([read_document(p, name=str(p)) for p in seed_paths()], (), load_glossary())


def test_text_lines_are_file_line_col_severity_rule(seed_report: Report) -> None:
    lines = render_text(seed_report).splitlines()
    assert len(lines) == len(seed_report.findings) + 1
    for line, f in zip(lines, seed_report.findings, strict=False):
        assert line.startswith(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} ")


def test_json_has_findings_and_summary(seed_report: Report) -> None:
    doc = json.loads(render_json(seed_report))
    assert set(doc) == {"findings", "summary"}
    first = doc["findings"][0]
    assert {"rule", "severity", "message", "file", "line", "column", "text", "related"} <= set(first)
    assert doc["summary"]["total"] == len(seed_report.findings)
    assert sum(doc["summary"]["by_severity"].values()) == len(seed_report.findings)


SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_junit_has_one_case_per_rule_and_file(seed_report: Report) -> None:
    root = etree.fromstring(render_junit(seed_report).encode("utf-8"))
    cases = root.findall(".//testcase")
    assert len(cases) == len(seed_report.rules) * len(seed_report.files)
    failing = {(c.get("classname"), c.get("name")) for c in cases if c.find("failure") is not None}
    errors = {(f.rule, f.file) for f in seed_report.findings if f.severity == "error"}
    assert errors and failing == errors  # the default --fail-on is error
    skipped = {(c.get("classname"), c.get("name")) for c in cases if c.find("skipped") is not None}
    assert skipped == {(f.rule, f.file) for f in seed_report.findings} - errors


@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_junit_is_valid_against_the_jenkins_xunit_schema(seed_report: Report, fail_on: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    report = dataclasses.replace(seed_report, fail_on=fail_on)
    doc = etree.fromstring(render_junit(report).encode("utf-8"))
    assert schema.validate(doc), schema.error_log
    suites = doc.findall("testsuite")
    assert all(
        s.get(k) is not None for s in suites for k in ("errors", "failures", "skipped", "tests", "time")
    )
    failed = sum(int(s.get("failures", "0")) for s in suites)
    expected = {(f.rule, f.file) for f in seed_report.findings if report.failing(f)}
    assert failed == len(expected) == int(doc.get("failures", "-1"))
    if fail_on == "never":
        assert failed == 0 and sum(int(s.get("skipped", "0")) for s in suites) > 0


def test_junit_schema_rejects_what_jenkins_would() -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    old_style = etree.fromstring(b'<testsuites><testsuite name="r" tests="1" failures="0"/></testsuites>')
    assert not schema.validate(old_style)  # no errors attribute: what ruzh wrote before


def test_sarif_is_valid_against_the_sarif_schema(seed_report: Report, tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    doc = json.loads(render_sarif(seed_report))
    assert sorted(e.message for e in validator.iter_errors(doc)) == []
    assert doc["runs"][0]["results"]
    assert "informationUri" not in doc["runs"][0]["tool"]["driver"]  # no placeholder home page
    doc["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(doc))  # the schema is really applied


def test_sarif_has_rule_metadata_and_fingerprints(seed_report: Report) -> None:
    doc = json.loads(render_sarif(seed_report))
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in seed_report.rules]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert len(res["partialFingerprints"]["ruzhFingerprint/v1"]) == 32
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert run["columnKind"] == "unicodeCodePoints"


def test_github_annotates_ten_per_kind_and_summarises_the_rest(seed_report: Report) -> None:
    out = render_github(seed_report).splitlines()
    warnings = [line for line in out if line.startswith("::warning ")]
    errors = [line for line in out if line.startswith("::error ")]
    assert len(warnings) == min(GITHUB_LIMIT, sum(f.severity == "warning" for f in seed_report.findings))
    assert len(errors) == min(GITHUB_LIMIT, sum(f.severity == "error" for f in seed_report.findings))
    assert any(line.startswith("::group::") for line in out)
    assert f"ruzh check: {len(seed_report.findings)} findings in 5 files" in out
    assert all(",line=" in line and ",col=" in line for line in errors)


def test_github_escapes_newlines_and_percent() -> None:
    f = finding("unit-untranslated", "50% done\nnext", "a,b.tsv", 3, 1, "x")
    out = render_github(Report((f,), ("a,b.tsv",), RULES))
    assert "::error file=a%2Cb.tsv,line=3,col=1,title=unit-untranslated::50%25 done%0Anext" in out


def test_github_file_names_cannot_inject_commands() -> None:
    evil = "x\n::error file=README.md,line=1::INJECTED.txt"
    found = [
        finding("zh-stray-space", f"space {i}\n::warning::also", evil, i, 1, "推 动") for i in range(1, 40)
    ]
    out = render_github(Report(tuple(found), (evil,), RULES)).splitlines()
    commands = [line for line in out if line.lstrip().startswith("::")]
    assert not any("INJECTED" in c and c.startswith("::error") for c in commands)
    assert not any(line.startswith("::warning::also") for line in out)
    start = out.index(next(line for line in out if line.startswith("::stop-commands::")))
    token = out[start].split("::")[2]
    end = out.index(f"::{token}::")
    listed = out[start + 1 : end]
    assert len(listed) == 39 - GITHUB_LIMIT and all(token not in line for line in listed)
    assert all(not line.lstrip().startswith("::") for line in listed)
    assert out[end + 1] == "::endgroup::"


def test_fingerprints_survive_inserted_lines_and_number_repeats() -> None:
    lines = ("Технологии IоT и IоT.", "", "Снова IоT.")
    before = list(with_fingerprints(mixed_script(DocumentText.from_lines("d.txt", lines))))
    after = list(with_fingerprints(mixed_script(DocumentText.from_lines("d.txt", ("Новая строка.", *lines)))))
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert len({f.fingerprint for f in before}) == 3
    assert [f.line for f in after] == [f.line + 1 for f in before]


def test_fail_on_levels() -> None:
    warn = finding("zh-stray-space", "m", "f", 1, 1, "x")
    assert fails([warn], "warning") and not fails([warn], "error") and not fails([warn], "never")


def test_config_disables_and_changes_severity_per_path(tmp_path: Path) -> None:
    cfg = parse_config(
        '[check]\nfail-on = "warning"\ndisable = ["unit-length-ratio"]\n'
        'severity = { zh-stray-space = "error" }\n'
        '[[check.paths]]\nglob = "*001_*"\ndisable = ["zh-halfwidth-punct"]\n',
        "ruzh.toml",
    )
    assert cfg.fail_on == "warning"
    assert cfg.severity_for("unit-length-ratio", "x.tsv") is None
    assert cfg.severity_for("zh-stray-space", "a.txt") == "error"
    assert cfg.severity_for("zh-halfwidth-punct", "seeds/001_aeb.txt") is None
    assert cfg.severity_for("zh-halfwidth-punct", "seeds/000_2dc.txt") == "warning"
    report = run_checks([read_document(p, name=str(p)) for p in seed_paths()], (), load_glossary(), cfg)
    assert not [f for f in report.findings if f.rule == "zh-halfwidth-punct" and "001_" in f.file]
    assert [f for f in report.findings if f.rule == "zh-halfwidth-punct" and "000_" in f.file]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[check]\ndisable = ["no-such-rule"]\n', 2),
        ('[check]\n\nseverity = { zh-stray-space = "fatal" }\n', 3),
        ('[check]\nfail-on = "sometimes"\n', 2),
        ("[check]\nunknown = 1\n", 2),
        ("[check\n", 1),
    ],
)
def test_config_errors_name_the_line(text: str, line: int) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config(text, "ruzh.toml")
    assert err.value.line == line and err.value.hint


def test_pyproject_table_and_discovery(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruzh.check]\nfail-on = "never"\n', encoding="utf-8")
    assert load_config(cwd=tmp_path).fail_on == "never"
    assert load_config(cwd=tmp_path / "nothing-here") == CheckConfig()


def test_baseline_round_trip(tmp_path: Path, seed_report: Report) -> None:
    path = tmp_path / "baseline.json"
    assert write_baseline(path, seed_report.findings) == len(seed_report.findings)
    known = read_baseline(path)
    extra = Finding("zh-stray-space", "warning", "m", "new.txt", 1, 1, "推 动", fingerprint="f" * 32)
    new, hidden = split_known([*seed_report.findings, extra], known)
    assert new == [extra] and hidden == len(seed_report.findings)


def test_broken_baseline_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('{"fingerprints": [1, 2', encoding="utf-8")
    with pytest.raises(InputError):
        read_baseline(path)
